import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, idProperty, optional, recordId } from '../../fields';
import { answerFields } from '../invoiceProfile/common';
import { getAllOperation } from '../../helpers';

const PATH = '/settings/user';

const roleProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: [
		{ name: 'Employee', value: 'employee' },
		{ name: 'Owner', value: 'owner' },
	],
	default: 'employee',
	required: true,
};
const role = z.enum(['employee', 'owner']);
const userIdProperty = idProperty('User ID', 'userId');

const listUsers = getAllOperation('Get many company users', 'List the users with access to the company. Returns one item per user with their ID, e-mail address and role (owner or employee).', PATH);

/** An existing account only needs e-mail and role; a new account also needs password, name and language. */
const addUser = defineOperation({
	value: 'add',
	name: 'Add',
	action: 'Add a user to the company',
	description: 'Give a user access to the company by e-mail address; an unknown address creates a new account (then password, name and language are required). Returns the user as TheNextInvoice answers it.',
	properties: [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
		roleProperty,
		{
			displayName: 'New Account Fields',
			name: 'newAccount',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description: 'Required when the e-mail address has no account yet',
			options: [
				{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'nl', description: 'Two-letter language code' },
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
			],
		},
	],
	schema: z
		.object({
			email: z.string().trim().email('must be an e-mail address'),
			role,
			newAccount: z
				.object({
					language: optional(z.string().trim().regex(/^[a-z]{2}$/i, 'must be a two-letter language code such as nl').transform((v) => v.toLowerCase())),
					name: optional(z.string().trim()),
					password: optional(z.string()),
				})
				.default({}),
		})
		.transform(({ newAccount, ...fields }) => compact({ ...fields, ...newAccount })),
	// A repeat answers 403 "User already in company": it cannot add anyone twice.
	request: (body) => ({ method: 'POST', path: PATH, body }),
});

const updateUser = defineOperation<{ userId: string; role: string }>({
	value: 'updateRole',
	name: 'Update Role',
	action: 'Update the role of a company user',
	description: 'Make a user owner or employee by user ID (the sole owner cannot be demoted). Returns the answer of TheNextInvoice.',
	properties: [userIdProperty, roleProperty],
	schema: z.object({ userId: recordId, role }),
	request: ({ userId, role: newRole }) => ({ method: 'PUT', path: `${PATH}/${userId}`, body: { role: newRole } }),
});

const removeUser = defineOperation<{ userId: string }>({
	value: 'remove',
	name: 'Remove',
	action: 'Remove a user from the company',
	description: 'Take away the access of a user to the company by user ID (the sole owner cannot be removed). Returns userId and removed: true.',
	properties: [userIdProperty],
	schema: z.object({ userId: recordId }),
	request: ({ userId }) => ({ method: 'DELETE', path: `${PATH}/${userId}` }),
	output: (answer, { userId }) => ({ userId: Number(userId), removed: true, ...answerFields(answer) }),
});

export const companyUserResource: ResourceDescriptor = {
	value: 'companyUser',
	name: 'Company User',
	operations: [addUser, listUsers, removeUser, updateUser],
};
