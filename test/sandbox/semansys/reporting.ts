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
				const format = req.query.outputFormat;
				if (format !== undefined && format !== 'html' && format !== 'pdf') throw fail(400, 'outputFormat: must be html or pdf');
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
