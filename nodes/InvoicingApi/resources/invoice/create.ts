import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { randomUUID } from 'crypto';

import type { OperationDescriptor, OperationRun } from '../../../shared/operations';
import { apiRequest } from '../../../shared/transport/request';
import { asNodeError, isOutcomeUnknown } from '../../api';
import { findStatus, httpCodeOf, simplifyStatus } from '../../status';
import { createInvoiceBody, createInvoiceSchema, type CreateInvoiceInput } from './createSchema';
import { createInvoiceProperties } from './fields';

/** How often a create whose outcome was unknown, and which the API then did not know, is sent again. */
const MAX_CREATE_ATTEMPTS = 3;

async function pdfBytes(run: OperationRun<CreateInvoiceInput>): Promise<string | undefined> {
	const property = run.input.options.pdfBinaryProperty;
	if (!property) return undefined;
	const { context, itemIndex } = run;
	const meta = context.helpers.assertBinaryData(itemIndex, property);
	const data = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	if (data.subarray(0, 5).toString('latin1') !== '%PDF-') {
		throw new NodeOperationError(context.getNode(), `Invalid input in item ${itemIndex}: "Options › PDF Binary Property": "${property}" is not a PDF (${meta.mimeType})`, {
			itemIndex,
			description: 'Nothing was sent. Point the option at the binary property that holds the invoice PDF.',
		});
	}
	return data.toString('base64');
}

/**
 * Never sends an invoice twice: when the outcome of a create is unknown (connection lost after sending, 5xx),
 * the status endpoint is asked about the customInvoiceId first. Known → the first attempt worked; unknown →
 * nothing was created and the same request (same id, which the API refuses to create twice) is sent again.
 */
async function createInvoice(run: OperationRun<CreateInvoiceInput>): Promise<IDataObject> {
	const { context, api, input, itemIndex, settings } = run;
	const customInvoiceId = input.customInvoiceId ?? randomUUID();
	const body = createInvoiceBody(input, customInvoiceId);
	const pdf = await pdfBytes(run);
	if (pdf) (body.invoiceDetails as IDataObject).pdfBytes = pdf;
	const summary = { customInvoiceId, invoiceNumber: input.invoiceNumber, createOnly: input.createOnly };
	const recovered = (attempts: number, status: IDataObject | undefined) => ({
		...summary,
		recoveredAfterUnknownOutcome: true,
		attempts,
		...(status ? { status: simplifyStatus(customInvoiceId, status) } : {}),
	});

	for (let attempt = 1; ; attempt++) {
		try {
			const { body: answer } = await apiRequest(context, api, { method: 'POST', path: '/invoice/create', body }, { itemIndex, settings });
			return { ...summary, ...(answer as IDataObject), ...(attempt > 1 ? { attempts: attempt } : {}) };
		} catch (error) {
			// Our own id already exists after an unknown outcome: that earlier attempt was applied after all.
			if (attempt > 1 && httpCodeOf(error) === '409') return recovered(attempt, await findStatus(context, api, customInvoiceId, { itemIndex, settings }));
			if (!isOutcomeUnknown(error) || attempt >= MAX_CREATE_ATTEMPTS) throw asNodeError(context.getNode(), error, itemIndex);
			let status: IDataObject | undefined;
			try {
				status = await findStatus(context, api, customInvoiceId, { itemIndex, settings });
			} catch {
				// The check failed too: the outcome stays unknown, so report the create's error and send nothing more.
				throw asNodeError(context.getNode(), error, itemIndex);
			}
			if (status) return recovered(attempt, status);
		}
	}
}

export const createInvoiceOperation: OperationDescriptor<CreateInvoiceInput> = {
	value: 'create',
	name: 'Create',
	action: 'Create an invoice',
	description: 'Create an invoice and send it by SMS, email, e-invoice or post, or only create it and send it later',
	properties: createInvoiceProperties,
	schema: createInvoiceSchema,
	run: createInvoice,
};
