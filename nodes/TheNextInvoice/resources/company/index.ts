import { z } from 'zod';

import type { OperationDescriptor, ResourceDescriptor } from '../../../shared/operations';

export const listCompanies: OperationDescriptor = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many companies',
	description: 'The companies the user has access to',
	properties: [],
	schema: z.object({}),
	list: () => ({ request: { method: 'GET', path: '/company' }, pagination: { style: 'none' } }),
};

export const companyResource: ResourceDescriptor = {
	value: 'company',
	name: 'Company',
	operations: [listCompanies],
};
