import { z } from 'zod';

import { compact, environmentOptions, filtersProperty, listOrder, listOrderSchema, offsetPages, optional, optionalUuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

const ORDER_BY = ['name', 'id', 'address_line1', 'zip', 'town', 'display_name', 'vat_id', 'address_line2', 'state', 'tax_number', 'economy_id'] as const;

export const listOrganizations = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many organizations',
	description: 'List the organizations you can access, with filters (environment, managing organization, type) and sorting. Returns one item per organization.',
	properties: [
		filtersProperty([
				{ displayName: 'Environment', name: 'env', type: 'options', options: environmentOptions, default: 'TEST' },
				{ displayName: 'Managed By Organization ID', name: 'managed_by_organization_id', type: 'string', default: '' },
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Managed Organization', value: 'MANAGED_ORGANIZATION' },
						{ name: 'Organization', value: 'ORGANIZATION' },
					],
					default: 'ORGANIZATION',
				},
		]),
		...listOrder(ORDER_BY, 'name'),
	],
	schema: z.object({
		filters: z
			.object({
				env: optional(z.enum(['TEST', 'LIVE'])),
				managed_by_organization_id: optional(optionalUuid),
				type: optional(z.enum(['ORGANIZATION', 'MANAGED_ORGANIZATION'])),
			})
			.default({}),
		...listOrderSchema([...ORDER_BY]),
	}),
	list: ({ filters, order_by, order }) => ({
		request: { method: 'GET', path: '/organizations', qs: compact({ ...filters, order_by, order }) },
		pagination: offsetPages(5000),
	}),
});
