import { z } from 'zod';

import { uuid } from '../../fields';
import type { OperationDescriptor } from '../../../shared/operations';
import { billingAddressIdProperty } from './fields';

export const getBillingAddress: OperationDescriptor = {
	value: 'get',
	name: 'Get',
	action: 'Get a billing address',
	description: 'Retrieve one billing address',
	properties: [billingAddressIdProperty],
	schema: z.object({ addressId: uuid }),
	request: ({ addressId }) => ({ method: 'GET', path: `/billing-addresses/${addressId}` }),
};
