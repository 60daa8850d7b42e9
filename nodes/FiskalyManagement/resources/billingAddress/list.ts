import { z } from 'zod';

import type { OperationDescriptor } from '../../../shared/operations';

export const listBillingAddresses: OperationDescriptor = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many billing addresses',
	description: 'List the billing addresses of all organizations you can access (fiskaly returns them in one answer)',
	properties: [],
	schema: z.object({}),
	list: () => ({
		request: { method: 'GET', path: '/billing-addresses' },
		pagination: { style: 'none', itemsField: 'data' },
	}),
};
