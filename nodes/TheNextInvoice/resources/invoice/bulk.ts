import { z } from 'zod';

import type { OperationDescriptor } from '../../../shared/operations';
import type { IHttpRequestMethods } from 'n8n-workflow';
import { idProperty, recordId } from '../../fields';

/** TheNextInvoice takes comma-separated ids for bulk actions; at most 50 per request keeps URLs short. */
const MAX_IDS = 50;

function bulkAction(value: string, name: string, action: string, description: string, method: IHttpRequestMethods, suffix: string): OperationDescriptor<{ invoiceId: string }> {
	const path = (ids: string) => `/invoice/${ids}${suffix}`;
	return {
		value,
		name,
		action,
		description,
		properties: [idProperty('Invoice ID', 'invoiceId')],
		schema: z.object({ invoiceId: recordId }),
		request: ({ invoiceId }) => ({ method, path: path(invoiceId) }),
		output: (_body, { invoiceId }) => ({ invoiceId: Number(invoiceId), success: true }),
		batch: {
			id: ({ invoiceId }) => invoiceId,
			maxIds: MAX_IDS,
			request: (ids) => ({ method, path: path(ids.join(',')) }),
			resultFor: (_body, id) => ({ invoiceId: Number(id), success: true }),
		},
	};
}

export const deleteInvoice = bulkAction('delete', 'Delete', 'Delete an invoice', 'Delete draft invoices', 'DELETE', '');
export const bookInvoice = bulkAction('book', 'Book', 'Book an invoice', 'Mark invoices as booked', 'POST', '/book');
export const remindInvoice = bulkAction('remind', 'Remind', 'Send a payment reminder', 'Send payment reminders', 'POST', '/remind');
export const approveInvoice = bulkAction('approve', 'Approve', 'Approve an invoice', 'Approve invoices', 'POST', '/approve');
export const archiveInvoice = bulkAction('archive', 'Archive', 'Archive an invoice', 'Archive invoices', 'POST', '/archive');
export const queueInvoice = bulkAction('queue', 'Queue for Mailing', 'Queue an invoice for mailing', 'Queue invoices for mailing', 'POST', '/queue');
export const sepaInvoice = bulkAction('addToSepaBatch', 'Add to SEPA Batch', 'Add an invoice to a SEPA batch', 'Add invoices to a SEPA direct-debit batch', 'POST', '/sepa');
