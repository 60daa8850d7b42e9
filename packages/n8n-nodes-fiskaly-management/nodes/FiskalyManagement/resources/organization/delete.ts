import { z } from 'zod';

import { organizationLocator, successOutput, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

export const deleteOrganization = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an organization',
	description: 'Delete an organization by its UUID (fiskaly notes this endpoint is not fully implemented on their side). Returns organizationId, deleted: true and whether fiskaly reported success.',
	properties: [organizationLocator()],
	schema: z.object({ organizationId: uuid }),
	request: ({ organizationId }) => ({ method: 'DELETE', path: `/organizations/${organizationId}` }),
	output: (body, { organizationId }) => successOutput({ organizationId, deleted: true })(body),
});
