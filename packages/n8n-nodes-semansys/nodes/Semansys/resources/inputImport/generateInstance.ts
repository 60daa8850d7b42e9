/**
 * Input import › Instance › Generation (CONFIRMED method and path): an XBRL instance (.xbrl) from JSON data. The page
 * documents the query `isHashed`, the answer (`InstanceContentBase64`, `TaxonomyEntrypoint`, `FactsCount`,
 * `TuplesCount`, `UnitsCount`, `ContextsCount`, `hashResult`) and the body's content; of its key names it shows only
 * `schemaRef` and `lang`. The entity identifier and its scheme, the default unit, period and decimals and the data
 * rows are described without their names: ours (`identifier`, `scheme`, `unit`, `period`, `decimals`, `dataRows`)
 * are defaults the user can change under Body Key Names (Unverified). The rows use the field names of the data rows
 * Get Instance Data returns (concept, value, period, unit, decimals).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { compact, entryPointProperty, optional, requiredText, stringProperty } from '../../fields';
import { answerFile } from '../../files';
import { semansysOperation } from '../../operation';

/** `yyyy-MM-dd/yyyy-MM-dd`, real dates, the start not after the end. */
const PERIOD = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;
const isDate = (text: string) => {
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};
const isPeriod = (text: string) => {
	const match = PERIOD.exec(text);
	return !!match && isDate(match[1]) && isDate(match[2]) && match[1] <= match[2];
};
const period = z.string().trim().refine(isPeriod, 'must be a period yyyy-MM-dd/yyyy-MM-dd, e.g. 2020-01-01/2020-12-31, the start not after the end');

/** A prefixed XBRL name: a concept (`kvk-i:Revenue`) or a unit (`iso4217:EUR`). */
const QNAME = /^[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*$/;
const concept = z.string({ required_error: 'is required' }).trim().regex(QNAME, 'must be a prefixed concept name, e.g. kvk-i:Revenue');
const unit = z.string().trim().regex(QNAME, 'must be a prefixed unit, e.g. iso4217:EUR');

/** XBRL decimals: a whole number or INF; a number goes out as a number, INF as text. */
const decimals = z
	.union([z.number(), z.string().trim()])
	.refine((value) => /^(-?\d+|INF)$/.test(String(value)), 'must be a whole number or INF')
	.transform((value) => (String(value) === 'INF' ? 'INF' : Number(value)));

/** A fact's value: text or a number (sent as text, as XBRL holds it); never empty. */
const factValue = z
	.union([z.string(), z.number(), z.boolean()], { required_error: 'is required', invalid_type_error: 'must be text or a number' })
	.transform(String)
	.refine((value) => value.trim() !== '', 'is required');

/** One data row; rows given as JSON keep their other fields (e.g. dimensions) as they are. */
const dataRow = z
	.object({
		concept,
		value: factValue,
		period: optional(period),
		unit: optional(unit),
		decimals: optional(decimals),
	})
	.passthrough();

const dataRowsFromFields = z
	.object({ row: z.array(dataRow).default([]) }, { invalid_type_error: 'must be a list of rows' })
	.default({ row: [] })
	.transform(({ row }) => row);

const dataRowsFromJson = z.preprocess((value, ctx) => {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be valid JSON' });
		return z.NEVER;
	}
}, z.array(dataRow, { invalid_type_error: 'must be a JSON array of rows' }));

/** Body keys whose names Semansys' page does not show (only schemaRef and lang are shown), with what they carry. */
const UNVERIFIED_KEYS = [
	['identifier', 'Entity Identifier'],
	['scheme', 'Identifier Scheme'],
	['unit', 'Default Unit'],
	['period', 'Default Period'],
	['decimals', 'Default Decimals'],
	['dataRows', 'Data Rows'],
] as const;
type UnverifiedKey = (typeof UNVERIFIED_KEYS)[number][0];
const bodyKey = z
	.string()
	.trim()
	.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a JSON key name (letters, digits, _)')
	.refine((key) => key !== 'schemaRef' && key !== 'lang', 'must not be schemaRef or lang (documented keys the node sends itself)');

const rowProperties: INodeProperties[] = [
	stringProperty('Concept', 'concept', 'The prefixed concept name, e.g. kvk-i:Revenue', { required: true }),
	stringProperty('Value', 'value', 'The fact value', { required: true }),
	stringProperty('Period', 'period', 'Empty uses the Default Period (yyyy-MM-dd/yyyy-MM-dd)'),
	stringProperty('Unit', 'unit', 'Empty uses the Default Unit'),
	stringProperty('Decimals', 'decimals', 'Empty uses the Default Decimals'),
];

