import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
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

const schema = z.object({ customInvoiceId: customInvoiceIdSchema });

export const sendInvoiceOperation = defineOperation<z.output<typeof schema>>({
	value: 'send',
	name: 'Send',
	action: 'Send an invoice',
	description: 'Send an invoice that was created with Create Only, by its Custom Invoice ID; it messages the customer, so it is never repeated blindly. Returns customInvoiceId and the API answer.',
	properties: [customInvoiceIdProperty],
	schema,
	// Not idempotent (it sends a message): never repeated. After an unknown outcome a delivery event proves the send.
	request: ({ customInvoiceId }) => ({ method: 'POST', path: `/invoice/${encodeURIComponent(customInvoiceId)}/send` }),
	recover: async ({ customInvoiceId }, { context, api, itemIndex, settings }) => await proveSent(context, api, customInvoiceId, { itemIndex, settings }),
	output: (answer: IDataObject, { customInvoiceId }) => ({ customInvoiceId, ...answer }),
	// It messages the customer: under Items in Parallel = Auto, one item at a time.
	sequential: true,
});
