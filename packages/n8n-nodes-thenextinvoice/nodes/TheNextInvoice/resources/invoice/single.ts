import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { createHash } from 'crypto';
import { z } from 'zod';

import { defineOperation, type OperationDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { refusedWith } from '@n8n-nodes-eu-finance/shared/stateChange';
import { binaryOutputProperty, binaryOutputSchema, idProperty, invoiceKey, invoiceLocator, optional, recordId } from '../../fields';
import { onRecord, send } from '../../helpers';
import { invoiceBody, invoiceBodyProperties } from './body';
import { statusTopic } from './send';

const invoiceId = invoiceLocator;

export const getInvoice = onRecord(invoiceKey, { value: 'get', name: 'Get', action: 'Get an invoice', description: 'Read one invoice by its numeric ID. Returns the invoice: number, status (0 draft, 1 finalized), receiver, sender, lines, meta (currency, ISO send and due dates), texts and calculated totals.', request: (id) => ({ method: 'GET', path: `/invoice/${id}` }) });
export const getInvoiceStatus = onRecord(invoiceKey, {
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of an invoice',
	description: 'Read the status of an invoice by its ID. Returns its state and, per topic (payment, mail, booking, SEPA, reminders, comments, ...), whether it happened, with messages, events and times.',
	request: (id) => ({ method: 'GET', path: `/invoice/${id}/status` }),
});
export const finalizeInvoice = onRecord(invoiceKey, {
	value: 'finalize',
	name: 'Finalize',
	action: 'Finalize a draft invoice',
	description: 'Finalize a draft invoice by its ID: it gets its number and can no longer be changed. Returns invoiceId and finalized: true.',
	request: (id) => ({ method: 'POST', path: `/invoice/${id}/send` }),
	output: (answer, id) => ({ invoiceId: Number(answer ?? id), finalized: true }),
	// Invoices get their numbers in the order they are finalized: under Auto, one item at a time, in item order.
	sequential: true,
	// Finalizing twice is refused ("already finalized"): a re-run takes that refusal, confirmed by the invoice's
	// status, as done; after an unknown outcome the invoice tells too (finalized → done, a draft → send again).
	stateChange: {
		state: 'finalized',
		refusal: (error) => refusedWith(error, 400, /already finalized/i),
		isDone: async (id, run) => {
			const invoice = (await send(run, { method: 'GET', path: `/invoice/${id}` })) as IDataObject | undefined;
			return Number(invoice?.status) === 1 ? invoice?.id : undefined;
		},
	},
});
export const creditInvoice = onRecord(invoiceKey, {
	value: 'credit',
	name: 'Credit',
	action: 'Credit an invoice',
	description: 'Credit a finalized invoice: mark it credited and create the credit invoice. Returns invoiceId and the creditInvoiceId of the new credit invoice.',
	request: (id) => ({ method: 'POST', path: `/invoice/${id}/credit` }),
	// The ID of an earlier credit invoice is not in the credited invoice's record: null then.
	output: (answer, id) => ({ invoiceId: Number(id), creditInvoiceId: answer === null || answer === undefined ? null : Number(answer) }),
	// A second credit is refused ("already been credited", as the sandbox answers; the docs list only 201 / 404):
	// confirmed by the invoice's state, credited.
	stateChange: {
		state: 'credited',
		refusal: (error) => refusedWith(error, 400, /already been credited/i),
		isDone: async (id, run) => ((await statusTopic(run, id, 'invoice'))?.state === 'credited' ? null : undefined),
	},
});
export const getPaymentUrl = onRecord(invoiceKey, {
	value: 'getPaymentUrl',
	name: 'Get Payment URL',
	action: 'Get the payment URL of an invoice',
	description: 'Get the payment landing page of an invoice by its ID, where the customer can view and pay it. Returns invoiceId and paymentUrl.',
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

export const downloadInvoicePdf = invoiceFile('downloadPdf', 'Download PDF', 'Download the PDF of an invoice', 'Download the PDF of an invoice by its ID. Returns the PDF as binary data (fileName, mimeType and fileSize in the JSON).', (id) => `/invoice/${id}/view`, (id) => `invoice-${id}.pdf`);
export const downloadInvoiceZip = invoiceFile('downloadZip', 'Download ZIP', 'Download an invoice and its attachments as ZIP', 'Download an invoice with its attachments by its ID. Returns one ZIP file as binary data.', (id) => `/invoice/${id}/zip`, (id) => `invoice-${id}.zip`);
export const downloadPackingSlip = invoiceFile('downloadPackingSlip', 'Download Packing Slip', 'Download the packing slip of an invoice', 'Download the packing slip of an invoice by its ID. Returns the PDF as binary data.', (id) => `/invoice/${id}/packing-slip`, (id) => `packing-slip-${id}.pdf`);
export const generateInvoicePdf = invoiceFile('generatePdf', 'Generate PDF', 'Generate the PDF of an invoice', 'Generate the PDF of an invoice now (POST /send/pdf) rather than when it is first sent. Returns invoiceId and success: true.', (id) => `/invoice/${id}/send/pdf`, (id) => `invoice-${id}.pdf`, 'POST');

export const downloadUbl = defineOperation({
	value: 'downloadUbl',
	name: 'Download UBL',
	action: 'Download the UBL of an invoice',
	description: 'Download the UBL XML of a finalized invoice by its ID, optionally the Peppol BIS variant. Returns the XML as binary data.',
	properties: [invoiceId, { displayName: 'Peppol BIS Variant', name: 'peppol', type: 'boolean', default: false, description: 'Whether to render the Peppol BIS variant' }, binaryOutputProperty],
	schema: z.object({ invoiceId: recordId, peppol: z.boolean().default(false), ...binaryOutputSchema }),
	request: ({ invoiceId: id, peppol }) => ({ method: 'GET', path: `/invoice/${id}/ubl`, qs: peppol ? { peppol: 'true' } : undefined }),
	download: { fileName: ({ invoiceId: id, peppol }) => `invoice-${id}${peppol ? '-peppol' : ''}.xml`, mimeType: 'application/xml' },
});

export const downloadAttachment = defineOperation({
	value: 'downloadAttachment',
	name: 'Download Attachment',
	action: 'Download an attachment of an invoice',
	description: 'Download one attachment of an invoice by the invoice and attachment IDs. Returns the file as binary data with its own content type.',
	properties: [invoiceId, idProperty('Attachment ID', 'attachmentId'), binaryOutputProperty],
	schema: z.object({ invoiceId: recordId, attachmentId: recordId, ...binaryOutputSchema }),
	request: ({ invoiceId: id, attachmentId }) => ({ method: 'GET', path: `/invoice/${id}/attachment/${attachmentId}` }),
	download: { fileName: ({ invoiceId: id, attachmentId }) => `invoice-${id}-attachment-${attachmentId}` },
});

const idempotencyKeyProperty: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-4711',
	description:
		'Sent as the creation token: a create with a token TheNextInvoice has seen returns that invoice instead of making a second one. Empty: a new UUID per item, so retries within one run are safe. Give one when the same invoice may be asked for again later (an AI agent retrying, a workflow run again): any text naming the invoice, e.g. an order number; a UUID is sent as it is, other text as a UUID derived from it.',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The creation token for an Idempotency Key. The vendor documents the token as a UUID: other text becomes a name-based UUID (SHA-1, as UUID v5 builds it). */
export function creationTokenFor(text: string): string {
	if (UUID.test(text)) return text.toLowerCase();
	const hex = createHash('sha1').update(`n8n-nodes-thenextinvoice/creationToken:${text}`).digest('hex');
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const createInvoice = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an invoice',
	description:
		'Create a draft invoice (or a finalized one with Options → Finalize) for a customer, with lines of quantity, unit price (in the invoice currency, excluding VAT unless Prices Include VAT), VAT code and ledger. Returns invoiceId. An Idempotency Key (e.g. the order number) makes a repeated create return the same invoice instead of a second one.',
	properties: [...invoiceBodyProperties, idempotencyKeyProperty],
	schema: z
		.intersection(z.object({ idempotencyKey: optional(z.string().trim().max(200, 'at most 200 characters')) }), invoiceBody)
		.transform(({ idempotencyKey, ...body }) => ({ idempotencyKey, body })),
	// creationToken: TheNextInvoice returns the same invoice for a repeated token, so a retry after a
	// dropped connection cannot create a second invoice; that makes this POST safe to repeat.
	request: ({ idempotencyKey, body }: { idempotencyKey?: string; body: IDataObject }, tools) => ({
		method: 'POST',
		path: '/invoice',
		body: { ...body, creationToken: idempotencyKey === undefined ? tools.uuid() : creationTokenFor(idempotencyKey) },
		idempotent: true,
	}),
	output: (id) => ({ invoiceId: Number(id) }),
});

export const updateInvoice = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a draft invoice',
	description: 'Replace a draft invoice by its ID with the given full invoice (finalized invoices cannot be changed). Returns invoiceId.',
	properties: [invoiceId, ...invoiceBodyProperties],
	schema: z.intersection(z.object({ invoiceId: recordId }), invoiceBody).transform(({ invoiceId: id, ...body }) => ({ id, body })),
	request: ({ id, body }: { id: string; body: IDataObject }) => ({ method: 'PUT', path: `/invoice/${id}`, body }),
	output: (id) => ({ invoiceId: Number(id) }),
});
