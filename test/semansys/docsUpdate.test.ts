/**
 * What a second reading of Semansys' pages changed: Render Consistent sends no format unless asked (its parameter
 * name is unconfirmed), Generate Instance is a confirmed operation built field by field, and status answers nest
 * a status's error one level deeper (statusFoutcode.foutType) and the node surfaces it as errorCode / errorDescription.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { SemansysDescriptor } from '../../packages/n8n-nodes-semansys/nodes/Semansys/operation';
import { resources } from '../../packages/n8n-nodes-semansys/nodes/Semansys/resources';
import { statusError, withStatusErrors } from '../../packages/n8n-nodes-semansys/nodes/Semansys/resources/status';
import { factsOf } from '../sandbox/semansys';
import { binaryBytes, withInstance, useSemansys, type SemansysFixture } from './setup';

const fixture = useSemansys();
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

const operation = (resource: string, value: string) => resources.find((r) => r.value === resource)!.operations.filter((o) => o.value === value) as SemansysDescriptor[];
const render = (extra: INodeParameters = {}) => f.run({ resource: 'rendering', operation: 'consistent', reportBinaryProperty: 'data', ...extra }, { input: withInstance() });

describe('Semansys Render Consistent: the format parameter', () => {
	it('the option says its parameter name is unconfirmed; both formats (no parameter) by default', () => {
		const [consistent] = operation('rendering', 'consistent');
		const format = consistent.properties.find((p) => p.name === 'outputFormat');
		const name = consistent.properties.find((p) => p.name === 'formatParameterName');
		expect(format).toMatchObject({ displayName: 'Output Format (Unconfirmed Parameter Name)', default: 'both' });
		expect(name).toMatchObject({ displayName: 'Format Parameter Name', default: 'outputFormat', displayOptions: { show: { outputFormat: ['html', 'pdf'] } } });
	});

	it('by default no format goes out and both come back', async () => {
		const { json, items, error } = await render();
		expect(error).toBeUndefined();
		expect(f.lastRequest()!.query).toEqual({});
		expect(json[0]).toMatchObject({ htmlContent: 'binary:html', pdfContent: 'binary:pdf' });
		expect(Object.keys(items[0].binary!).sort()).toEqual(['data', 'html', 'pdf']);
	});

	it('PDF Only sends the format under outputFormat (our guess) unless the name is changed', async () => {
		const pdf = await render({ outputFormat: 'pdf' });
		expect(f.lastRequest()!.query).toEqual({ outputFormat: 'pdf' });
		expect(pdf.json[0]).toMatchObject({ htmlContent: null, pdfContent: 'binary:pdf' });
	});

	it('Format Parameter Name fixes the name: a service reading "format" gets it; under the old name it ignores it and sends both', async () => {
		f.sandbox.control.setRenderFormatParameter('format');
		const fixed = await render({ outputFormat: 'html', formatParameterName: 'format', isHashed: true });
		expect(f.lastRequest()!.query).toEqual({ format: 'html', isHashed: 'true' });
		expect(fixed.json[0]).toMatchObject({ htmlContent: 'binary:html', pdfContent: null });

		const guessed = await render({ outputFormat: 'html' });
		expect(f.lastRequest()!.query).toEqual({ outputFormat: 'html' });
		expect(guessed.json[0]).toMatchObject({ htmlContent: 'binary:html', pdfContent: 'binary:pdf' });
	});

	it('a name that cannot be a query parameter, or isHashed, is refused before sending', async () => {
		const spaced = await render({ outputFormat: 'pdf', formatParameterName: 'html or pdf' });
		expect(spaced.error?.message).toBe('Invalid input in item 0: "Format Parameter Name": must be a query parameter name (letters, digits, _ . -)');
		const hashed = await render({ outputFormat: 'pdf', formatParameterName: 'isHashed' });
		expect(hashed.error?.message).toBe('Invalid input in item 0: "Format Parameter Name": must not be isHashed (the node sends that one itself)');
		expect(f.apiCalls()).toEqual([]);
	});
});

const SCHEMA_REF = 'https://www.nltaxonomie.nl/kvk/2024/entrypoints/kvk-rpt-jaarverantwoording-2024-nlgaap-micro.xsd';
const generation = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'inputImport',
	operation: 'generateInstance',
	schemaRef: SCHEMA_REF,
	lang: 'nl',
	identifier: '12345678',
	scheme: 'http://www.kvk.nl/kvk-id',
	unit: 'iso4217:EUR',
	period: '2025-01-01/2025-12-31',
	decimals: '0',
	dataRows: {
		row: [
			{ concept: 'kvk-i:Revenue', value: '125000', period: '', unit: '', decimals: '' },
			{ concept: 'kvk-i:Equity', value: '40000', period: '', unit: '', decimals: '-3' },
			{ concept: 'kvk-i:LegalEntityName', value: 'Voorbeeld BV', period: '', unit: '', decimals: '' },
		],
	},
	...extra,
});

describe('Semansys Generate Instance (confirmed)', () => {
	it('is confirmed, replaces the inferred operation of the same value, and says what it needs', () => {
		const ops = operation('inputImport', 'generateInstance');
		expect(ops).toHaveLength(1);
		expect(ops[0].endpoint).toEqual({ method: 'POST', path: '/input-import/instance/generation', confirmed: true });
		expect(ops[0].description).not.toMatch(/^Inferred/);
		expect(ops[0].properties.filter((p) => p.required).map((p) => p.name)).toEqual(['schemaRef', 'lang', 'identifier', 'scheme']);
	});

	it('sends every documented field; returns the counts and the instance as an .xbrl binary', async () => {
		const { json, items, error } = await f.run(generation({ isHashed: true, fileName: 'jaarrekening-2025' }));
		expect(error).toBeUndefined();
		const request = f.lastRequest()!;
		expect(request).toMatchObject({ method: 'POST', path: '/api/input-import/instance/generation', query: { isHashed: 'true' } });
		expect(request.body).toEqual({
			schemaRef: SCHEMA_REF,
			lang: 'nl',
			identifier: '12345678',
			scheme: 'http://www.kvk.nl/kvk-id',
			unit: 'iso4217:EUR',
			period: '2025-01-01/2025-12-31',
			decimals: 0,
			dataRows: [
				{ concept: 'kvk-i:Revenue', value: '125000' },
				{ concept: 'kvk-i:Equity', value: '40000', decimals: -3 },
				{ concept: 'kvk-i:LegalEntityName', value: 'Voorbeeld BV' },
			],
		});
		expect(json[0]).toEqual({
			InstanceContentBase64: 'binary:instance',
			TaxonomyEntrypoint: SCHEMA_REF,
			FactsCount: 3,
			TuplesCount: 0,
			UnitsCount: 1,
			ContextsCount: 1,
			hashResult: { Hash_Result: expect.stringMatching(/^[0-9a-f]{64}$/) },
		});
		const instance = items[0].binary!.instance;
		expect(instance).toMatchObject({ fileName: 'jaarrekening-2025.xbrl', mimeType: 'application/xml' });
		const xml = binaryBytes(instance).toString('utf8');
		expect(xml).toContain(`xlink:href="${SCHEMA_REF}"`);
		expect(xml).toContain('<xbrli:identifier scheme="http://www.kvk.nl/kvk-id">12345678</xbrli:identifier>');
		expect(factsOf(xml).map((fact) => [fact.concept, fact.value, fact.decimals ?? null])).toEqual([
			['kvk-i:Revenue', '125000', '0'],
			['kvk-i:Equity', '40000', '-3'],
			['kvk-i:LegalEntityName', 'Voorbeeld BV', null],
		]);
	});

	it('the unpublished key names can be changed: a Semansys that names them otherwise refuses ours and takes the renamed body', async () => {
		f.sandbox.control.setGenerationKeyNames({ identifier: 'entityIdentifier', dataRows: 'rows' });
		const ours = await f.run(generation());
		expect(ours.error?.message).toMatch(/identifier/);
		const renamed = await f.run(generation({ bodyKeyNames: { identifier: 'entityIdentifier', dataRows: 'rows' } }));
		expect(renamed.error).toBeUndefined();
		expect(Object.keys(f.lastRequest()!.body as object).sort()).toEqual(['decimals', 'entityIdentifier', 'lang', 'period', 'rows', 'schemaRef', 'scheme', 'unit']);
		expect(renamed.json[0]).toMatchObject({ FactsCount: 3 });
		// Two values under one key, or a documented key taken: refused before anything is sent, naming the field.
		const calls = f.apiCalls().length;
		const clash = await f.run(generation({ bodyKeyNames: { unit: 'scheme' } }));
		expect(clash.error?.message).toBe('Invalid input in item 0: "Body Key Names (Unverified)" › Key of Default Unit: must differ from the key of Identifier Scheme (both are scheme)');
		const documented = await f.run(generation({ bodyKeyNames: { period: 'lang' } }));
		expect(documented.error?.message).toMatch(/must not be schemaRef or lang/);
		expect(f.apiCalls()).toHaveLength(calls);
	});

	it('rows as JSON (e.g. the dataRows of Get Instance Data): own periods and units, other fields passed on; base64 kept when asked', async () => {
		const rows = [
			{ concept: 'kvk-i:Revenue', value: 125000, period: '2025-01-01/2025-12-31', unit: 'iso4217:EUR', decimals: 0, scenarioContent: [] },
			{ concept: 'kvk-i:Revenue', value: '99000', period: '2024-01-01/2024-12-31', unit: 'iso4217:USD' },
		];
		const { json, items, error } = await f.run(generation({ dataRowsInput: 'json', dataRowsJson: JSON.stringify(rows), unit: '', period: '', decimals: '', keepRawContent: true }));
		expect(error).toBeUndefined();
		expect(f.lastRequest()!.query).toEqual({});
		expect(f.lastRequest()!.body).toEqual({
			schemaRef: SCHEMA_REF,
			lang: 'nl',
			identifier: '12345678',
			scheme: 'http://www.kvk.nl/kvk-id',
			dataRows: [{ ...rows[0], value: '125000' }, rows[1]],
		});
		expect(json[0]).toMatchObject({ FactsCount: 2, ContextsCount: 2, UnitsCount: 2 });
		expect(json[0].InstanceContentBase64).toBe(binaryBytes(items[0].binary!.instance).toString('base64'));
		expect(items[0].binary!.instance.fileName).toBe('semansys-generateInstance.xbrl');
	});

	it('the generated instance renders (Generate Instance → Render Consistent)', async () => {
		const generated = await f.run(generation());
		const instance = generated.items[0].binary!.instance;
		const rendered = await f.run(
			{ resource: 'rendering', operation: 'consistent', reportBinaryProperty: 'instance' },
			{ input: [{ $binary: { instance: { base64: instance.data, fileName: instance.fileName!, mimeType: instance.mimeType } } }] },
		);
		expect(rendered.error).toBeUndefined();
		expect(binaryBytes(rendered.items[0].binary!.html).toString()).toContain('<td>kvk-i:Equity</td><td>40000</td>');
	});

	it.each([
		['a period in another format', { period: '2025-01-01 - 2025-12-31' }, '"Default Period": must be a period yyyy-MM-dd/yyyy-MM-dd, e.g. 2020-01-01/2020-12-31, the start not after the end'],
		['a period that ends before it starts', { period: '2025-12-31/2025-01-01' }, '"Default Period": must be a period yyyy-MM-dd/yyyy-MM-dd, e.g. 2020-01-01/2020-12-31, the start not after the end'],
		['a date that does not exist', { period: '2025-02-30/2025-12-31' }, '"Default Period": must be a period yyyy-MM-dd/yyyy-MM-dd, e.g. 2020-01-01/2020-12-31, the start not after the end'],
		['a row without period and no default', { period: '', dataRows: { row: [{ concept: 'kvk-i:Revenue', value: '1', period: '2025-01-01/2025-12-31' }, { concept: 'kvk-i:Equity', value: '2' }] } }, '"Data Rows" › entry 2 › Period: is required when no Default Period is given'],
		['a concept without prefix', { dataRows: { row: [{ concept: 'Revenue', value: '1' }] } }, '"Data Rows" › entry 1 › Concept: must be a prefixed concept name, e.g. kvk-i:Revenue'],
		['no rows', { dataRows: {} }, '"Data Rows": must hold at least one row'],
		['decimals that are not a number', { decimals: 'two' }, '"Default Decimals": must be a whole number or INF'],
		['a unit without prefix', { unit: 'EUR' }, '"Default Unit": must be a prefixed unit, e.g. iso4217:EUR'],
		['an entrypoint that is not a URL', { schemaRef: 'entrypoint.xsd' }, '"Schema Ref": must be the URL of the taxonomy entrypoint'],
		['JSON rows that are not an array', { dataRowsInput: 'json', dataRowsJson: '{"concept": "kvk-i:Revenue"}' }, '"Data Rows (JSON)": must be a JSON array of rows'],
		['a JSON row without value', { dataRowsInput: 'json', dataRowsJson: '[{"concept": "kvk-i:Revenue"}]' }, '"Data Rows (JSON)" › entry 1 › value: is required'],
	])('refuses %s before sending', async (_label, extra, message) => {
		const { error } = await f.run(generation(extra));
		expect(error?.message).toBe(`Invalid input in item 0: ${message}`);
		expect(f.apiCalls()).toEqual([]);
	});
});

/** Delivers the sample report to Digipoort or SBR Nexus through the node; returns the kenmerk. */
async function deliver(channel: 'digipoort' | 'sbrNexus'): Promise<string> {
	const common = { resource: 'delivery', operation: channel, reportBinaryProperty: 'data', identifier: '12345678', typeOfSender: 'Accountant' };
	const parameters =
		channel === 'digipoort'
			? { ...common, messageType: 'Jaarrekening', nameOfStakeholder: 'KvK' }
			: { ...common, messageType: 'Inkomstenbelasting', nameOfStakeholder: 'Bank', idOfStakeholder: '00000000123456780000', typeOfStakeholder: 'ID-ontvanger', idOfSupplier: 'SUP-1' };
	const { json } = await f.run(parameters, { input: withInstance() });
	return (json[0].aanleverResponse as { kenmerk: string }).kenmerk;
}

