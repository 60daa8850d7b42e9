import { z } from 'zod';

import { uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { billingAddressIdProperty } from './fields';

export const getBillingAddress = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a billing address',
	description: 'Read one billing address by its UUID. Returns the address with its fields and metadata.',
	properties: [billingAddressIdProperty],
	schema: z.object({ addressId: uuid }),
	request: ({ addressId }) => ({ method: 'GET', path: `/billing-addresses/${addressId}` }),
});
