import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { compact, optional } from '../../fields';

const STATUSES = ['open', 'paid', 'pastdue', 'credit', 'credited', 'reminded', 'booked', 'notbooked', 'sepa'] as const;
const TYPES = ['invoice', 'quotation', 'recurring', 'draft', 'sepa'] as const;
const ORDERS = ['id', 'customer', 'number', 'date', 'duedate', 'collection_date', 'amount'] as const;

const label = (value: string) => value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

/** The invoice search filters; invoice totals, CSV export and SEPA search take the same ones. */
export const invoiceFiltersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add filter',
	default: {},
	options: [
		{ displayName: 'Customer ID', name: 'customer_id', type: 'number', default: 0 },
		{ displayName: 'Max Amount', name: 'maxamount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		{ displayName: 'Max Date', name: 'maxdate', type: 'dateTime', default: '' },
		{ displayName: 'Max Due Date', name: 'maxduedate', type: 'dateTime', default: '' },
		{ displayName: 'Max Number', name: 'maxnumber', type: 'string', default: '' },
		{ displayName: 'Min Amount', name: 'minamount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		{ displayName: 'Min Date', name: 'mindate', type: 'dateTime', default: '' },
		{ displayName: 'Min Due Date', name: 'minduedate', type: 'dateTime', default: '' },
		{ displayName: 'Min Number', name: 'minnumber', type: 'string', default: '' },
		{ displayName: 'Order By', name: 'order', type: 'options', options: ORDERS.map((v) => ({ name: label(v), value: v })), default: 'number' },
		{ displayName: 'Reverse Order', name: 'reverse', type: 'boolean', default: false, description: 'Whether to reverse the order' },
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: STATUSES.map((v) => ({ name: v === 'pastdue' ? 'Past Due' : v === 'notbooked' ? 'Not Booked' : label(v), value: v })),
			default: [],
			description: 'Up to 5 statuses',
		},
		{ displayName: 'Term', name: 'term', type: 'string', default: '', description: 'Free-text search' },
		{ displayName: 'Type', name: 'type', type: 'options', options: TYPES.map((v) => ({ name: label(v), value: v })), default: 'invoice' },
	],
};

const date = optional(z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date').transform((v) => v.slice(0, 10)));
const amount = z.preprocess((v) => (v === 0 || v === '' ? undefined : v), z.number().optional()).transform((v) => (v === undefined ? undefined : String(v)));

export const invoiceFiltersSchema = z
	.object({
		customer_id: z.preprocess((v) => (v === 0 || v === '' ? undefined : v), z.number().int().positive().optional()),
		maxamount: amount,
		minamount: amount,
		maxdate: date,
		mindate: date,
		maxduedate: date,
		minduedate: date,
		maxnumber: optional(z.string()),
		minnumber: optional(z.string()),
		order: optional(z.enum(ORDERS)),
		reverse: z.boolean().optional(),
		status: z.array(z.enum(STATUSES)).max(5, 'at most 5 statuses').default([]),
		term: optional(z.string()),
		type: optional(z.enum(TYPES)),
	})
	.default({})
	.transform(({ status, reverse, ...rest }) =>
		compact({ ...rest, status: status.length ? status.join(',') : undefined, reverse: reverse === undefined ? undefined : String(reverse) }),
	);
