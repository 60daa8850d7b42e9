import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createBillingAddress } from './create';
import { getBillingAddress } from './get';
import { listBillingAddresses } from './list';
import { updateBillingAddress } from './update';

export const billingAddressResource: ResourceDescriptor = {
	value: 'billingAddress',
	name: 'Billing Address',
	operations: [createBillingAddress, getBillingAddress, listBillingAddresses, updateBillingAddress],
};
