import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optional } from '../../fields';

const termProperty = { displayName: 'Search Term', name: 'term', type: 'string' as const, default: '', description: 'Matches the name or the contact name' };

export const searchCustomers = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many customers',
	description: 'Search the customers, optionally by a term matched against the name or the contact name. Returns one item per customer (up to Limit, or all).',
	properties: [termProperty],
	schema: z.object({ term: optional(z.string().trim()) }),
	list: ({ term }) => ({
		request: { method: 'GET', path: '/customer/search', qs: compact({ term }) },
		// Pages from 1, at most 100 per page; this endpoint sends its counts as strings ("total_items": "2").
		pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items' },
	}),
});

export const listAllCustomers = defineOperation({
	value: 'listAll',
	name: 'List All',
	action: 'List all customers in one request',
	description: 'List all customers in one request, without paging (GET /customer), optionally matching a search term. Returns one item per customer.',
	properties: [termProperty],
	schema: z.object({ term: optional(z.string().trim()) }),
	list: ({ term }) => ({ request: { method: 'GET', path: '/customer', qs: compact({ term }) }, pagination: { style: 'none' } }),
});
