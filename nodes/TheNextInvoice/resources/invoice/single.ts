import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationDescriptor } from '../../../shared/operations';
import type { RequestSpec } from '../../../shared/transport/request';
import { binaryOutputProperty, binaryOutputSchema, idProperty, invoiceLocator, recordId } from '../../fields';
import { invoiceBody, invoiceBodyProperties } from './body';

const invoiceId = invoiceLocator;

/** An operation on one invoice: GET/POST/PUT/DELETE `/invoice/{id}{suffix}`. */
function onInvoice(
	value: string,
	name: string,
	action: string,
	description: string,
	request: (id: string) => RequestSpec,
	output?: (body: unknown, id: string) => IDataObject,
): OperationDescriptor<{ invoiceId: string }> {
	return {
		value,
		name,
		action,
		description,
		properties: [invoiceId],
		schema: z.object({ invoiceId: recordId }),
		request: ({ invoiceId: id }) => request(id),
		output: output ? (body, { invoiceId: id }) => output(body, id) : undefined,
	};
}

export const getInvoice = onInvoice('get', 'Get', 'Get an invoice', 'Retrieve one invoice', (id) => ({ method: 'GET', path: `/invoice/${id}` }));
export const getInvoiceStatus = onInvoice('getStatus', 'Get Status', 'Get the status of an invoice', 'Status history of an invoice', (id) => ({ method: 'GET', path: `/invoice/${id}/status` }));
export const finalizeInvoice = onInvoice('finalize', 'Finalize', 'Finalize a draft invoice', 'Turn a draft into a finalized invoice (it gets its number)', (id) => ({ method: 'POST', path: `/invoice/${id}/send` }), (body, id) => ({ invoiceId: Number(body ?? id), finalized: true }));
export const creditInvoice = onInvoice('credit', 'Credit', 'Credit an invoice', 'Mark the invoice credited and create the credit invoice', (id) => ({ method: 'POST', path: `/invoice/${id}/credit` }), (body, id) => ({ invoiceId: Number(id), creditInvoiceId: Number(body) }));
export const getPaymentUrl = onInvoice('getPaymentUrl', 'Get Payment URL', 'Get the payment URL of an invoice', 'The landing page where the customer can view and pay the invoice', (id) => ({ method: 'GET', path: `/invoice/${id}/payment-url` }), (body, id) => ({ invoiceId: Number(id), paymentUrl: String(body) }));

/** Files of an invoice, as n8n binary data. */
function invoiceFile(value: string, name: string, description: string, path: (id: string) => string, fileName: (id: string) => string, method: 'GET' | 'POST' = 'GET'): OperationDescriptor {
	return {
		value,
		name,
		action: `${name} of an invoice`,
		description,
		properties: [invoiceId, binaryOutputProperty],
		schema: z.object({ invoiceId: recordId, ...binaryOutputSchema }),
		request: ({ invoiceId: id }) => ({ method, path: path(id), idempotent: true }),
		download: { fileName: ({ invoiceId: id }) => fileName(id) },
	};
}

export const downloadInvoicePdf = invoiceFile('downloadPdf', 'Download PDF', 'The invoice PDF', (id) => `/invoice/${id}/view`, (id) => `invoice-${id}.pdf`);
export const downloadInvoiceZip = invoiceFile('downloadZip', 'Download ZIP', 'The invoice and its attachments as a ZIP file', (id) => `/invoice/${id}/zip`, (id) => `invoice-${id}.zip`);
export const downloadPackingSlip = invoiceFile('downloadPackingSlip', 'Download Packing Slip', 'The packing slip PDF', (id) => `/invoice/${id}/packing-slip`, (id) => `packing-slip-${id}.pdf`);
export const generateInvoicePdf = invoiceFile('generatePdf', 'Generate PDF', 'Generate the invoice PDF now (POST /send/pdf)', (id) => `/invoice/${id}/send/pdf`, (id) => `invoice-${id}.pdf`, 'POST');

export const downloadUbl: OperationDescriptor = {
	value: 'downloadUbl',
	name: 'Download UBL',
	action: 'Download the UBL of an invoice',
	description: 'The UBL XML of a finalized invoice, optionally the Peppol BIS variant',
	properties: [invoiceId, { displayName: 'Peppol BIS Variant', name: 'peppol', type: 'boolean', default: false, description: 'Whether to render the Peppol BIS variant' }, binaryOutputProperty],
	schema: z.object({ invoiceId: recordId, peppol: z.boolean().default(false), ...binaryOutputSchema }),
	request: ({ invoiceId: id, peppol }) => ({ method: 'GET', path: `/invoice/${id}/ubl`, qs: peppol ? { peppol: 'true' } : undefined }),
	download: { fileName: ({ invoiceId: id, peppol }) => `invoice-${id}${peppol ? '-peppol' : ''}.xml`, mimeType: 'application/xml' },
};

export const downloadAttachment: OperationDescriptor = {
	value: 'downloadAttachment',
	name: 'Download Attachment',
	action: 'Download an attachment of an invoice',
	description: 'One attachment file of an invoice, with its own content type',
	properties: [invoiceId, idProperty('Attachment ID', 'attachmentId'), binaryOutputProperty],
	schema: z.object({ invoiceId: recordId, attachmentId: recordId, ...binaryOutputSchema }),
	request: ({ invoiceId: id, attachmentId }) => ({ method: 'GET', path: `/invoice/${id}/attachment/${attachmentId}` }),
	download: { fileName: ({ invoiceId: id, attachmentId }) => `invoice-${id}-attachment-${attachmentId}` },
};

export const createInvoice: OperationDescriptor = {
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
};

export const updateInvoice: OperationDescriptor = {
	value: 'update',
	name: 'Update',
	action: 'Update a draft invoice',
	description: 'Replace a draft invoice with the given full invoice (finalized invoices cannot be changed)',
	properties: [invoiceId, ...invoiceBodyProperties],
	schema: z.intersection(z.object({ invoiceId: recordId }), invoiceBody).transform(({ invoiceId: id, ...body }) => ({ id, body })),
	request: ({ id, body }: { id: string; body: IDataObject }) => ({ method: 'PUT', path: `/invoice/${id}`, body }),
	output: (id) => ({ invoiceId: Number(id) }),
};
