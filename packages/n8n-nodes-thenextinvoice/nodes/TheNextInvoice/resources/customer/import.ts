import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { CUSTOMER_FIELDS, customerObjectSchema } from './fields';

const customers = z
	.preprocess((value) => {
		if (typeof value !== 'string') return value;
		try {
			return JSON.parse(value || '[]');
		} catch {
			return value;
		}
	}, z.array(customerObjectSchema, { invalid_type_error: 'must be a JSON array of customer objects' }))
	.refine((rows) => rows.length > 0, 'add at least one customer');

export const importCustomers = defineOperation<{ customers: IDataObject[] }>({
	value: 'import',
	name: 'Import',
	action: 'Import many customers',
	description: 'Create many customers from a JSON array in one transactional request: if one row is invalid, none is imported. Returns the created customers, or the number imported.',
	properties: [
		{
			displayName: 'Customers (JSON)',
			name: 'customers',
			type: 'json',
			default: '[]',
			required: true,
			description: `A JSON array of customer objects with the fields of Create Customer: ${CUSTOMER_FIELDS.join(', ')}. Required: companyname, address, postalcode, city, country, email, person.`,
		},
	],
	schema: z.object({ customers }),
	// A repeated import would create every customer twice, so an unknown outcome is reported, not retried.
	request: ({ customers: rows }) => ({ method: 'POST', path: '/customer/import', body: rows }),
	output: (body: unknown, { customers: rows }) =>
		Array.isArray(body) && body.every((r) => r && typeof r === 'object')
			? (body as IDataObject[])
			: { imported: rows.length, ...(body === undefined || body === null || body === '' ? {} : { result: body as IDataObject[string] }) },
});
