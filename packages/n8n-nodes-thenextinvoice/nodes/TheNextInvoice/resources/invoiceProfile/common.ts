/*
 * Helpers of the settings resources (invoice profile, address verification, integration, company user,
 * notification, ...); the generic ones live in ../../helpers.ts.
 */

export { answerFields, send } from '../../helpers';


/** A JSON parameter (the shared rule): JSON text from the UI, or an object from an expression. */
export { jsonObject } from '@n8n-nodes-eu-finance/shared/validation';
