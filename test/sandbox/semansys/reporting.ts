/** The documented computations: HMRC forms, compare, hash, instance data, report extension and renderings. */
import { createHash } from 'node:crypto';
import { isPlainObject, type SandboxRequest, type SandboxRoute } from '../framework';
import { base64Field, BASE_PATH, fail, idOrBase64, ok, requireString, sha256, type SemansysContext } from './context';
import { ct600Xml, EMPTY_ZIP, factsOf, htmlPage, tinyPdf } from './samples';

const b64 = (data: Buffer) => data.toString('base64');
const hashed = (req: SandboxRequest, data: Buffer) => (req.query.isHashed === 'true' ? { hashResult: { Hash_Result: sha256(data) } } : {});

function body(req: SandboxRequest): Record<string, unknown> {
	if (!isPlainObject(req.body)) throw fail(400, 'A JSON body is required');
	return req.body;
}

function requireNumber(fields: Record<string, unknown>, field: string, integer = false): number {
	const value = fields[field];
	if (typeof value !== 'number' || (integer && !Number.isInteger(value))) throw fail(400, `${field}: must be ${integer ? 'an integer' : 'a number'}`);
	return value;
}

const CT600_AMOUNTS = [
	'taxChargeable', 'netCorporationTaxChargeable', 'taxPayable', 'profitsBeforeOtherDeductions', 'profitsBeforeDonationsAndGroupRelief',
	'totalReliefsAndDeductions', 'lossesBroughtForward', 'netProfits', 'financialYearProfit', 'financialYearTaxRate',
];

/** The report rendered: its facts as an HTML table and the first fact in a one-page PDF. */
function render(report: Buffer, title: string) {
	const facts = factsOf(report.toString('utf8'));
	if (!facts.length) throw fail(400, 'reportContentBase64: the report holds no XBRL facts');
	const rows = facts.map((f): [string, string] => [f.concept, f.value]);
	return { html: htmlPage(title, rows), pdf: tinyPdf(`${title}: ${facts.length} facts, ${rows[0][0]} = ${rows[0][1]}`) };
}

const PERIOD = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;
const QNAME = /^[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*$/;
const xmlEscape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function checkPeriod(value: unknown, field: string): string {
	const match = typeof value === 'string' ? PERIOD.exec(value) : null;
	const valid = (date: string) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
	if (!match || !valid(match[1]) || !valid(match[2]) || match[1] > match[2]) throw fail(400, `${field}: must be a period yyyy-MM-dd/yyyy-MM-dd`);
	return value as string;
}

function checkDecimals(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (!(typeof value === 'number' && Number.isInteger(value)) && value !== 'INF') throw fail(400, `${field}: must be an integer or "INF"`);
	return String(value);
}

/**
 * The documented generation: `schemaRef`, `lang`, `identifier`, `scheme`, default `unit`, `period`
 * (yyyy-MM-dd/yyyy-MM-dd) and `decimals`, and `dataRows` ({ concept, value, period?, unit?, decimals? }). One context
 * per period, one unit per unit used; numeric values get a unit and decimals, text values none.
 */
function generateInstance(fields: Record<string, unknown>) {
	const schemaRef = requireString(fields, 'schemaRef')!;
	const lang = requireString(fields, 'lang')!;
	const identifier = requireString(fields, 'identifier')!;
	const scheme = requireString(fields, 'scheme')!;
	const defaultUnit = requireString(fields, 'unit', { optional: true });
	if (defaultUnit !== undefined && !QNAME.test(defaultUnit)) throw fail(400, 'unit: must be a prefixed unit such as iso4217:EUR');
	const defaultPeriod = fields.period === undefined ? undefined : checkPeriod(fields.period, 'period');
	const defaultDecimals = checkDecimals(fields.decimals, 'decimals');
	const rows = fields.dataRows;
	if (!Array.isArray(rows) || rows.length === 0) throw fail(400, 'dataRows: at least one row is required');
	const contexts = new Map<string, string>();
	const units = new Map<string, string>();
	const facts = rows.map((row: Record<string, unknown>, i) => {
		if (!isPlainObject(row)) throw fail(400, `dataRows[${i}]: must be an object`);
		const concept = requireString(row, 'concept')!;
		if (!QNAME.test(concept)) throw fail(400, `dataRows[${i}].concept: must be a prefixed concept name`);
		if (typeof row.value !== 'string' && typeof row.value !== 'number') throw fail(400, `dataRows[${i}].value: is required`);
		const value = String(row.value);
		const period = row.period === undefined ? defaultPeriod : checkPeriod(row.period, `dataRows[${i}].period`);
		if (!period) throw fail(400, `dataRows[${i}].period: is required when there is no default period`);
		if (!contexts.has(period)) contexts.set(period, `C${contexts.size + 1}`);
		const numeric = /^-?\d+(\.\d+)?$/.test(value.trim());
		let attributes = `contextRef="${contexts.get(period)}"`;
		if (numeric) {
			const unit = (requireString(row, 'unit', { optional: true }) ?? defaultUnit);
			if (!unit || !QNAME.test(unit)) throw fail(400, `dataRows[${i}].unit: a numeric value needs a unit (or a default unit)`);
			if (!units.has(unit)) units.set(unit, `U${units.size + 1}`);
			attributes += ` unitRef="${units.get(unit)}" decimals="${checkDecimals(row.decimals, `dataRows[${i}].decimals`) ?? defaultDecimals ?? 'INF'}"`;
		}
		return { concept, xml: `<${concept} ${attributes}>${xmlEscape(value)}</${concept}>` };
	});
	const prefixes = [...new Set(facts.map((f) => f.concept.split(':')[0]))];
	const contextXml = [...contexts].map(([period, id]) => {
		const [start, end] = period.split('/');
		return `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="${xmlEscape(scheme)}">${xmlEscape(identifier)}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>${start}</xbrli:startDate><xbrli:endDate>${end}</xbrli:endDate></xbrli:period></xbrli:context>`;
	});
	const unitXml = [...units].map(([unit, id]) => `<xbrli:unit id="${id}"><xbrli:measure>${xmlEscape(unit)}</xbrli:measure></xbrli:unit>`);
	const xml = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<xbrli:xbrl xml:lang="${xmlEscape(lang)}" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"${prefixes.map((p) => ` xmlns:${p}="urn:sandbox:${p}"`).join('')}>`,
		`<link:schemaRef xlink:type="simple" xlink:href="${xmlEscape(schemaRef)}"/>`,
		...contextXml,
		...unitXml,
		...facts.map((f) => f.xml),
		'</xbrli:xbrl>',
	].join('\n');
	return { xml, schemaRef, facts: facts.length, contexts: contexts.size, units: units.size };
}

