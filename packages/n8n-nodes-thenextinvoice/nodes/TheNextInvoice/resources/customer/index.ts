import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createCustomer } from './create';
import { getDuplicateCustomers, mergeCustomers } from './dedupe';
import { importCustomers } from './import';
import { checkCustomerCoc, checkCustomerVat } from './lookup';
import { listAllCustomers, searchCustomers } from './search';
import { deleteCustomer, getCustomer, verifyCustomerPeppol } from './single';
import { updateCustomer } from './update';

export const customerResource: ResourceDescriptor = {
	value: 'customer',
	name: 'Customer',
	operations: [
		checkCustomerCoc,
		checkCustomerVat,
		createCustomer,
		deleteCustomer,
		getCustomer,
		getDuplicateCustomers,
		searchCustomers,
		importCustomers,
		listAllCustomers,
		mergeCustomers,
		updateCustomer,
		verifyCustomerPeppol,
	],
};
