import { z } from 'zod';

import type { OperationDescriptor, ResourceDescriptor } from '../../../shared/operations';
import { wholeListOutput, wholeListProperties, wholeListSchema } from '../customer/common';

export const listCompanies: OperationDescriptor = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many companies',
	description: 'The companies the user has access to',
	properties: wholeListProperties,
	schema: z.object(wholeListSchema),
	request: () => ({ method: 'GET', path: '/company' }),
	output: wholeListOutput,
};

export const companyResource: ResourceDescriptor = {
	value: 'company',
	name: 'Company',
	operations: [listCompanies],
};
