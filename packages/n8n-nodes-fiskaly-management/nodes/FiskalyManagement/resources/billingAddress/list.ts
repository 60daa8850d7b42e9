import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

export const listBillingAddresses = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many billing addresses',
	description: 'List the billing addresses of all organizations you can access (fiskaly answers them in one response). Returns one item per address.',
	properties: [],
	schema: z.object({}),
	list: () => ({
		request: { method: 'GET', path: '/billing-addresses' },
		pagination: { style: 'none', itemsField: 'data' },
	}),
});
