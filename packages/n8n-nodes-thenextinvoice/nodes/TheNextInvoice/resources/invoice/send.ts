import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type OperationRun } from '@n8n-nodes-eu-finance/shared/operations';
import { refusedWith } from '@n8n-nodes-eu-finance/shared/stateChange';
import { invoiceKey, invoiceLocator, isoDate, recordId } from '../../fields';
import { onRecord, send, type RecordOperationSpec } from '../../helpers';

const invoiceId = invoiceLocator;

/** A POST on one invoice that may carry a body; answers are summarised per item. */
const invoicePost = <T extends z.ZodRawShape>(
	spec: Omit<RecordOperationSpec<T>, 'request' | 'output'> & { suffix: string; body?: (input: z.infer<z.ZodObject<T>>) => IDataObject },
) =>
	onRecord(invoiceKey, {
		...spec,
		request: (id, input) => ({ method: 'POST', path: `/invoice/${id}${spec.suffix}`, body: spec.body?.(input) }),
		output: (answer, id) => ({ invoiceId: Number(id), success: true, ...(answer && typeof answer === 'object' ? { result: answer as IDataObject } : {}) }),
	});

/** One topic of the invoice's documented status (GET /invoice/{id}/status): mail, payment, invoice, ... */
export async function statusTopic(run: OperationRun<unknown>, id: string, topic: string): Promise<IDataObject | undefined> {
	const status = (await send(run, { method: 'GET', path: `/invoice/${id}/status` })) as IDataObject | undefined;
	return status?.[topic] as IDataObject | undefined;
}

/** Subject and body of an invoice e-mail (send now or queue). */
export const mailProperties: INodeProperties[] = [
	{ displayName: 'Subject', name: 'subject', type: 'string', default: 'Invoice {invoicenumber}', required: true, description: 'Placeholders such as {invoicenumber} are filled in by TheNextInvoice' },
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 5 }, default: '', required: true, description: 'HTML allowed; placeholders such as {paymentlink} are filled in by TheNextInvoice' },
];
export const mailShape = { subject: z.string().trim().min(1, 'must not be empty'), body: z.string().trim().min(1, 'must not be empty') };

/** E-mail one invoice; attachments come from the input item's binary properties, sent base64-encoded. */
export const emailInvoice = defineOperation({
	value: 'sendEmail',
	name: 'Send by Email',
	action: 'Send an invoice by e-mail',
	description: 'E-mail a finalized invoice to its customer by its ID, with optional subject, body and attachments from binary properties. Returns invoiceId and success: true.',
	properties: [
		invoiceId,
		...mailProperties,
		{ displayName: 'Attachment Binary Properties', name: 'attachments', type: 'string', default: '', placeholder: 'data, terms', description: 'Comma-separated binary properties of the input item to attach' },
	],
	schema: z.object({
		invoiceId: recordId,
		...mailShape,
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
	// It e-mails the customer: under Items in Parallel = Auto, one item at a time.
	sequential: true,
	// TheNextInvoice would send a second e-mail, so the invoice's mail events are read first: an invoice already
	// e-mailed is not e-mailed again (Resend does that on purpose). They also settle an unknown outcome.
	stateChange: {
		state: 'sent by e-mail',
		askFirst: true,
		isDone: async ({ invoiceId: id }, run) => ((await statusTopic(run, String(id), 'mail'))?.status === true ? {} : undefined),
	},
});

export const smsInvoice = invoicePost({
	value: 'sendSms',
	name: 'Send by SMS',
	action: 'Send an invoice by SMS',
	description: 'Send a finalized invoice by its ID by SMS (needs SMS enabled and a receiver phone number). Returns invoiceId and success: true.',
	suffix: '/send/sms',
	sequential: true,
});
export const peppolInvoice = invoicePost({
	value: 'sendPeppol',
	name: 'Send over Peppol',
	action: 'Send an invoice over Peppol',
	description: 'Send a finalized invoice by its ID over the Peppol network (needs a Peppol-verified sender profile). Returns invoiceId and success: true.',
	suffix: '/send/peppol',
	sequential: true,
});
export const resendInvoice = invoicePost({ value: 'resend', name: 'Resend', action: 'Resend an invoice', description: 'Resend a finalized invoice by its ID through the channel it was first sent by. Returns invoiceId and success: true.', suffix: '/resend', sequential: true });
export const trackingNumber = invoicePost({
	value: 'setTrackingNumber',
	name: 'Set Tracking Number',
	action: 'Set the tracking number of an invoice',
	description: 'Set the shipment tracking number of an invoice by its ID. Returns invoiceId and success: true.',
	suffix: '/tracking-number',
	properties: [{ displayName: 'Tracking Number', name: 'tracking_number', type: 'string', default: '', required: true }],
	shape: { tracking_number: z.string().trim().min(1, 'must not be empty') },
	body: ({ tracking_number }) => ({ tracking_number }),
});
export const addComment = invoicePost({
	value: 'addComment',
	name: 'Add Comment',
	action: 'Add a comment to an invoice',
	description: 'Add one comment (plain text) to an invoice by its ID. Returns invoiceId and success: true.',
	suffix: '/comment',
	properties: [{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, default: '', required: true }],
	shape: { message: z.string().trim().min(1, 'must not be empty') },
	body: ({ message }) => ({ message }),
});
export const registerPayment = invoicePost({
	value: 'registerPayment',
	name: 'Register Payment',
	action: 'Register a payment of an invoice',
	description: 'Register that a finalized invoice was paid, by its ID, with the payment method and the ISO date of the payment (YYYY-MM-DD). A second registration is refused (409), so a retry cannot book twice. Returns invoiceId and success: true.',
	suffix: '/payment',
	// A second registration is refused: 409 "Invoice already paid" (documented); the status's payment topic confirms it.
	stateChange: {
		state: 'paid',
		refusal: (error) => refusedWith(error, 409, /already paid/i),
		isDone: async (id, run) => ((await statusTopic(run, id, 'payment'))?.status === true ? Number(id) : undefined),
	},
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
	shape: { method: z.coerce.number().int().positive('choose a payment method'), date: isoDate },
	body: ({ method, date }) => ({ method, date }),
});

export const deletePayment = onRecord(invoiceKey, {
	value: 'deletePayment',
	name: 'Delete Payment',
	action: 'Delete the payment of an invoice',
	description: 'Remove the registered payment from a paid invoice, which becomes open again. Returns invoiceId and paymentRemoved: true.',
	request: (id) => ({ method: 'DELETE', path: `/invoice/${id}/payment` }),
	output: (_answer, id) => ({ invoiceId: Number(id), paymentRemoved: true }),
});

export const syncPayments = defineOperation({
	value: 'syncPayments',
	name: 'Sync Payments',
	action: 'Sync invoice payments',
	description: 'Ask TheNextInvoice to reconcile payments from the connected payment providers now. Returns syncRequested: true.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'POST', path: '/invoice/syncpayments', idempotent: true }),
	output: () => ({ syncRequested: true }),
});
