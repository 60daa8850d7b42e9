import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationDescriptor } from '../../../shared/operations';
import { invoiceLocator, isoDate, recordId } from '../../fields';

const invoiceId = invoiceLocator;

/** A POST on one invoice that may carry a body; answers are summarised per item. */
function invoicePost(value: string, name: string, action: string, description: string, suffix: string, extra: Pick<OperationDescriptor, 'properties'> & { schema?: z.ZodRawShape; body?: (input: IDataObject) => IDataObject } = { properties: [] }): OperationDescriptor {
	return {
		value,
		name,
		action,
		description,
		properties: [invoiceId, ...extra.properties],
		schema: z.object({ invoiceId: recordId, ...extra.schema }),
		request: (input) => ({ method: 'POST', path: `/invoice/${input.invoiceId}${suffix}`, body: extra.body?.(input) }),
		output: (body, { invoiceId: id }) => ({ invoiceId: Number(id), success: true, ...(body && typeof body === 'object' ? { result: body } : {}) }),
	};
}

/** E-mail one invoice; attachments come from the input item's binary properties, sent base64-encoded. */
export const emailInvoice: OperationDescriptor = {
	value: 'sendEmail',
	name: 'Send by Email',
	action: 'Send an invoice by e-mail',
	description: 'E-mail one finalized invoice, with optional attachments from binary properties',
	properties: [
		invoiceId,
		{ displayName: 'Subject', name: 'subject', type: 'string', default: 'Invoice {invoicenumber}', required: true },
		{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 5 }, default: '', required: true, description: 'HTML allowed; placeholders such as {paymentlink} are filled in by TheNextInvoice' },
		{ displayName: 'Attachment Binary Properties', name: 'attachments', type: 'string', default: '', placeholder: 'data, terms', description: 'Comma-separated binary properties of the input item to attach' },
	],
	schema: z.object({
		invoiceId: recordId,
		subject: z.string().trim().min(1, 'must not be empty'),
		body: z.string().trim().min(1, 'must not be empty'),
		attachments: z.string().default('').transform((names) => names.split(',').map((n) => n.trim()).filter(Boolean)),
	}),
	request: async ({ invoiceId: id, subject, body, attachments: names }, tools) => {
		const files = await Promise.all((names as string[]).map((name) => tools.binary(name)));
		const attachments = files.map((f) => ({ filename: f.fileName, content: f.data.toString('base64') }));
		// The doc shows one attachment object; several go as a list.
		const attached = attachments.length === 1 ? { attachments: attachments[0] } : attachments.length ? { attachments } : {};
		return { method: 'POST', path: `/invoice/${id}/send/mail`, body: { subject, body, ...attached } };
	},
	output: (_body, { invoiceId: id }) => ({ invoiceId: Number(id), success: true }),
};

export const smsInvoice = invoicePost('sendSms', 'Send by SMS', 'Send an invoice by SMS', 'Send a finalized invoice by SMS (needs SMS enabled and a receiver phone number)', '/send/sms');
export const peppolInvoice = invoicePost('sendPeppol', 'Send over Peppol', 'Send an invoice over Peppol', 'Send a finalized invoice over the Peppol network (needs a Peppol-verified sender profile)', '/send/peppol');
export const resendInvoice = invoicePost('resend', 'Resend', 'Resend an invoice', 'Resend a finalized invoice through its original channel', '/resend');
export const trackingNumber = invoicePost('setTrackingNumber', 'Set Tracking Number', 'Set the tracking number of an invoice', 'Set the shipment tracking number', '/tracking-number', {
	properties: [{ displayName: 'Tracking Number', name: 'tracking_number', type: 'string', default: '', required: true }],
	schema: { tracking_number: z.string().trim().min(1, 'must not be empty') },
	body: ({ tracking_number }) => ({ tracking_number }),
});
export const addComment = invoicePost('addComment', 'Add Comment', 'Add a comment to an invoice', 'Add one comment to an invoice', '/comment', {
	properties: [{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, default: '', required: true }],
	schema: { message: z.string().trim().min(1, 'must not be empty') },
	body: ({ message }) => ({ message }),
});
export const registerPayment = invoicePost('registerPayment', 'Register Payment', 'Register a payment of an invoice', 'Mark a finalized invoice as paid (409 if it is already paid, so a repeat cannot double-book)', '/payment', {
	properties: [
		{
			displayName: 'Payment Method Name or ID',
			name: 'method',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getPaymentMethods' },
			default: '',
			required: true,
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{ displayName: 'Payment Date', name: 'date', type: 'dateTime', default: '', required: true },
	],
	schema: { method: z.coerce.number().int().positive('choose a payment method'), date: isoDate },
	body: ({ method, date }) => ({ method, date }),
});

export const deletePayment: OperationDescriptor = {
	value: 'deletePayment',
	name: 'Delete Payment',
	action: 'Delete the payment of an invoice',
	description: 'Remove the registered payment from a paid invoice',
	properties: [invoiceId],
	schema: z.object({ invoiceId: recordId }),
	request: ({ invoiceId: id }) => ({ method: 'DELETE', path: `/invoice/${id}/payment` }),
	output: (_body, { invoiceId: id }) => ({ invoiceId: Number(id), paymentRemoved: true }),
};

export const syncPayments: OperationDescriptor = {
	value: 'syncPayments',
	name: 'Sync Payments',
	action: 'Sync invoice payments',
	description: 'Ask TheNextInvoice to reconcile payments from the connected payment providers',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'POST', path: '/invoice/syncpayments', idempotent: true }),
	output: () => ({ syncRequested: true }),
};
