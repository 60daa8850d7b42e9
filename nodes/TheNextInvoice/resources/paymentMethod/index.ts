import type { ResourceDescriptor } from '../../../shared/operations';
import { createPaymentMethod, deletePaymentMethod, listPaymentMethods, updatePaymentMethod } from './operations';

export const paymentMethodResource: ResourceDescriptor = {
	value: 'paymentMethod',
	name: 'Payment Method',
	operations: [createPaymentMethod, deletePaymentMethod, listPaymentMethods, updatePaymentMethod],
};
