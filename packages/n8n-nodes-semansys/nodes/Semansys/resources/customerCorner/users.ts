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

/** The roles Semansys' page documents for POST /customer-corner/user-role (an integer). */
const USER_ROLES = [
	{ name: 'Admin', value: 1 },
	{ name: 'Manager', value: 2 },
	{ name: 'User', value: 3 },
	{ name: 'Guest', value: 4 },
	{ name: 'Customer Corner User', value: 5 },
];

export const setUserRole = semansysOperation({
	value: 'setUserRole',
	name: 'Set User Role',
	action: 'Set the role of a user',
	description:
		'Set the platform role of a user by e-mail address (admin only): Admin, Manager, User, Guest or Customer Corner User. Returns email, role (its number), roleName and the message Semansys answers with.',
	endpoint: { method: 'POST', path: '/customer-corner/user-role', confirmed: true },
	properties: [
		stringProperty('Email', 'email', 'E-mail address of the user', { required: true, placeholder: 'name@email.com' }),
		{ displayName: 'Role', name: 'role', type: 'options', options: USER_ROLES, default: 3, description: 'The role the user gets' },
	],
	fields: { email, role: z.coerce.number({ invalid_type_error: 'must be a role' }).int().min(1, 'must be a role from 1 to 5').max(5, 'must be a role from 1 to 5') },
	// Setting a role twice leaves the same role. The documented answer is a plain string: read as bytes, kept as text.
	request: ({ email: address, role }) => ({ body: { email: address, role }, allowEmptyBody: true, idempotent: true, binary: true }),
	output: (answer, input) => ({
		email: input.email as string,
		role: input.role as number,
		roleName: USER_ROLES.find((r) => r.value === input.role)?.name ?? '',
		message: Buffer.isBuffer(answer) ? answer.toString('utf8').trim() : typeof answer === 'string' ? answer : '',
	}),
});

export const getDeliveryMessages = semansysOperation({
	value: 'getDeliveryMessages',
	name: 'Get Delivery Messages',
	action: 'Get the delivery message types of both portals',
	description:
		'List the message types for deliveries to SBR Nexus and Digipoort. Returns one item per message type: its ID, name (the Message Type of a delivery), portal, xbrlSupported, xmlSupported, receivers (name, identityType, identityNumber) and entryPoints.',
	endpoint: { method: 'GET', path: '/customer-corner/delivery/messages', confirmed: true },
	properties: [],
	fields: {},
	request: () => ({}),
});
