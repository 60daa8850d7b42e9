import { z } from 'zod';

import { compact, filtersProperty, listOrder, listOrderSchema, offsetPages, optional, organizationLocator, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

const ORDER_BY = ['id', 'email', 'first_name', 'last_name'] as const;

export const listUsers = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List the users of an organization, with filters and sorting. Returns one item per user (ID, e-mail, name, status).',
	properties: [
		organizationLocator(),
		filtersProperty([
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
		]),
		...listOrder(ORDER_BY, 'email'),
	],
	schema: z.object({
		organizationId: uuid,
		filters: z
			.object({ email: optional(z.string()), first_name: optional(z.string()), last_name: optional(z.string()) })
			.default({}),
		...listOrderSchema([...ORDER_BY]),
	}),
	list: ({ organizationId, filters, order_by, order }) => ({
		request: { method: 'GET', path: `/organizations/${organizationId}/users`, qs: compact({ ...filters, order_by, order }) },
		pagination: offsetPages(5000),
	}),
});
