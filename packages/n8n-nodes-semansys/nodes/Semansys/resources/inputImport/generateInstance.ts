/**
 * Input import › Instance › Generation (CONFIRMED): an XBRL instance (.xbrl) from JSON data. The page documents the
 * query `isHashed`, the body (taxonomy entrypoint `schemaRef`, `lang`, the entity identifier and its scheme, a default
 * unit, period and decimals, and the data rows) and the answer (`InstanceContentBase64`, `TaxonomyEntrypoint`,
 * `FactsCount`, `TuplesCount`, `UnitsCount`, `ContextsCount`, `hashResult`). The rows use the field names of the data
 * rows Get Instance Data returns (concept, value, period, unit, decimals).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { compact, optional, requiredText, stringProperty } from '../../fields';
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
		stringProperty('Schema Ref', 'schemaRef', 'URL of the taxonomy entrypoint', { required: true, placeholder: 'https://www.nltaxonomie.nl/…/entrypoint.xsd' }),
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
	},
	refine: (input, ctx) => {
		const json = input.dataRowsInput === 'json';
		const rows = ((json ? input.dataRowsJson : input.dataRows) ?? []) as IDataObject[];
		// Paths as the parameters hold them, so the error names the field the user filled ("Data Rows › entry 2 › Period").
		const rowPath = (index: number) => (json ? ['dataRowsJson', index] : ['dataRows', 'row', index]);
		if (rows.length === 0) ctx.addIssue({ code: 'custom', path: [json ? 'dataRowsJson' : 'dataRows'], message: 'must hold at least one row' });
		// XBRL facts need a context: a row without its own period takes the default one, so one of them is needed.
		if (input.period === undefined) {
			rows.forEach((row, index) => {
				if (row.period === undefined) ctx.addIssue({ code: 'custom', path: [...rowPath(index), 'period'], message: 'is required when no Default Period is given' });
			});
		}
	},
	hashed: true,
	request: (input) => ({
		body: compact({
			schemaRef: input.schemaRef,
			lang: input.lang,
			identifier: input.identifier,
			scheme: input.scheme,
			unit: input.unit,
			period: input.period,
			decimals: input.decimals,
			dataRows: ((input.dataRowsInput === 'json' ? input.dataRowsJson : input.dataRows) ?? []) as IDataObject[],
		}),
		// It builds a file and stores nothing: safe to repeat.
		idempotent: true,
	}),
	answerFiles: [{ ...answerFile('InstanceContentBase64'), mimeType: 'application/xml', extension: 'xbrl' }],
});
