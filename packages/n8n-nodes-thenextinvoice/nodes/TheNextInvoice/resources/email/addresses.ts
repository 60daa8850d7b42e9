import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, idProperty, optional, recordId } from '../../fields';
import { answerFields } from '../companySettings/common';
import { wholeList } from '../../helpers';

const PATH = '/settings/email/address';

const email = z.string().trim().email('must be an e-mail address');
const addressType = z.enum(['from', 'cc'], { errorMap: () => ({ message: 'must be From or CC' }) });

/** Named addressType: other resources have a `type` parameter with other options. */
const typeProperty = {
	displayName: 'Type',
	name: 'addressType',
	type: 'options' as const,
	options: [
		{ name: 'CC', value: 'cc', description: 'Copied on outgoing e-mail' },
		{ name: 'From', value: 'from', description: 'Sender address of outgoing e-mail' },
	],
	default: 'from',
	required: true,
};

export const listAddresses = defineOperation({
	value: 'getManyAddresses',
	name: 'Get Many Addresses',
	action: 'Get many e-mail addresses',
	description: 'List the sender (from) and CC e-mail addresses. Returns one item per address with its ID, type and verification state.',
	properties: [],
	schema: z.object({}),
	list: () => wholeList(PATH),
});

export const addAddress = defineOperation({
	value: 'addAddress',
	name: 'Add Address',
	action: 'Add an e-mail address',
	description: 'Add a sender or CC e-mail address; TheNextInvoice sends it a verification e-mail. Returns the new address with its ID and verification state.',
	properties: [
		typeProperty,
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [{ displayName: 'Redirect URL', name: 'redirect', type: 'string', default: '', placeholder: 'https://example.com/verified', description: 'Where the verification link leads afterwards' }],
		},
	],
	schema: z
		.object({
			addressType,
			email,
			additionalFields: z.object({ redirect: optional(z.string().trim().url('must be a URL such as https://example.com')) }).default({}),
		})
		.transform(({ addressType: type, email: address, additionalFields }) => ({ type, email: address, ...compact(additionalFields) })),
	request: (body) => ({ method: 'POST', path: PATH, body }),
});

export const verifyAddress = defineOperation({
	value: 'verifyAddress',
	name: 'Verify Address',
	action: 'Verify an e-mail address',
	description: 'Confirm an e-mail address with the key from its verification e-mail (what the verification link does). Returns the address with its verification state.',
	properties: [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
		{ displayName: 'Key', name: 'key', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'The verification key (SHA-256) from the verification e-mail' },
		{ displayName: 'Company ID', name: 'companyId', type: 'number', default: 0, required: true, description: 'The company the address belongs to' },
	],
	schema: z.object({
		email,
		key: z.string().trim().regex(/^[0-9a-f]{64}$/i, 'must be the 64-character SHA-256 key from the verification e-mail'),
		companyId: z.number().int('must be a whole number').positive('must be a company ID'),
	}),
	request: ({ email: address, key, companyId }) => ({ method: 'POST', path: '/settings/email/verify', body: { email: address, key, company: companyId }, idempotent: true }),
});

export const deleteAddress = defineOperation({
	value: 'deleteAddress',
	name: 'Delete Address',
	action: 'Delete an e-mail address',
	description: 'Remove a sender or CC e-mail address by its ID. Returns addressId, its type and deleted: true.',
	properties: [idProperty('Address ID', 'addressId'), typeProperty],
	schema: z.object({ addressId: recordId, addressType }),
	request: ({ addressId, addressType: type }) => ({ method: 'DELETE', path: `${PATH}/${addressId}/${type}` }),
	output: (answer, { addressId, addressType: type }) => ({ addressId: Number(addressId), type, deleted: true, ...answerFields(answer) }),
});
