import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationRun } from '../../../shared/operations';

/*
 * Helpers of the settings resources (invoice profile, address verification, integration, company user,
 * notification, ...); the generic ones live in ../../helpers.ts.
 */

export { answerFields, send } from '../../helpers';

/** The transport's errors pass through unchanged; anything else is wrapped with its item. */
export const asNodeError = (run: OperationRun<unknown>, error: unknown): NodeApiError | NodeOperationError =>
	error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(run.context.getNode(), error as Error, { itemIndex: run.itemIndex });

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
