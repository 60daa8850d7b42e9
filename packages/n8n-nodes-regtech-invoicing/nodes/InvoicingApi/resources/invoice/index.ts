import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createInvoiceOperation } from './create';
import { getInvoiceStatusOperation } from './getStatus';
import { sendInvoiceOperation } from './send';

export const invoiceResource: ResourceDescriptor = {
	value: 'invoice',
	name: 'Invoice',
	operations: [createInvoiceOperation, getInvoiceStatusOperation, sendInvoiceOperation],
};
