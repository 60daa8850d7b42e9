import { z } from 'zod';

import { compact, filtersProperty, listOrder, listOrderSchema, offsetPages, optional, organizationLocator, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { apiKeyStatus, apiKeyStatusOptions, withoutSecret } from './fields';

const ORDER_BY = ['name', 'status', 'created_at'] as const;

export const listApiKeys = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many API keys',
	description: 'List the API keys of an organization, optionally filtered by status and sorted. Returns one item per key, without secrets.',
	properties: [
		organizationLocator(),
		filtersProperty([{ displayName: 'Status', name: 'status', type: 'options', options: apiKeyStatusOptions, default: 'enabled' }]),
		...listOrder(ORDER_BY, 'created_at'),
	],
	schema: z.object({
		organizationId: uuid,
		filters: z.object({ status: optional(apiKeyStatus) }).default({}),
		...listOrderSchema([...ORDER_BY]),
	}),
	list: ({ organizationId, filters, order_by, order }) => ({
		request: { method: 'GET', path: `/organizations/${organizationId}/api-keys`, qs: compact({ ...filters, order_by, order }) },
		pagination: offsetPages(100),
	}),
	output: (apiKey) => withoutSecret(apiKey),
});
