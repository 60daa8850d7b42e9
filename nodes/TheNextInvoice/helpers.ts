import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationRun } from '../shared/operations';
import { apiRequest, type RequestSpec } from '../shared/transport/request';

/** Helpers for operations with their own `run` (read-then-write updates, lookups, whole-list answers). */

/** Sends one request for the operation's item and returns the answer (envelope already unwrapped). */
export async function send(run: OperationRun<unknown>, spec: RequestSpec): Promise<unknown> {
	return (await apiRequest(run.context, run.api, spec, { itemIndex: run.itemIndex, settings: run.settings })).body;
}

/** An object answer as it is; a plain-text answer ("Template removed") as `message`. */
export const answerFields = (answer: unknown): IDataObject =>
	answer && typeof answer === 'object' && !Array.isArray(answer)
		? (answer as IDataObject)
		: answer === undefined || answer === null || answer === ''
			? {}
			: { message: answer as IDataObject[string] };

/** Values of `record` for the given fields, without null/undefined (what a full PUT needs to keep them). */
export function pick(record: unknown, fields: readonly string[]): IDataObject {
	if (!record || typeof record !== 'object') return {};
	const source = record as IDataObject;
	return Object.fromEntries(fields.filter((f) => source[f] !== undefined && source[f] !== null).map((f) => [f, source[f]]));
}

/**
 * Return All / Limit for endpoints that answer the whole list as a bare array (no paging): the node
 * keeps the first `limit` records. Same names and texts as the paginated lists.
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
	limit: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
};

/** The records of a bare-array answer (an object answer is one record), cut to the limit. */
export function wholeListOutput(body: unknown, input: { returnAll: boolean; limit?: number }): IDataObject[] {
	const records = Array.isArray(body) ? (body as IDataObject[]) : body && typeof body === 'object' ? [body as IDataObject] : [];
	return input.returnAll ? records : records.slice(0, input.limit ?? 50);
}
