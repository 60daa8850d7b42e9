import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optional } from '../../fields';

const ORDERS = ['id', 'description', 'price'] as const;

export const searchProducts = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many products',
	description: 'Search the products, optionally by a term, in the chosen order. Returns one item per product (up to Limit, or all).',
	properties: [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Order By',
					name: 'order',
					type: 'options',
					options: [
						{ name: 'Description', value: 'description' },
						{ name: 'ID', value: 'id' },
						{ name: 'Price', value: 'price' },
					],
					default: 'id',
				},
				{ displayName: 'Reverse Order', name: 'reverse', type: 'boolean', default: false, description: 'Whether to reverse the order' },
				{ displayName: 'Search Term', name: 'term', type: 'string', default: '', description: 'Matches the product description' },
			],
		},
	],
	schema: z.object({
		options: z
			.object({ order: optional(z.enum(ORDERS)), reverse: z.boolean().optional(), term: optional(z.string().trim()) })
			.default({})
			.transform(({ reverse, ...rest }) => compact({ ...rest, reverse: reverse === undefined ? undefined : String(reverse) })),
	}),
	list: ({ options }) => ({
		request: { method: 'GET', path: '/product/search', qs: options },
		// The documented default page is 0, but page 0 and page 1 are both the first page (the answer says
		// "first": 1), so paging starts at 1: starting at 0 would return the first page twice.
		pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items', totalPagesField: 'total_pages' },
	}),
});