export function reportingRoutes(ctx: SemansysContext): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: `${BASE_PATH}/hmrc/build-ct600`,
			handler: (req) => {
				const fields = body(req);
				requireString(fields, 'companyName');
				requireString(fields, 'reference');
				requireString(fields, 'utrValue');
				const period = fields.periodCovered as Record<string, unknown>;
				if (!isPlainObject(period) || !requireString(period, 'from') || !requireString(period, 'to')) throw fail(400, 'periodCovered: from and to are required');
				const profits = fields.chargeableProfits as Record<string, unknown>;
				if (!isPlainObject(profits)) throw fail(400, 'chargeableProfits: is required');
				requireNumber(profits, 'currency', true);
				requireNumber(profits, 'value');
				for (const field of CT600_AMOUNTS) requireNumber(fields, field);
				for (const field of ['returnType', 'sender', 'companyType']) requireNumber(fields, field, true);
				return ok({ companyName: fields.companyName, reference: fields.reference, xmlDoc: b64(Buffer.from(ct600Xml(fields))) });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/hmrc/embed-irmark`,
			handler: (req) => {
				const original = base64Field(body(req), 'xmlDoc');
				const xml = original.toString('utf8');
				if (!xml.trimStart().startsWith('<') || !xml.includes('<Body>')) throw fail(400, 'xmlDoc: must be a CT600 GovTalk message');
				const irMark = createHash('sha1').update(xml).digest('base64');
				const signed = xml.replace('<Body>', `<Body><IRmark Type="generic">${irMark}</IRmark>`);
				return ok({ xmlDoc: b64(Buffer.from(signed)), originalXmlDoc: b64(original), irMark });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/instance/compare`,
			handler: (req) => {
				const files = body(req).filesToBeCompared;
				if (!isPlainObject(files)) throw fail(400, 'filesToBeCompared: is required');
				const master = factsOf(base64Field(files, 'master').toString('utf8'));
				const child = factsOf(base64Field(files, 'child').toString('utf8'));
				const messages = master.flatMap((fact) => {
					const other = child.find((c) => c.concept === fact.concept && c.contextRef === fact.contextRef);
					if (other?.value === fact.value) return [];
					return [{ category: 'Compare', type: other ? 'Difference' : 'Missing', messageText: `${fact.concept} (${fact.contextRef})`, pair: { first: fact.value, second: other?.value ?? null } }];
				});
				return ok({ validationType: 'Compare', compareResult: messages.length ? 'Different' : 'Equal', messages });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/input-import/hash-creation/single-file`,
			handler: (req) => {
				const fields = body(req);
				const content = idOrBase64(ctx, fields, 'idOrBase64Content');
				const name = `${requireString(fields, 'fileName')}.${requireString(fields, 'fileExtension')}`;
				return ok({ hashResult: { reportingPackageHash: sha256(content), isReportingPackageHashValid: true, fileList: [name], folderStructure: { name, size: content.length } } });
			},
		},
		{
			// Documented: idOrBase64Content, fileName and fileExtension required; providedHash and
			// jsonIdOrBase64Content optional; answered at once. Valid when a given hash matches the package's.
			method: 'POST',
			path: `${BASE_PATH}/validation/hash-codes`,
			handler: (req) => {
				const fields = body(req);
				const content = idOrBase64(ctx, fields, 'idOrBase64Content');
				const name = `${requireString(fields, 'fileName')}${requireString(fields, 'fileExtension')}`;
				const provided = requireString(fields, 'providedHash', { optional: true });
				const hashFile = requireString(fields, 'jsonIdOrBase64Content', { optional: true });
				const hash = sha256(content);
				const valid = provided !== undefined ? provided === hash : hashFile !== undefined ? idOrBase64(ctx, fields, 'jsonIdOrBase64Content').toString('utf8').includes(hash) : true;
				return ok({ hashResult: { reportingPackageHash: hash, isReportingPackageHashValid: valid, fileList: [name], folderStructure: { name, size: content.length } } });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/input-import/instance/data`,
			handler: (req) => {
				const fields = body(req);
				const schemaRef = requireString(fields, 'schemaRef')!;
				const instance = idOrBase64(ctx, fields, 'base64Content').toString('utf8');
				const entrypoint = /schemaRef[^>]*xlink:href="([^"]+)"/.exec(instance)?.[1] ?? null;
				const facts = factsOf(instance);
				const rows = facts.map((f, i) => ({
					id: i + 1, tableRowId: i + 1, tableId: 'T1', tableModelTableId: 'T1', concept: f.concept, period: f.contextRef,
					scenarioContent: [], value: f.value, unit: f.unitRef ?? null, decimals: f.decimals ?? null,
				}));
				return ok({ entrypointFromInstance: entrypoint, entrypointForUpdate: schemaRef, dataRows: rows, notPresentedDataRows: [] });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/input-import/instance/generation`,
			handler: (req) => {
				// Only schemaRef and lang are published key names; the switch makes the sandbox expect other names for the rest.
				const fields = { ...body(req) };
				for (const [ours, theirs] of Object.entries(ctx.generationKeyNames)) {
					if (ours in fields && ours !== theirs) throw fail(400, `${ours}: is not a field of this endpoint`);
					if (theirs in fields) {
						fields[ours] = fields[theirs];
						delete fields[theirs];
					}
				}
				const instance = generateInstance(fields);
				const xml = Buffer.from(instance.xml);
				return ok({
					InstanceContentBase64: b64(xml),
					TaxonomyEntrypoint: instance.schemaRef,
					FactsCount: instance.facts,
					TuplesCount: 0,
					UnitsCount: instance.units,
					ContextsCount: instance.contexts,
					...hashed(req, xml),
				});
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/taxonomy/report-extension`,
			handler: (req) => {
				const meta = (body(req).extensionsData as Record<string, unknown> | undefined)?.taxonomyExtensionMetaData;
				if (!isPlainObject(meta)) throw fail(400, 'extensionsData.taxonomyExtensionMetaData: is required');
				for (const field of ['targetNamespaceURI', 'namespacePrefix', 'baseTaxonomyEntryPoint']) requireString(meta, field);
				return ok({ Content: b64(EMPTY_ZIP), ReportingPackageHash: req.query.isHashed === 'true' ? sha256(EMPTY_ZIP) : null });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/rendering/instance/consistent`,
			handler: (req) => {
				const fields = body(req);
				const report = base64Field(fields, 'reportContentBase64');
				// "html or pdf", optional: "If missing result is in both html and pdf format". Other query parameters are ignored.
				const format = req.query[ctx.renderFormatParameter];
				if (format !== undefined && format !== 'html' && format !== 'pdf') throw fail(400, `${ctx.renderFormatParameter}: must be html or pdf`);
				const { html, pdf } = render(report, String(fields.fileName ?? 'Report'));
				return ok({ htmlContent: format === 'pdf' ? null : b64(html), pdfContent: format === 'html' ? null : b64(pdf), ...hashed(req, pdf) });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/rendering/instance/tax-report-sbr`,
			handler: (req) => {
				const fields = body(req);
				const report = base64Field(fields, 'reportContentBase64');
				if (typeof fields.isOutputInline !== 'boolean' || typeof fields.includePdfOutput !== 'boolean') throw fail(400, 'isOutputInline, includePdfOutput: must be booleans');
				const { html, pdf } = render(report, `Tax report ${requireString(fields, 'fileName')}`);
				return ok({ type: 'OB', htmlContent: b64(html), pdfContent: fields.includePdfOutput ? b64(pdf) : null, ...hashed(req, html) });
			},
		},
	];
}
