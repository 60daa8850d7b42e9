import { z } from 'zod';

import { compact, listOrder, listOrderSchema, optional, organizationLocator, uuid } from '../../fields';
import type { OperationDescriptor } from '../../../shared/operations';
import { apiKeyStatus, withoutSecret } from './fields';

const ORDER_BY = ['name', 'status', 'created_at'] as const;

export const listApiKeys: OperationDescriptor = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many API keys',
	description: 'List the API keys of an organization',
	properties: [
		organizationLocator(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Enabled', value: 'enabled' },
						{ name: 'Disabled', value: 'disabled' },
					],
					default: 'enabled',
				},
			],
		},
		...listOrder(ORDER_BY, 'created_at'),
	],
	schema: z.object({
		organizationId: uuid,
		filters: z.object({ status: optional(apiKeyStatus) }).default({}),
		...listOrderSchema([...ORDER_BY]),
	}),
	list: ({ organizationId, filters, order_by, order }) => ({
		request: { method: 'GET', path: `/organizations/${organizationId}/api-keys`, qs: compact({ ...filters, order_by, order }) },
		pagination: { style: 'offset', pageSize: 100, limitParam: 'limit', offsetParam: 'offset', itemsField: 'data', totalField: 'count' },
	}),
	output: (apiKey) => withoutSecret(apiKey),
};
