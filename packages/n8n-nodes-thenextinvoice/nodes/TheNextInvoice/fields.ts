import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { TNI_LOGIN_CREDENTIAL, TNI_TOKEN_CREDENTIAL } from './api';
import type { RecordKey } from './helpers';

/** Shared; re-exported so the resources keep importing their helpers from one place. */
export { compact } from '@n8n-nodes-eu-finance/shared/operations';

/** Empty strings and 0 from the UI mean "not given". */
const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
export const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());

/** TheNextInvoice ids are positive integers. */
export const recordId = z.coerce
	.string()
	.trim()
	.regex(/^[1-9]\d*$/, 'must be a positive whole number');

export const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date such as 2026-01-31')
	.transform((value) => value.slice(0, 10));

export const idProperty = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	description,
});

export const binaryOutputProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	description: 'Name of the binary property for the downloaded file',
};

/** The input binary field an upload reads, e.g. `binaryInputProperty('the logo')`. */
export const binaryInputProperty = (what: string): INodeProperties => ({
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: `The name of the input binary field containing ${what}`,
});

export const binaryOutputSchema = { binaryPropertyName: z.string().trim().min(1, 'must not be empty') };

/**
 * A record picked from the account (a searchable list, `searchListMethod` in ./methods) or given by id.
 * `idPattern` is what "By ID" accepts (ids are positive whole numbers unless said otherwise).
 */
export function recordLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	options: { placeholder?: string; description?: string; idPattern?: string } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder ?? '123',
				validation: [{ type: 'regex', properties: { regex: options.idPattern ?? '^\\s*[1-9]\\d*\\s*$', errorMessage: `Not a valid ${displayName.toLowerCase()} ID` } }],
			},
		],
	};
}

export const invoiceLocator = recordLocator('Invoice', 'invoiceId', 'searchInvoices', { placeholder: '45311' });

/** The invoice of an operation on one invoice (see `onRecord`). */
export const invoiceKey: RecordKey = { property: invoiceLocator, schema: recordId };

/** Both nodes offer the two credentials; the Authentication parameter picks one. */
export const tniCredentials: INodeCredentialDescription[] = [
	{ name: TNI_TOKEN_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
	{ name: TNI_LOGIN_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['emailPassword'] } } },
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Token', value: 'apiToken' },
		{ name: 'Email & Password', value: 'emailPassword' },
	],
	default: 'apiToken',
};
