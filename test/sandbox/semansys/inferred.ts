/**
 * Endpoints whose pages were not captured (paths inferred from the reference tree, see NOTES-semansys.md §6b).
 * They accept any JSON, answer with a structured echo, and where a file is the point of the endpoint they
 * answer with a real one in base64.
 */
import { isPlainObject, newUuid, type SandboxRequest, type SandboxRoute } from '../framework';
import { BASE_PATH, fail, idOrBase64, ok, sha256, type SemansysContext } from './context';
import { EMPTY_ZIP, factsOf, htmlPage, tinyPdf } from './samples';

type AnswerFile = 'htmlPdf' | 'zip' | 'package' | 'csv' | 'instance' | 'xml' | 'xhtml';

const CONTENT_FIELDS = ['idOrBase64Content', 'base64Content', 'content', 'reportContentBase64'];
const TAX = '/taxonomy/entrypoints';

const ROUTES: Array<[method: 'GET' | 'POST', path: string, answer?: AnswerFile]> = [
	['POST', '/report-package', 'zip'],
	['POST', '/instance/balance-sheet'],
	['POST', '/instance/pivot'],
	['POST', '/instance/inline-compare'],
	['POST', '/report-chat/upload'],
	['POST', '/report-chat/chat'],
	['POST', '/report-chat/delete'],
	['POST', '/customer-corner/certificate'],
	['GET', '/customer-corner/file/download', 'csv'],
	['POST', '/customer-corner/file/upload-big-file'],
	['POST', '/customer-corner/file/multiple'],
	['POST', '/customer-corner/file/chunk'],
	['GET', '/customer-corner/product-files/download', 'zip'],
	['POST', '/customer-corner/product-files/release'],
	['GET', '/customer-corner/report-package-tree'],
	['POST', '/customer-corner/accept'],
	['POST', '/customer-corner/delivery/messages/get-all-with-filter'],
	['POST', '/customer-corner/delivery/messages/upload-excel'],
	['POST', '/customer-corner/delivery/messages/upload-json'],
	['GET', '/customer-corner/instance/properties'],
	['POST', '/customer-corner/pdf/pdf-provider'],
	['POST', '/hmrc/retrieve-ct600', 'xml'],
	['POST', '/input-import/instance/csv-import', 'instance'],
	['POST', '/input-import/instance/reported-facts-ai'],
	['POST', '/input-import/instance/generation-ai', 'instance'],
	...['', '/schema-set', '/parameters', '/table-of-content', '/tables', '/tables/status', '/presentation', '/presentation/base-set-response',
		'/presentation/base-set-concept', '/calculation', '/definition'].map((sub): ['GET', string] => ['GET', `${TAX}${sub}`]),
	['GET', `${TAX}/csv`, 'csv'],
	['GET', `${TAX}/csv-zip`, 'zip'],
	['GET', `${TAX}/csv-placeholder-zip`, 'zip'],
	['GET', '/taxonomy/entrypoint'],
	['GET', '/taxonomy/package', 'zip'],
	['GET', '/taxonomy/concepts'],
	['GET', '/taxonomy/link-roles'],
	// Like the documented report extension: { Content }.
	['POST', '/taxonomy/taxonomy-extension', 'package'],
	['POST', '/taxonomy/extension/concepts'],
	['POST', '/taxonomy/extension/linkroles'],
	['POST', '/taxonomy/extension/pivot'],
	['POST', '/rendering/instance/render', 'htmlPdf'],
	['POST', '/rendering/instance/xhtml', 'xhtml'],
	['POST', '/rendering/instance/html-to-inline-package', 'zip'],
	['POST', '/rendering/instance/consistent-plus', 'htmlPdf'],
	['POST', '/rendering/instance/convert-inline-to-xbrl', 'instance'],
	['POST', '/rendering/instance/uniform', 'htmlPdf'],
	['POST', '/rendering/instance/merge', 'htmlPdf'],
	['GET', '/rendering/instance/allowed-render-options'],
];

const INSTANCE_XML = '<?xml version="1.0"?><xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"><nl:Revenue contextRef="FY" unitRef="EUR" decimals="0">1000</nl:Revenue></xbrli:xbrl>';

function answerFiles(kind: AnswerFile | undefined, input: Buffer | undefined): Record<string, unknown> {
	const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64');
	const facts = input ? factsOf(input.toString('utf8')) : [];
	switch (kind) {
		case 'htmlPdf':
			return { htmlContent: b64(htmlPage('Rendering', facts.map((f) => [f.concept, f.value]))), pdfContent: b64(tinyPdf(`Rendering of ${facts.length} facts`)) };
		case 'xhtml':
			return { xhtmlContent: b64('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>Inline</body></html>') };
		case 'zip':
			return { content: b64(EMPTY_ZIP) };
		case 'package':
			return { Content: b64(EMPTY_ZIP) };
		case 'csv':
			return { content: b64('concept,value\nnl:Revenue,1000\n') };
		case 'instance':
			return { InstanceContentBase64: b64(INSTANCE_XML), FactsCount: 1, ContextsCount: 1, UnitsCount: 1, TuplesCount: 0 };
		case 'xml':
			return { xmlDoc: b64('<?xml version="1.0"?><CT600><Retrieved>true</Retrieved></CT600>') };
		default:
			return {};
	}
}

/** The structured echo of an inferred endpoint: what it received, and the files it makes. */
function echo(ctx: SemansysContext, method: string, path: string, answer: AnswerFile | undefined, req: SandboxRequest): Record<string, unknown> {
	if (method !== 'GET' && !isPlainObject(req.body)) throw fail(400, 'A JSON object body is required');
	const body = (req.body ?? {}) as Record<string, unknown>;
	const contentField = CONTENT_FIELDS.find((field) => body[field] !== undefined);
	const content = contentField ? idOrBase64(ctx, body, contentField) : undefined;
	const received = { fields: Object.keys(body).sort(), query: req.query, ...(content ? { contentField, contentBytes: content.length, contentSha256: sha256(content) } : {}) };
	const hash = req.query.isHashed === 'true' ? { hashResult: { Hash_Result: sha256(JSON.stringify(body)) } } : {};
	return { endpoint: `${method} ${path}`, inferred: true, received, ...answerFiles(answer, content), ...hash };
}

export function inferredRoutes(ctx: SemansysContext): SandboxRoute[] {
	const routes = ROUTES.map(
		([method, path, answer]): SandboxRoute => ({ method, path: `${BASE_PATH}${path}`, handler: (req) => ok(echo(ctx, method, path, answer, req)) }),
	);
	// Delivery to HMRC answers with the correlation ID that Status › HMRC asks about.
	routes.push({
		method: 'POST',
		path: `${BASE_PATH}/delivery/hmrc`,
		handler: (req) => {
			const answer = echo(ctx, 'POST', '/delivery/hmrc', undefined, req);
			const correlationId = newUuid().replace(/-/g, '').toUpperCase();
			ctx.hmrcSubmissions.set(correlationId, { acceptedTime: new Date().toISOString(), content: req.rawBody });
			return ok({ ...answer, correlationId });
		},
	});
	return routes;
}
