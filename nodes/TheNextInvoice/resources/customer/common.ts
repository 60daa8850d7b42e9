import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationRun } from '../../../shared/operations';
import { apiRequest, type RequestSpec } from '../../../shared/transport/request';

/*
 * Helpers shared by the customer, product and settings resources (ledger numbers, VAT codes, payment
 * methods, companies). They would sit better in nodes/TheNextInvoice/fields.ts.
 */

/**
 * Return All / Limit for endpoints that answer with the whole list as a bare array (no paging): the
 * node keeps the first `limit` records. Same names and texts as the paginated lists.
 */
export const wholeListProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const wholeListSchema = {
	returnAll: z.boolean().default(false),
	// Hidden while Return All is on; never an object, so anything else read for it means "not shown".
	limit: z.preprocess((v) => (v !== null && typeof v === 'object' ? undefined : v), z.number().int('must be a whole number').min(1, 'must be at least 1').optional()),
};

/** The records of a bare-array answer (an object answer is one record), cut to the limit. */
export function wholeListOutput(body: unknown, input: { returnAll: boolean; limit?: number }): IDataObject[] {
	const records = Array.isArray(body) ? (body as IDataObject[]) : body && typeof body === 'object' ? [body as IDataObject] : [];
	return input.returnAll ? records : records.slice(0, input.limit ?? 50);
}

/** Sends one request; a 404 becomes `notFound` instead of an error (for lookups that may find nothing). */
export async function requestOrNotFound(run: OperationRun<unknown>, spec: RequestSpec, notFound: IDataObject): Promise<IDataObject> {
	try {
		const { body } = await apiRequest(run.context, run.api, spec, { itemIndex: run.itemIndex, settings: run.settings });
		return { found: true, ...(body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : { result: body as IDataObject[string] }) };
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return { found: false, ...notFound };
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- already the transport's NodeApiError (message, status, item); passed on unchanged
		if (error instanceof NodeApiError) throw error;
		throw new NodeOperationError(run.context.getNode(), error as Error, { itemIndex: run.itemIndex });
	}
}

/** Sends one request for the operation's item and returns the answer (envelope already unwrapped). */
export async function send(run: OperationRun<unknown>, spec: RequestSpec): Promise<unknown> {
	return (await apiRequest(run.context, run.api, spec, { itemIndex: run.itemIndex, settings: run.settings })).body;
}

/** A positive id from a record (TheNextInvoice sends some as strings). */
export const idOf = (value: unknown) => Number(value);

/** One record of a list endpoint that has no GET-by-id (settings lists), or undefined. */
export async function findInList(run: OperationRun<unknown>, path: string, id: string): Promise<IDataObject | undefined> {
	const body = await send(run, { method: 'GET', path });
	return wholeListOutput(body, { returnAll: true }).find((record) => String(record.id) === id);
}

/** Values of `record` for the given fields, without null/undefined (what a PUT needs to keep them). */
export function pick(record: IDataObject | undefined, fields: readonly string[]): IDataObject {
	if (!record) return {};
	return Object.fromEntries(fields.filter((field) => record[field] !== undefined && record[field] !== null).map((field) => [field, record[field]]));
}

/** A plain-text answer ("Ledgernumber has been removed") as a field; objects pass through. */
export const answerFields = (answer: unknown): IDataObject =>
	answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as IDataObject) : answer === undefined || answer === null || answer === '' ? {} : { message: answer as IDataObject[string] };
