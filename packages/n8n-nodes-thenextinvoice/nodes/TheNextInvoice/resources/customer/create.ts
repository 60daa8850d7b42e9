import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact } from '../../fields';
import { additionalCustomerFieldsProperty, optionalCustomerSchema, requiredCustomerProperties, requiredCustomerSchema } from './fields';

export const createCustomer = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a customer',
	description: 'Create a customer (company or person) with address and e-mail. Returns the customer fields sent with the new customer ID.',
	properties: [...requiredCustomerProperties, additionalCustomerFieldsProperty],
	schema: z
		.object({ ...requiredCustomerSchema, additionalFields: z.object(optionalCustomerSchema).default({}) })
		.transform(({ additionalFields, ...required }) => ({ ...required, ...compact(additionalFields) })),
	// No idempotency key for customers: a create whose outcome is unknown is reported, not repeated.
	request: (body) => ({ method: 'POST', path: '/customer', body }),
	output: (answer, body) => ({ ...body, ...(answer as object) }),
});
