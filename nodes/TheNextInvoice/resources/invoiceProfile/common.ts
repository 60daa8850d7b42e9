import { z } from 'zod';


/*
 * Helpers of the settings resources (invoice profile, address verification, integration, company user,
 * notification, ...); the generic ones live in ../../helpers.ts.
 */

export { answerFields, send } from '../../helpers';


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
