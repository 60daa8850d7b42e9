import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { recordId } from '../../fields';
import { customerLocator } from './fields';

export const getDuplicateCustomers = defineOperation({
	value: 'getDuplicates',
	name: 'Get Duplicates',
	action: 'Get groups of duplicate customers',
	description: 'Find customers that look like duplicates (same name or contact details). Returns one item per group with its count and customers.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'GET', path: '/customer/duplicates' }),
	output: (body: unknown) => {
		if (!Array.isArray(body)) return body && typeof body === 'object' ? (body as IDataObject) : [];
		return body.map((group, index) =>
			Array.isArray(group) ? { group: index + 1, count: group.length, customers: group as IDataObject[] } : (group as IDataObject),
		);
	},
});

const idList = z
	.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
	.transform((value) => (Array.isArray(value) ? value.map(String) : String(value).split(',')).map((v) => v.trim()).filter((v) => v !== ''))
	.pipe(z.array(recordId).min(1, 'give at least one customer ID'));

export const mergeCustomers = defineOperation<{ customerId: string; mergeIds: string[] }>({
	value: 'merge',
	name: 'Merge',
	action: 'Merge duplicate customers into one',
	description: 'Merge duplicate customers: move all invoices of the listed customer IDs to the master customer and remove the listed customers. Returns customerId, mergedIds and merged: true.',
	properties: [
		customerLocator('Master Customer', 'customerId', 'The customer that stays'),
		{
			displayName: 'Customer IDs to Merge',
			name: 'mergeIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: '12,34,56',
			description: 'Comma-separated IDs (or an array in an expression) of the customers merged into the master and then removed',
		},
	],
	schema: z
		.object({ customerId: recordId, mergeIds: idList })
		.refine(({ customerId, mergeIds }) => !mergeIds.includes(customerId), { message: 'must not contain the master customer ID', path: ['mergeIds'] })
		.transform(({ customerId, mergeIds }) => ({ customerId, mergeIds: [...new Set(mergeIds)] })),
	request: ({ customerId, mergeIds }) => ({
		method: 'PUT',
		path: `/customer/merge/${customerId}`,
		body: mergeIds.map(Number) as unknown as IDataObject[],
		// The merged customers are gone after the first success: a repeat would fail, so no blind retries.
		idempotent: false,
	}),
	output: (_body, { customerId, mergeIds }) => ({ customerId: Number(customerId), mergedIds: mergeIds.map(Number), merged: true }),
});