export const generateInstance = semansysOperation({
	value: 'generateInstance',
	name: 'Generate Instance',
	action: 'Generate an XBRL instance from data rows',
	description: 'Generate an XBRL instance (.xbrl) from data rows for a taxonomy entrypoint (URL). Returns the instance as binary data with its counts (FactsCount, TuplesCount, UnitsCount, ContextsCount).',
	endpoint: { method: 'POST', path: '/input-import/instance/generation', confirmed: true },
	properties: [
		entryPointProperty,
		stringProperty('Language', 'lang', 'The xml:lang of the instance, e.g. en or nl', { default: 'en', required: true }),
		stringProperty('Entity Identifier', 'identifier', 'The identifier of the reporting entity, e.g. its KvK number', { required: true, placeholder: '12345678' }),
		stringProperty('Identifier Scheme', 'scheme', 'The scheme of the entity identifier', { required: true, placeholder: 'http://www.kvk.nl/kvk-id' }),
		stringProperty('Default Unit', 'unit', 'The unit of numeric rows that name none', { placeholder: 'iso4217:EUR' }),
		stringProperty('Default Period', 'period', 'The period of rows that name none: yyyy-MM-dd/yyyy-MM-dd', { placeholder: '2020-01-01/2020-12-31' }),
		stringProperty('Default Decimals', 'decimals', 'The decimals of numeric rows that name none: a whole number or INF', { placeholder: '0' }),
		{
			displayName: 'Data Rows Input',
			name: 'dataRowsInput',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: 'One row per fact: concept, value and optionally period, unit and decimals' },
				{ name: 'JSON', value: 'json', description: 'A JSON array of rows, e.g. the dataRows of Get Instance Data; other row fields are sent as they are' },
			],
			default: 'fields',
		},
		{
			displayName: 'Data Rows',
			name: 'dataRows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Row',
			default: {},
			displayOptions: { show: { dataRowsInput: ['fields'] } },
			options: [{ displayName: 'Row', name: 'row', values: rowProperties }],
		},
		{
			displayName: 'Data Rows (JSON)',
			name: 'dataRowsJson',
			type: 'json',
			default: '[]',
			description: 'A JSON array of rows: {"concept": "kvk-i:Revenue", "value": "125000", "period": "2025-01-01/2025-12-31", "unit": "iso4217:EUR", "decimals": 0}',
			displayOptions: { show: { dataRowsInput: ['json'] } },
		},
		stringProperty('File Name', 'fileName', 'Name of the instance file (.xbrl is added); empty: semansys-generateInstance.xbrl'),
		{
			displayName: 'Body Key Names (Unverified)',
			name: 'bodyKeyNames',
			type: 'collection',
			placeholder: 'Change a Key Name',
			default: {},
			description:
				"Semansys' page shows only schemaRef and lang as key names; the others are described without their names. These are our names for them: change one once Semansys tells you the real name.",
			options: UNVERIFIED_KEYS.map(([key, what]) => ({
				displayName: `Key of ${what}`,
				name: key,
				type: 'string' as const,
				default: key,
				description: `Body key that carries ${what.toLowerCase()} (unverified; default ${key})`,
			})),
		},
	],
	fields: {
		schemaRef: requiredText.pipe(z.string().url('must be the URL of the taxonomy entrypoint')),
		lang: requiredText.pipe(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language code, e.g. en or nl')),
		identifier: requiredText,
		scheme: requiredText.pipe(z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'must be a URI, e.g. http://www.kvk.nl/kvk-id')),
		unit: optional(unit),
		period: optional(period),
		decimals: optional(decimals),
		dataRowsInput: z.enum(['fields', 'json']).default('fields'),
		dataRows: dataRowsFromFields.optional(),
		dataRowsJson: dataRowsFromJson.optional(),
		fileName: optional(z.string().trim()),
		bodyKeyNames: z.object(Object.fromEntries(UNVERIFIED_KEYS.map(([key]) => [key, optional(bodyKey)]))).default({}),
	},
	refine: (input, ctx) => {
		const json = input.dataRowsInput === 'json';
		const rows = ((json ? input.dataRowsJson : input.dataRows) ?? []) as IDataObject[];
		// Paths as the parameters hold them, so the error names the field the user filled ("Data Rows › entry 2 › Period").
		const rowPath = (index: number) => (json ? ['dataRowsJson', index] : ['dataRows', 'row', index]);
		// Two values under one renamed key would silently lose one of them.
		const keys = input.bodyKeyNames as Partial<Record<UnverifiedKey, string>>;
		const used = new Map<string, string>();
		for (const [key, what] of UNVERIFIED_KEYS) {
			const name = keys[key] ?? key;
			const other = used.get(name);
			if (other) ctx.addIssue({ code: 'custom', path: ['bodyKeyNames', key], message: `must differ from the key of ${other} (both are ${name})` });
			used.set(name, what);
		}
		if (rows.length === 0) ctx.addIssue({ code: 'custom', path: [json ? 'dataRowsJson' : 'dataRows'], message: 'must hold at least one row' });
		// XBRL facts need a context: a row without its own period takes the default one, so one of them is needed.
		if (input.period === undefined) {
			rows.forEach((row, index) => {
				if (row.period === undefined) ctx.addIssue({ code: 'custom', path: [...rowPath(index), 'period'], message: 'is required when no Default Period is given' });
			});
		}
	},
	hashed: true,
	request: (input) => {
		const keys = input.bodyKeyNames as Partial<Record<UnverifiedKey, string>>;
		const rows = ((input.dataRowsInput === 'json' ? input.dataRowsJson : input.dataRows) ?? []) as IDataObject[];
		const unverified: Record<UnverifiedKey, unknown> = {
			identifier: input.identifier,
			scheme: input.scheme,
			unit: input.unit,
			period: input.period,
			decimals: input.decimals,
			dataRows: rows,
		};
		return {
			body: compact({
				schemaRef: input.schemaRef,
				lang: input.lang,
				...Object.fromEntries(Object.entries(unverified).map(([key, value]) => [keys[key as UnverifiedKey] ?? key, value])),
			}),
			// It builds a file and stores nothing: safe to repeat.
			idempotent: true,
		};
	},
	answerFiles: [{ ...answerFile('InstanceContentBase64'), mimeType: 'application/xml', extension: 'xbrl' }],
});
