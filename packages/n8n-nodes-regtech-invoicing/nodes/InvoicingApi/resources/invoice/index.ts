import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { DEFAULT_CREATE_PATH, type CreatePath } from '../../createPath';
import { createInvoiceOperationFor } from './create';
import { getInvoiceStatusOperation } from './getStatus';
import { sendInvoiceOperation } from './send';

/** The Invoice resource with Create sent to `createPath` (the credential's Create Path). */
export const invoiceResourceFor = (createPath: CreatePath): ResourceDescriptor => ({
	value: 'invoice',
	name: 'Invoice',
	operations: [createInvoiceOperationFor(createPath), getInvoiceStatusOperation, sendInvoiceOperation],
});

/** For the node's parameters, which do not depend on the path. */
export const invoiceResource = invoiceResourceFor(DEFAULT_CREATE_PATH);
