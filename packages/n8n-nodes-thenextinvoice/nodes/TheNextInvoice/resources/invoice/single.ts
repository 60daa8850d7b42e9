import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type OperationDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { binaryOutputProperty, binaryOutputSchema, idProperty, invoiceKey, invoiceLocator, recordId } from '../../fields';
import { onRecord, send } from '../../helpers';
import { invoiceBody, invoiceBodyProperties } from './body';

const invoiceId = invoiceLocator;

export const getInvoice = onRecord(invoiceKey, { value: 'get', name: 'Get', action: 'Get an invoice', description: 'Retrieve one invoice', request: (id) => ({ method: 'GET', path: `/invoice/${id}` }) });
export const getInvoiceStatus = onRecord(invoiceKey, {
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of an invoice',
	description: 'Status history of an invoice',
	request: (id) => ({ method: 'GET', path: `/invoice/${id}/status` }),
});
export const finalizeInvoice = onRecord(invoiceKey, {
	value: 'finalize',
	name: 'Finalize',
	action: 'Finalize a draft invoice',
	description: 'Turn a draft into a finalized invoice (it gets its number)',
	request: (id) => ({ method: 'POST', path: `/invoice/${id}/send` }),
	output: (answer, id) => ({ invoiceId: Number(answer ?? id), finalized: true }),
	// Invoices get their numbers in the order they are finalized: under Auto, one item at a time, in item order.
	sequential: true,
	// Finalizing twice is refused ("already finalized"), so after an unknown outcome the invoice itself tells:
	// finalized → done (the answer would have been its id); still a draft → sending again is safe.
	recover: async (id, run) => {
		const invoice = (await send(run, { method: 'GET', path: `/invoice/${id}` })) as IDataObject | undefined;
		return Number(invoice?.status) === 1 ? invoice?.id : undefined;
	},
});
export const creditInvoice = onRecord(invoiceKey, {
	value: 'credit',
	name: 'Credit',
	action: 'Credit an invoice',
	description: 'Mark the invoice credited and create the credit invoice',
	request: (id) => ({ method: 'POST', path: `/invoice/${id}/credit` }),
	output: (answer, id) => ({ invoiceId: Number(id), creditInvoiceId: Number(answer) }),
});
export const getPaymentUrl = onRecord(invoiceKey, {
	value: 'getPaymentUrl',
	name: 'Get Payment URL',
	action: 'Get the payment URL of an invoice',
	description: 'The landing page where the customer can view and pay the invoice',
	request: (id) => ({ method: 'GET', path: `/invoice/${id}/payment-url` }),
	output: (answer, id) => ({ invoiceId: Number(id), paymentUrl: String(answer) }),
});

/** Files of an invoice, as n8n binary data. */
function invoiceFile(value: string, name: string, action: string, description: string, path: (id: string) => string, fileName: (id: string) => string, method: 'GET' | 'POST' = 'GET'): OperationDescriptor {
	return {
		...onRecord(invoiceKey, {
			value,
			name,
			action,
			description,
			properties: [binaryOutputProperty],
			shape: binaryOutputSchema,
			request: (id) => ({ method, path: path(id), idempotent: true }),
		}),
		download: { fileName: ({ invoiceId: id }) => fileName(id) },
	};
}

export const downloadInvoicePdf = invoiceFile('downloadPdf', 'Download PDF', 'Download the PDF of an invoice', 'The invoice PDF', (id) => `/invoice/${id}/view`, (id) => `invoice-${id}.pdf`);
export const downloadInvoiceZip = invoiceFile('downloadZip', 'Download ZIP', 'Download an invoice and its attachments as ZIP', 'The invoice and its attachments as a ZIP file', (id) => `/invoice/${id}/zip`, (id) => `invoice-${id}.zip`);
export const downloadPackingSlip = invoiceFile('downloadPackingSlip', 'Download Packing Slip', 'Download the packing slip of an invoice', 'The packing slip PDF', (id) => `/invoice/${id}/packing-slip`, (id) => `packing-slip-${id}.pdf`);
export const generateInvoicePdf = invoiceFile('generatePdf', 'Generate PDF', 'Generate the PDF of an invoice', 'Generate the invoice PDF now (POST /send/pdf)', (id) => `/invoice/${id}/send/pdf`, (id) => `invoice-${id}.pdf`, 'POST');

export const downloadUbl = defineOperation({
	value: 'downloadUbl',
	name: 'Download UBL',
	action: 'Download the UBL of an invoice',
	description: 'The UBL XML of a finalized invoice, optionally the Peppol BIS variant',
	properties: [invoiceId, { displayName: 'Peppol BIS Variant', name: 'peppol', type: 'boolean', default: false, description: 'Whether to render the Peppol BIS variant' }, binaryOutputProperty],
	schema: z.object({ invoiceId: recordId, peppol: z.boolean().default(false), ...binaryOutputSchema }),
	request: ({ invoiceId: id, peppol }) => ({ method: 'GET', path: `/invoice/${id}/ubl`, qs: peppol ? { peppol: 'true' } : undefined }),
	download: { fileName: ({ invoiceId: id, peppol }) => `invoice-${id}${peppol ? '-peppol' : ''}.xml`, mimeType: 'application/xml' },
});

export const downloadAttachment = defineOperation({
	value: 'downloadAttachment',
	name: 'Download Attachment',
	action: 'Download an attachment of an invoice',
	description: 'One attachment file of an invoice, with its own content type',
	properties: [invoiceId, idProperty('Attachment ID', 'attachmentId'), binaryOutputProperty],
	schema: z.object({ invoiceId: recordId, attachmentId: recordId, ...binaryOutputSchema }),
	request: ({ invoiceId: id, attachmentId }) => ({ method: 'GET', path: `/invoice/${id}/attachment/${attachmentId}` }),
	download: { fileName: ({ invoiceId: id, attachmentId }) => `invoice-${id}-attachment-${attachmentId}` },
});

export const createInvoice = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an invoice',
	description: 'Create a draft or finalized invoice. A creation token per item makes retries safe: never two invoices.',
	properties: invoiceBodyProperties,
	schema: invoiceBody,
	// creationToken: TheNextInvoice returns the same invoice for a repeated token, so a retry after a
	// dropped connection cannot create a second invoice; that makes this POST safe to repeat.
	request: (body, tools) => ({ method: 'POST', path: '/invoice', body: { ...body, creationToken: tools.uuid() }, idempotent: true }),
	output: (id) => ({ invoiceId: Number(id) }),
});

export const updateInvoice = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a draft invoice',
	description: 'Replace a draft invoice with the given full invoice (finalized invoices cannot be changed)',
	properties: [invoiceId, ...invoiceBodyProperties],
	schema: z.intersection(z.object({ invoiceId: recordId }), invoiceBody).transform(({ invoiceId: id, ...body }) => ({ id, body })),
	request: ({ id, body }: { id: string; body: IDataObject }) => ({ method: 'PUT', path: `/invoice/${id}`, body }),
	output: (id) => ({ invoiceId: Number(id) }),
});
