import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationRun } from '../../../shared/operations';
import { apiRequest, type RequestSpec } from '../../../shared/transport/request';

/*
 * Helpers of the settings resources (invoice profile, address verification, integration, company user,
 * notification, ...). Same as those in customer/common.ts; both would sit better in ../../fields.ts.
 */

/** Return All / Limit for endpoints that answer the whole list as a bare array: the node keeps the first `limit`. */
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

/** The transport's errors pass through unchanged; anything else is wrapped with its item. */
export const asNodeError = (run: OperationRun<unknown>, error: unknown): NodeApiError | NodeOperationError =>
	error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(run.context.getNode(), error as Error, { itemIndex: run.itemIndex });

/** Sends one request for the operation's item and returns the answer (envelope already unwrapped). */
export async function send(run: OperationRun<unknown>, spec: RequestSpec): Promise<unknown> {
	return (await apiRequest(run.context, run.api, spec, { itemIndex: run.itemIndex, settings: run.settings })).body;
}

/** A plain-text answer ("TOTP disabled") as a `message` field; objects pass through. */
export const answerFields = (answer: unknown): IDataObject =>
	answer && typeof answer === 'object' && !Array.isArray(answer)
		? (answer as IDataObject)
		: answer === undefined || answer === null || answer === ''
			? {}
			: { message: answer as IDataObject[string] };

/** A JSON parameter: JSON text from the UI, or an object from an expression. */
export const jsonObject = z.preprocess((value) => {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return {};
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
}, z.record(z.unknown(), { invalid_type_error: 'must be a JSON object' }));
