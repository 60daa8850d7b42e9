import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { recordId } from '../../fields';
import { customerIdProperty } from './fields';

const byId = z.object({ customerId: recordId });

export const getCustomer = defineOperation<{ customerId: string }>({
	value: 'get',
	name: 'Get',
	action: 'Get a customer',
	description: 'Read one customer by its ID. Returns the customer with its company, contact and address fields.',
	properties: [customerIdProperty],
	schema: byId,
	request: ({ customerId }) => ({ method: 'GET', path: `/customer/${customerId}` }),
});

export const deleteCustomer = defineOperation<{ customerId: string }>({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a customer',
	description: 'Delete one customer by its ID. Returns customerId and deleted: true.',
	properties: [customerIdProperty],
	schema: byId,
	request: ({ customerId }) => ({ method: 'DELETE', path: `/customer/${customerId}` }),
	output: (_body, { customerId }) => ({ customerId: Number(customerId), deleted: true }),
});

export const verifyCustomerPeppol = defineOperation<{ customerId: string }>({
	value: 'verifyPeppol',
	name: 'Verify Peppol',
	action: 'Verify a customer on the Peppol network',
	description: 'Check whether a customer is a registered Peppol participant (Peppol must be enabled for the company). Returns customerId with the result of the check.',
	properties: [customerIdProperty],
	schema: byId,
	request: ({ customerId }) => ({ method: 'GET', path: `/customer/verifypeppol/${customerId}` }),
	output: (body, { customerId }) => ({ customerId: Number(customerId), ...(body && typeof body === 'object' ? body : { result: body }) }),
});
