import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { z } from 'zod';

import { refusedWith } from '@n8n-nodes-eu-finance/shared/stateChange';
import { invoiceKey, isoDate } from '../../fields';
import { onRecord, type RecordOperationSpec } from '../../helpers';
import { mailProperties, mailShape, statusTopic } from './send';

/** TheNextInvoice takes comma-separated ids for bulk actions; at most 50 per request keeps URLs short. */
const MAX_IDS = 50;

const done = (id: string): IDataObject => ({ invoiceId: Number(id), success: true });

/** An action on one invoice or, with "Batch Items", on many at once (`/invoice/1,2,3/book`). */
const bulkAction = <T extends z.ZodRawShape>(
	spec: Omit<RecordOperationSpec<T>, 'request' | 'output' | 'batch'> & {
		method: IHttpRequestMethods;
		suffix: string;
		body?: (input: z.infer<z.ZodObject<T>>) => IDataObject;
		/** The result of one invoice; the answer is the (batched) request's. */
		result?: (id: string, answer: unknown) => IDataObject;
	},
) => {
	const result = spec.result ?? done;
	return onRecord(invoiceKey, {
		...spec,
		request: (ids, input) => ({ method: spec.method, path: `/invoice/${ids}${spec.suffix}`, body: spec.body?.(input) }),
		output: (answer, id) => result(id, answer),
		batch: { maxIds: MAX_IDS, result },
	});
};

export const deleteInvoice = bulkAction({ value: 'delete', name: 'Delete', action: 'Delete an invoice', description: 'Soft-delete an invoice by its ID (Batch Items deletes many at once). Returns invoiceId and success: true per item.', method: 'DELETE', suffix: '' });
export const bookInvoice = bulkAction({
	value: 'book',
	name: 'Book',
	action: 'Book an invoice',
	description: 'Queue an invoice for booking into the connected accounting system (Batch Items queues many at once). Returns invoiceId and success: true per item.',
	method: 'POST',
	suffix: '/book',
	// TheNextInvoice would queue it again: the status's booking topic is read first (one item at a time; Batch Items
	// sends the ids without reading).
	stateChange: { state: 'booked', askFirst: true, isDone: async (id, run) => ((await statusTopic(run, id, 'booking'))?.status === true ? '' : undefined) },
});
export const remindInvoice = bulkAction({ value: 'remind', name: 'Remind', action: 'Register a payment reminder', description: 'Register a payment reminder for an invoice (Batch Items registers many). Returns invoiceId and success: true per item.', method: 'POST', suffix: '/remind', sequential: true });
export const approveInvoice = bulkAction({
	value: 'approve',
	name: 'Approve',
	action: 'Approve a quotation',
	description: 'Approve a quotation by its invoice ID (Batch Items approves many at once). Returns invoiceId and success: true per item.',
	method: 'POST',
	suffix: '/approve',
	// A second approval is refused ("Invalid state … only open quotations can be approved", the sandbox's words; the
	// refusal also covers archived quotations): done only when the status's quotation topic says approved.
	stateChange: {
		state: 'approved',
		refusal: (error) => refusedWith(error, 400, /only open quotations can be approved/i),
		isDone: async (id, run) => ((await statusTopic(run, id, 'quotation'))?.status === true ? '' : undefined),
	},
});
export const archiveInvoice = bulkAction({
	value: 'archive',
	name: 'Archive',
	action: 'Archive a quotation',
	description: 'Archive a quotation by its invoice ID (Batch Items archives many at once). Returns invoiceId and success: true per item.',
	method: 'POST',
	suffix: '/archive',
	// Archiving twice is refused ("Invalid state … only quotations can be archived", the sandbox's words): done only
	// when the status's invoice state is archived.
	stateChange: {
		state: 'archived',
		refusal: (error) => refusedWith(error, 400, /only quotations can be archived/i),
		isDone: async (id, run) => ((await statusTopic(run, id, 'invoice'))?.state === 'archived' ? '' : undefined),
	},
});
export const queueInvoice = bulkAction({
	value: 'queue',
	name: 'Queue for Mailing',
	action: 'Queue an invoice for mailing',
	description: 'Queue a finalized invoice to be e-mailed to its customer (Batch Items queues many), with an optional subject and body. Returns invoiceId and success: true per item.',
	method: 'POST',
	suffix: '/queue',
	sequential: true,
	properties: mailProperties,
	shape: mailShape,
	body: ({ subject, body }) => ({ subject, body }),
});
export const sepaInvoice = bulkAction({
	value: 'createSepaBatch',
	name: 'Create SEPA Batch',
	action: 'Create a SEPA direct-debit batch',
	description: 'Create a SEPA direct-debit batch for an invoice or many (Batch Items), collected on an ISO date (YYYY-MM-DD). Returns invoiceId, success and the sepaBatchId to download the batch file with.',
	method: 'POST',
	suffix: '/sepa',
	properties: [{ displayName: 'Collection Date', name: 'date', type: 'dateTime', default: '', required: true }],
	shape: { date: isoDate },
	body: ({ date }) => ({ date }),
	// The answer is the new batch: its id lets the next node download the SEPA XML.
	result: (id, answer) => ({ ...done(id), sepaBatchId: (answer as IDataObject | undefined)?.id ?? null }),
});
