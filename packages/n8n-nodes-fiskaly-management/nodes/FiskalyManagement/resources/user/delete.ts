import { z } from 'zod';

import { organizationLocator, successOutput, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

export const deleteUser = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Remove a user from an organization',
	description: 'Remove a user from an organization by the organization and user UUIDs (the user account itself stays at fiskaly). Returns organizationId, userId, removed: true and whether fiskaly reported success.',
	properties: [
		organizationLocator(),
		{ displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true, description: 'UUID of the user' },
	],
	schema: z.object({ organizationId: uuid, userId: uuid }),
	request: ({ organizationId, userId }) => ({ method: 'DELETE', path: `/organizations/${organizationId}/users/${userId}` }),
	output: (body, { organizationId, userId }) => successOutput({ organizationId, userId, removed: true })(body),
});
