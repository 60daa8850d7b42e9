import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationDescriptor } from '../../../shared/operations';
import { invoiceLocator, isoDate, recordId } from '../../fields';

/** TheNextInvoice takes comma-separated ids for bulk actions; at most 50 per request keeps URLs short. */
const MAX_IDS = 50;

interface BulkBody {
	properties: INodeProperties[];
	schema: z.ZodRawShape;
	body: (input: IDataObject) => IDataObject;
}

/** An action on one invoice or, with "Batch Items", on many at once (`/invoice/1,2,3/book`). */
function bulkAction(
	value: string,
	name: string,
	action: string,
	description: string,
	method: IHttpRequestMethods,
	suffix: string,
	extra?: BulkBody,
): OperationDescriptor<IDataObject & { invoiceId: string }> {
	const request = (ids: string, input: IDataObject) => ({ method, path: `/invoice/${ids}${suffix}`, body: extra?.body(input) });
	return {
		value,
		name,
		action,
		description,
		properties: [invoiceLocator, ...(extra?.properties ?? [])],
		schema: z.object({ invoiceId: recordId, ...extra?.schema }),
		request: (input) => request(input.invoiceId, input),
		output: (_body, { invoiceId }) => ({ invoiceId: Number(invoiceId), success: true }),
		batch: {
			id: ({ invoiceId }) => invoiceId,
			maxIds: MAX_IDS,
			request: (ids, input) => request(ids.join(','), input),
			resultFor: (_body, id) => ({ invoiceId: Number(id), success: true }),
		},
	};
}

const mailFields: BulkBody = {
	properties: [
		{ displayName: 'Subject', name: 'subject', type: 'string', default: 'Invoice {invoicenumber}', required: true, description: 'Placeholders such as {invoicenumber} are filled in by TheNextInvoice' },
		{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 5 }, default: '', required: true, description: 'HTML allowed; placeholders such as {paymentlink} are filled in' },
	],
	schema: { subject: z.string().trim().min(1, 'must not be empty'), body: z.string().trim().min(1, 'must not be empty') },
	body: ({ subject, body }) => ({ subject, body }),
};

const collectionDate: BulkBody = {
	properties: [{ displayName: 'Collection Date', name: 'date', type: 'dateTime', default: '', required: true }],
	schema: { date: isoDate },
	body: ({ date }) => ({ date }),
};

export const deleteInvoice = bulkAction('delete', 'Delete', 'Delete an invoice', 'Soft-delete invoices', 'DELETE', '');
export const bookInvoice = bulkAction('book', 'Book', 'Book an invoice', 'Queue invoices for booking into the connected accounting system', 'POST', '/book');
export const remindInvoice = bulkAction('remind', 'Remind', 'Register a payment reminder', 'Register payment reminders', 'POST', '/remind');
export const approveInvoice = bulkAction('approve', 'Approve', 'Approve a quotation', 'Approve quotations', 'POST', '/approve');
export const archiveInvoice = bulkAction('archive', 'Archive', 'Archive a quotation', 'Archive quotations', 'POST', '/archive');
export const queueInvoice = bulkAction('queue', 'Queue for Mailing', 'Queue an invoice for mailing', 'Queue finalized invoices to be e-mailed', 'POST', '/queue', mailFields);
export const sepaInvoice = bulkAction('createSepaBatch', 'Create SEPA Batch', 'Create a SEPA direct-debit batch', 'Create a SEPA direct-debit batch for invoices', 'POST', '/sepa', collectionDate);
