import { z } from 'zod';

import { compact, optional, organizationLocator, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

export const inviteUser = defineOperation({
	value: 'invite',
	name: 'Invite',
	action: 'Invite a user',
	description: 'Invite a user to an organization by e-mail address, optionally with first and last name (a member already there answers 409). Returns the invited user.',
	properties: [
		organizationLocator(),
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
			],
		},
	],
	schema: z.object({
		organizationId: uuid,
		email: z.string().trim().email('must be an e-mail address'),
		additionalFields: z.object({ first_name: optional(z.string()), last_name: optional(z.string()) }).default({}),
	}),
	// Inviting someone who is already a member answers 409, so a repeat cannot duplicate a user.
	request: ({ organizationId, email, additionalFields }) => ({
		method: 'POST',
		path: `/organizations/${organizationId}/users`,
		body: compact({ email, ...additionalFields }),
	}),
});
