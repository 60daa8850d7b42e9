import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createPaymentMethod, deletePaymentMethod, listPaymentMethods, updatePaymentMethod } from './operations';

export const paymentMethodResource: ResourceDescriptor = {
	value: 'paymentMethod',
	name: 'Payment Method',
	operations: [createPaymentMethod, deletePaymentMethod, listPaymentMethods, updatePaymentMethod],
};
