import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { recordId } from '../../fields';
import { customerIdProperty } from './fields';

const byId = z.object({ customerId: recordId });

export const getCustomer = defineOperation<{ customerId: string }>({
	value: 'get',
	name: 'Get',
	action: 'Get a customer',
	description: 'Retrieve one customer',
	properties: [customerIdProperty],
	schema: byId,
	request: ({ customerId }) => ({ method: 'GET', path: `/customer/${customerId}` }),
});

export const deleteCustomer = defineOperation<{ customerId: string }>({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a customer',
	description: 'Delete one customer',
	properties: [customerIdProperty],
	schema: byId,
	request: ({ customerId }) => ({ method: 'DELETE', path: `/customer/${customerId}` }),
	output: (_body, { customerId }) => ({ customerId: Number(customerId), deleted: true }),
});

export const verifyCustomerPeppol = defineOperation<{ customerId: string }>({
	value: 'verifyPeppol',
	name: 'Verify Peppol',
	action: 'Verify a customer on the Peppol network',
	description: 'Check whether the customer is a registered Peppol participant (Peppol must be enabled for the company)',
	properties: [customerIdProperty],
	schema: byId,
	request: ({ customerId }) => ({ method: 'GET', path: `/customer/verifypeppol/${customerId}` }),
	output: (body, { customerId }) => ({ customerId: Number(customerId), ...(body && typeof body === 'object' ? body : { result: body }) }),
});
