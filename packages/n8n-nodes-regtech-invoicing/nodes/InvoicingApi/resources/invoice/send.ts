import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { refusedWith } from '@n8n-nodes-eu-finance/shared/stateChange';
import { proveSent } from '../../status';
import { customInvoiceId as customInvoiceIdSchema } from '../../values';

export const customInvoiceIdProperty = {
	displayName: 'Custom Invoice ID',
	name: 'customInvoiceId',
	type: 'string' as const,
	default: '',
	required: true,
	description: 'The ID given (or generated) when the invoice was created',
};

const sendAgainProperty = {
	displayName: 'Send Again When Unproven',
	name: 'sendAgainWhenUnproven',
	type: 'boolean' as const,
	default: false,
	description:
		'Whether to send again after an unknown outcome (connection lost, 5xx, timeout) when no delivery event shows the invoice went out, even after the settle delay; a refusal of that second send ("already been sent") then counts as sent. Only for an API you have seen refuse a second send: its docs do not say it does. Off: the item fails with OUTCOME UNKNOWN.',
};

const schema = z.object({ customInvoiceId: customInvoiceIdSchema, sendAgainWhenUnproven: z.boolean().default(false) });

export const sendInvoiceOperation = defineOperation<z.output<typeof schema>>({
	value: 'send',
	name: 'Send',
	action: 'Send an invoice',
	description: 'Send an invoice that was created with Create Only, by its Custom Invoice ID; it messages the customer, so it is never repeated blindly. Returns customInvoiceId and the API answer.',
	properties: [customInvoiceIdProperty, sendAgainProperty],
	schema,
	// Not idempotent (it sends a message): never repeated. After an unknown outcome a delivery event proves the send.
	request: ({ customInvoiceId }) => ({ method: 'POST', path: `/invoice/${encodeURIComponent(customInvoiceId)}/send` }),
	recover: async ({ customInvoiceId, sendAgainWhenUnproven }, { context, api, itemIndex, settings }) => {
		const proof = await proveSent(context, api, customInvoiceId, { itemIndex, settings });
		if (proof || sendAgainWhenUnproven) return proof; // undefined: send again
		throw new Error(`no delivery event of ${customInvoiceId} yet`);
	},
	// A re-run: the sandbox refuses a second send (400 "Invoice has already been sent"; the docs give only "400"), so
	// that refusal counts only when a delivery event confirms it, or when Send Again When Unproven says to trust it.
	stateChange: {
		state: 'sent',
		refusal: (error) => refusedWith(error, 400, /already been sent/i),
		isDone: async ({ customInvoiceId, sendAgainWhenUnproven }, { context, api, itemIndex, settings }) => {
			const proof = await proveSent(context, api, customInvoiceId, { itemIndex, settings });
			return proof ? { status: proof.status } : sendAgainWhenUnproven ? { refusedAsAlreadySent: true } : undefined;
		},
	},
	output: (answer: IDataObject, { customInvoiceId }) => ({ customInvoiceId, ...answer }),
	// It messages the customer: under Items in Parallel = Auto, one item at a time.
	sequential: true,
});