type Status = IDataObject & { statuscode: string; statusFoutcode: IDataObject; errorCode: string | null; errorDescription: string | null };
const statusesOf = (answer: IDataObject) => (answer.getStatussenProcesResponse as { getStatussenProcesReturn: Status[] }).getStatussenProcesReturn;

describe('Semansys status answers: errorCode and errorDescription', () => {
	it('Digipoort, flat as its page shows it: each status gets errorCode / errorDescription next to its raw statusFoutcode', async () => {
		const kenmerk = await deliver('digipoort');
		f.sandbox.control.rejectDelivery(kenmerk, 'ALG0012', 'Het bericht is niet volgens de taxonomie');
		const { json, error } = await f.run({ resource: 'status', operation: 'digipoort', identifier: kenmerk });
		expect(error).toBeUndefined();
		const statuses = statusesOf(json[0]);
		expect(statuses.map((s) => [s.statuscode, s.errorCode, s.errorDescription])).toEqual([
			['100', null, null],
			['200', null, null],
			['410', 'ALG0012', 'Het bericht is niet volgens de taxonomie'],
		]);
		expect(statuses[2].statusFoutcode).toEqual({ foutcode: 'ALG0012', foutbeschrijving: 'Het bericht is niet volgens de taxonomie' });
		// The answer's own top-level fields stay as Semansys sent them.
		expect(json[0]).toMatchObject({ errorMessage: null, errorCode: null });
	});

	it('SBR Nexus, nested under foutType as its page shows it; and each portal reads the other shape too', async () => {
		const kenmerk = await deliver('sbrNexus');
		f.sandbox.control.rejectDelivery(kenmerk, 'BTP-404', 'Ontvanger onbekend');
		const nested = await f.run({ resource: 'status', operation: 'sbrNexus', identifier: kenmerk, idOfSupplier: 'SUP-1' });
		expect(statusesOf(nested.json[0]).at(-1)).toMatchObject({ statuscode: '410', errorCode: 'BTP-404', errorDescription: 'Ontvanger onbekend' });
		expect(statusesOf(nested.json[0]).at(-1)!.statusFoutcode).toEqual({ foutType: { foutcode: 'BTP-404', foutbeschrijving: 'Ontvanger onbekend' } });

		const digipoort = await deliver('digipoort');
		f.sandbox.control.rejectDelivery(digipoort, 'ALG0013', 'Onbekende berichtsoort');
		f.sandbox.control.setStatusErrorShape('nested');
		const digipoortNested = await f.run({ resource: 'status', operation: 'digipoort', identifier: digipoort });
		expect(statusesOf(digipoortNested.json[0]).at(-1)).toMatchObject({ statusFoutcode: { foutType: { foutcode: 'ALG0013' } }, errorCode: 'ALG0013', errorDescription: 'Onbekende berichtsoort' });

		f.sandbox.control.setStatusErrorShape('flat');
		const flat = await f.run({ resource: 'status', operation: 'sbrNexus', identifier: kenmerk, idOfSupplier: 'SUP-1' });
		const last = statusesOf(flat.json[0]).at(-1)!;
		expect(last.statusFoutcode).toEqual({ foutcode: 'BTP-404', foutbeschrijving: 'Ontvanger onbekend' });
		expect(last).toMatchObject({ errorCode: 'BTP-404', errorDescription: 'Ontvanger onbekend' });
	});

	it('an unknown delivery keeps the answer\'s own errorCode / errorMessage', async () => {
		const { json } = await f.run({ resource: 'status', operation: 'digipoort', identifier: 'NOPE-1' });
		expect(json[0]).toEqual({ getStatussenProcesResponse: null, errorMessage: 'No delivery with kenmerk NOPE-1', errorCode: 'NOT_FOUND' });
	});

	it('statusError and withStatusErrors: one status instead of a list, numbers, missing parts', () => {
		expect(statusError({ statusFoutcode: { foutType: { foutcode: 310, foutbeschrijving: ' ' } } })).toEqual({ errorCode: '310', errorDescription: null });
		expect(statusError({ statusFoutcode: null })).toEqual({ errorCode: null, errorDescription: null });
		expect(statusError({})).toEqual({ errorCode: null, errorDescription: null });
		const single = withStatusErrors({ getStatussenProcesResponse: { getStatussenProcesReturn: { statuscode: '410', statusFoutcode: { foutType: { foutcode: 'X1', foutbeschrijving: 'Fout' } } } } });
		expect(single.getStatussenProcesResponse).toEqual({
			getStatussenProcesReturn: { statuscode: '410', statusFoutcode: { foutType: { foutcode: 'X1', foutbeschrijving: 'Fout' } }, errorCode: 'X1', errorDescription: 'Fout' },
		});
		expect(withStatusErrors('not an object' as unknown as IDataObject)).toBe('not an object');
	});
});
