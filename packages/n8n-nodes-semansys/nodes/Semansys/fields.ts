import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

/** Shared; re-exported so the resources keep importing their helpers from one place. */
export { compact } from '@n8n-nodes-eu-finance/shared/operations';

/** Empty strings from the UI mean "not given". */
const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
export const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());

export const requiredText = z.string({ required_error: 'is required' }).trim().min(1, 'is required');
export const optionalText = optional(z.string().trim());
export const uuid = z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a file ID (UUID)');
export const email = z.string().trim().regex(/^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/, 'must be an e-mail address');

/** Shared with TheNextInvoice: one JSON-object rule and one set of messages. */
export { jsonObject } from '@n8n-nodes-eu-finance/shared/validation';

export const stringProperty = (displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...extra,
});

/**
 * A value picked from a list Semansys answers (a list search of methods/listSearch.ts) or typed in: Semansys' lists
 * are per account and may lack a value the portal still takes.
 */
export const pickerProperty = (
	displayName: string,
	name: string,
	description: string,
	searchListMethod: string,
	typed: { mode: 'name' | 'id' | 'url'; displayName: string; placeholder: string },
): INodeProperties => ({
	displayName,
	name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
		{ displayName: typed.displayName, name: typed.mode, type: 'string', placeholder: typed.placeholder },
	],
});

export const jsonProperty = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'json',
	default: '{}',
	description,
});

/** `isHashed` (documented on generator and render endpoints): the answer also carries the hash of the result file. */
export const isHashedProperty: INodeProperties = {
	displayName: 'Add Hash of Result',
	name: 'isHashed',
	type: 'boolean',
	default: false,
	description: 'Whether Semansys adds the hash of the produced file to the answer (isHashed)',
};

/** A taxonomy entry point (URL): one of the entry points Get Delivery Messages lists, or typed in. */
export const entryPointProperty = pickerProperty(
	'Schema Ref',
	'schemaRef',
	'URL of the taxonomy entrypoint: one of the entry points of Get Delivery Messages, or typed in',
	'searchEntryPoints',
	{ mode: 'url', displayName: 'By URL', placeholder: 'https://www.nltaxonomie.nl/…/entrypoint.xsd' },
);
