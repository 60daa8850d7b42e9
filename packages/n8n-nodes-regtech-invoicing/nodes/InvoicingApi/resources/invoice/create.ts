import type { IDataObject } from 'n8n-workflow';
import { randomUUID } from 'crypto';

import { defineOperation, type RequestTools } from '@n8n-nodes-eu-finance/shared/operations';
import { refusedWith } from '@n8n-nodes-eu-finance/shared/stateChange';
import { explainCreateError, type CreatePath } from '../../createPath';
import { findStatus, simplifyStatus } from '../../status';
import { createInvoiceBody, createInvoiceSchema, type CreateInvoiceInput } from './createSchema';
import { createInvoiceProperties } from './fields';

/** An empty Custom Invoice ID gets a UUID here, once per item: the request, the check after an unknown outcome and the output all use it. */
const schema = createInvoiceSchema.transform((input) => ({ ...input, customInvoiceId: input.customInvoiceId ?? randomUUID() }));
type CreateInput = CreateInvoiceInput & { customInvoiceId: string };

async function pdfBytes(property: string | undefined, tools: RequestTools): Promise<string | undefined> {
	if (!property) return undefined;
	const file = await tools.binary(property);
	if (file.data.subarray(0, 5).toString('latin1') !== '%PDF-') {
		// A plain error: the node turns it into the item's error, description included.
		throw Object.assign(new Error(`Invalid input in item ${tools.itemIndex}: "Options › PDF Binary Property": "${property}" is not a PDF (${file.mimeType})`), {
			description: 'Nothing was sent. Point the option at the binary property that holds the invoice PDF.',
		});
	}
	return file.data.toString('base64');
}

/** Create, sent to the credential's Create Path (the two editions of the docs differ only there). */
export const createInvoiceOperationFor = (createPath: CreatePath) => defineOperation<CreateInput>({
	value: 'create',
	name: 'Create',
	action: 'Create an invoice',
	description: 'Create an invoice (dates as ISO dates, amounts in the invoice currency with VAT included in Total) and send it by SMS, e-mail, e-invoice or post, or only create it to send later. A Custom Invoice ID you give makes a retry safe: the API refuses a second invoice with it. Returns customInvoiceId, invoiceNumber, createOnly and the API answer (statusCode, message, invoiceUrl).',
	properties: createInvoiceProperties,
	schema,
	request: async (input, tools) => {
		const body = createInvoiceBody(input, input.customInvoiceId);
		const pdf = await pdfBytes(input.options.pdfBinaryProperty, tools);
		if (pdf) (body.invoiceDetails as IDataObject).pdfBytes = pdf;
		return { method: 'POST', path: createPath, body };
	},
	// Never two invoices: after an unknown outcome the status endpoint is asked about our id. Known → the first
	// attempt worked; unknown → nothing was created, and the same request (same id, which the API refuses to create
	// twice) is sent again. If the check fails too, the outcome stays unknown and nothing more is sent.
	recover: async ({ customInvoiceId }, { context, api, itemIndex, settings }) => {
		const status = await findStatus(context, api, customInvoiceId, { itemIndex, settings });
		return status && { recoveredAfterUnknownOutcome: true, status: simplifyStatus(customInvoiceId, status) };
	},
	// A re-run with the same Custom Invoice ID: refused as existing (409 "already exists" in the sandbox; the docs
	// list 400 / 422 only), confirmed by the invoice's status → done (alreadyDone), nothing created twice.
	stateChange: {
		state: 'created',
		refusal: (error) => refusedWith(error, 409, /already exists/i),
		isDone: async ({ customInvoiceId }, { context, api, itemIndex, settings }) => {
			const status = await findStatus(context, api, customInvoiceId, { itemIndex, settings });
			return status && { status: simplifyStatus(customInvoiceId, status) };
		},
	},
	// A 404 says that the provider may serve the other edition of the docs (see createPath.ts).
	explainError: (error) => explainCreateError(error, createPath),
	// The answer (statusCode, message, invoiceUrl) does not name the invoice: the id goes out with it.
	output: (answer: IDataObject, { customInvoiceId, invoiceNumber, createOnly }) => ({ customInvoiceId, invoiceNumber, createOnly, ...answer }),
});
