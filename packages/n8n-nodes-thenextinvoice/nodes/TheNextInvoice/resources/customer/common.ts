import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { fetchList, type OperationRun } from '@n8n-nodes-eu-finance/shared/operations';
import { asNodeError } from '@n8n-nodes-eu-finance/shared/transport/errors';
import { apiRequest, type RequestSpec } from '@n8n-nodes-eu-finance/shared/transport/request';

/*
 * Helpers of the customer, product and bookkeeping resources; the generic ones live in ../../helpers.ts.
 */

export { answerFields, pick, send } from '../../helpers';

/** Sends one request; a 404 becomes `notFound` instead of an error (for lookups that may find nothing). */
export async function requestOrNotFound(run: OperationRun<unknown>, spec: RequestSpec, notFound: IDataObject): Promise<IDataObject> {
	try {
		const { body } = await apiRequest(run.context, run.api, spec, { itemIndex: run.itemIndex, settings: run.settings });
		return { found: true, ...(body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : { result: body as IDataObject[string] }) };
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return { found: false, ...notFound };
		// The transport's NodeApiError (message, status, item) passes on unchanged; anything else is wrapped.
		throw asNodeError(run.context.getNode(), error, run.itemIndex);
	}
}

/** A positive id from a record (TheNextInvoice sends some as strings). */
export const idOf = (value: unknown) => Number(value);

/** One record of a list endpoint that has no GET-by-id (settings lists), or undefined. */
export async function findInList(run: OperationRun<unknown>, path: string, id: string): Promise<IDataObject | undefined> {
	const records = await fetchList(run.context, run.api, { request: { method: 'GET', path }, pagination: { style: 'none' } }, { itemIndex: run.itemIndex, settings: run.settings });
	return records.find((record) => String(record.id) === id);
}
