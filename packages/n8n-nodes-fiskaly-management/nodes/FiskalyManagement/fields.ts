import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { ListSpec } from '@n8n-nodes-eu-finance/shared/operations';
import { FISKALY_COUNTRY_CODES } from './countryCodes';

/** Shared; re-exported so the resources keep importing their helpers from one place. */
export { compact } from '@n8n-nodes-eu-finance/shared/operations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuid = z.string().trim().regex(UUID, 'must be a UUID such as 00000000-0000-0000-0000-000000000000');
export const optionalUuid = uuid.optional();
/** Required non-empty text (fiskaly rejects empty address fields). */
export const text = z.string().trim().min(1, 'must not be empty');
export const countryCode = z.enum(FISKALY_COUNTRY_CODES, {
	errorMap: () => ({ message: 'must be one of fiskaly\'s ISO 3166-1 alpha-3 codes, e.g. DEU' }),
});

/** Empty strings from the UI mean "not given". */
export const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
export const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const countryCodeProperty = (required: boolean): INodeProperties => ({
	displayName: 'Country Code',
	name: 'country_code',
	type: 'options',
	options: FISKALY_COUNTRY_CODES.map((code) => ({ name: code, value: code })),
	default: 'DEU',
	required,
	description: 'ISO 3166-1 alpha-3 country code',
});

// ----- metadata: at most 20 keys, key <= 40 characters, value <= 500 characters (fiskaly's limits)

export const metadataProperty: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	placeholder: 'Add metadata entry',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'Custom key-value data stored with the record (at most 20 keys; key up to 40 characters, value up to 500)',
	options: [
		{
			displayName: 'Entry',
			name: 'entries',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const metadataSchema = z
	.object({
		entries: z
			.array(
				z.object({
					key: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
					value: z.coerce.string().max(500, 'must be at most 500 characters'),
				}),
			)
			.max(20, 'fiskaly accepts at most 20 metadata keys')
			.default([]),
	})
	.default({})
	.superRefine((metadata, issue) => {
		const keys = metadata.entries.map((e) => e.key);
		const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
		if (duplicate) issue.addIssue({ code: 'custom', path: ['entries'], message: `key "${duplicate}" appears twice` });
	})
	.transform((metadata) =>
		metadata.entries.length ? Object.fromEntries(metadata.entries.map((e) => [e.key, e.value])) : undefined,
	);

// ----- resource locators

const uuidMode = (placeholder: string) => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder,
	validation: [
		{
			type: 'regex' as const,
			properties: { regex: UUID.source, errorMessage: 'Not a valid UUID' },
		},
	],
});

export const organizationLocator = (displayName = 'Organization', name = 'organizationId'): INodeProperties => ({
	displayName,
	name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchOrganizations', searchable: true },
		},
		uuidMode('00000000-0000-0000-0000-000000000000'),
	],
});

export const apiKeyLocator: INodeProperties = {
	displayName: 'API Key',
	name: 'keyId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The API key, from the organization chosen above',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchApiKeys', searchable: true },
		},
		uuidMode('00000000-0000-0000-0000-000000000000'),
	],
};

export const listOrder = (orderByValues: readonly string[], defaultOrderBy: string): INodeProperties[] => [
	{
		displayName: 'Order By',
		name: 'order_by',
		type: 'options',
		options: orderByValues.map((value) => ({ name: titleCase(value), value })),
		default: defaultOrderBy,
		description: 'Field to sort by',
	},
	{
		displayName: 'Order',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'asc',
	},
];

export const listOrderSchema = <T extends [string, ...string[]]>(orderBy: T) => ({
	order_by: z.enum(orderBy),
	order: z.enum(['asc', 'desc']),
});

function titleCase(value: string): string {
	return value
		.split('_')
		.map((word) => (word === 'id' ? 'ID' : word === 'vat' ? 'VAT' : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

/** fiskaly's DELETE and enable-env answer {"_success": true}; say what happened instead. */
/** fiskaly answers a delete or state change with `{ _success: true }`. */
export const successOutput = (extra: IDataObject) => (body: unknown) => ({ success: (body as IDataObject | null)?._success === true, ...extra });

export const environmentOptions: INodePropertyOptions[] = [
	{ name: 'Live', value: 'LIVE' },
	{ name: 'Test', value: 'TEST' },
];

/** The "Filters" collection of a list operation. */
export const filtersProperty = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add filter',
	default: {},
	options,
});

/** fiskaly lists: `limit` / `offset` in, `{ data, count }` out; pageSize is the documented maximum. */
export const offsetPages = (pageSize: number): ListSpec['pagination'] => ({
	style: 'offset',
	pageSize,
	limitParam: 'limit',
	offsetParam: 'offset',
	itemsField: 'data',
	totalField: 'count',
});
