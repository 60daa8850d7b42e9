import { z } from 'zod';

import { compact, email, optionalText, stringProperty } from '../../fields';
import { semansysOperation } from '../../operation';

export const inviteUser = semansysOperation({
	value: 'inviteUser',
	name: 'Invite User',
	action: 'Invite a user to the platform',
	description: 'Invite a user to the platform by e-mail address (Customer corner › Send). Returns the answer as Semansys gives it.',
	endpoint: { method: 'POST', path: '/customer-corner/send', confirmed: true },
	properties: [
		stringProperty('Email', 'email', 'E-mail address of the user to invite', { required: true, placeholder: 'name@email.com' }),
		stringProperty('Invited By', 'invitedBy', 'Who invites the user, as shown in the invitation'),
		stringProperty('Role', 'role', 'Role the user gets on the platform'),
	],
	fields: { email, invitedBy: optionalText, role: optionalText },
	request: ({ email: address, invitedBy, role }) => ({ body: compact({ email: address, invitedBy, role }), allowEmptyBody: true }),
	// The documented answer is "200 OK, no content".
	output: (_answer, input) => ({ invited: true, email: input.email as string }),
});

export const getUserDomains = semansysOperation({
	value: 'getUserDomains',
	name: 'Get User Domains',
	action: 'Get the domains the user has access to',
	description: 'List the domains the user of the credential has access to (admin only). Returns domains, a list of domain names.',
	endpoint: { method: 'GET', path: '/customer-corner/users', confirmed: true },
	properties: [],
	fields: {},
	request: () => ({}),
	output: (answer) => ({ domains: Array.isArray(answer) ? (answer as string[]) : [] }),
});

export const checkUser = semansysOperation({
	value: 'checkUser',
	name: 'Check User',
	action: 'Check that a user exists on the platform',
	description: 'Check whether a user (by e-mail address) exists on the platform; if not, Semansys updates the system. Returns the answer as Semansys gives it.',
	endpoint: { method: 'POST', path: '/customer-corner/users', confirmed: true },
	properties: [stringProperty('User', 'user', 'The user to check (the documented body is one string, e.g. the e-mail address)', { required: true })],
	fields: { user: z.string({ required_error: 'is required' }).trim().min(1, 'is required') },
	// The body is a bare JSON string.
	request: ({ user }) => ({ body: JSON.stringify(user) as never, headers: { 'Content-Type': 'application/json' }, allowEmptyBody: true, idempotent: true }),
	output: (answer, input) => ({ user: input.user as string, checked: true, ...(answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {}) }),
});
