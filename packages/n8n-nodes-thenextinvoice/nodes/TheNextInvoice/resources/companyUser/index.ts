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

const listUsers = getAllOperation('Get many company users', 'The users with access to the company, with their role', PATH);

/** An existing account only needs e-mail and role; a new account also needs password, name and language. */
const addUser = defineOperation({
	value: 'add',
	name: 'Add',
	action: 'Add a user to the company',
	description: 'Give a user access to the company; an unknown e-mail address creates a new account (then password, name and language are required)',
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
	description: 'Make a user owner or employee (the sole owner cannot be demoted)',
	properties: [userIdProperty, roleProperty],
	schema: z.object({ userId: recordId, role }),
	request: ({ userId, role: newRole }) => ({ method: 'PUT', path: `${PATH}/${userId}`, body: { role: newRole } }),
});

const removeUser = defineOperation<{ userId: string }>({
	value: 'remove',
	name: 'Remove',
	action: 'Remove a user from the company',
	description: 'Take away the access of a user to the company (the sole owner cannot be removed)',
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
