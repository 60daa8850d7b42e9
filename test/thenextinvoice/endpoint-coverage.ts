/**
 * Counts the documented TheNextInvoice endpoints and those the node's tests reached through the node:
 *   rm -f /tmp/tni-requests.jsonl
 *   TNI_REQUEST_LOG=/tmp/tni-requests.jsonl npx jest test/thenextinvoice
 *   npx ts-node --transpile-only test/thenextinvoice/endpoint-coverage.ts /tmp/tni-requests.jsonl [doc.txt]
 * Only requests the node sent (n8n's User-Agent) count; requests a test sent itself (axios) do not.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const DOC = path.join(__dirname, '..', '..', '..', 'shared', 'vendor-docs', 'thenextinvoice-api-v1.txt');
const METHODS = 'GET|POST|PUT|DELETE|PATCH|HEAD';

/** `/invoice/45311/send`, `/invoice/{id}/credit/` → `/invoice/{}/send`, `/invoice/{}/credit`; `/settings/profile/1.png` → `{}.{}`. */
function normalize(rawPath: string): string {
	return rawPath
		.split('?')[0]
		.replace(/\/+$/, '')
		.split('/')
		.map((segment) => (/^(\{[^}]*\}|\d+(,\d+)*)$/.test(segment) ? '{}' : segment.replace(/^(\d+|\{[^}]*\})\.(\w+|\{[^}]*\})$/, '{}.{}')))
		.join('/');
}

/** Documented examples of a parameter the doc also gives as a pattern (`turnover/{interval}`). */
const EXAMPLES = new Set(['GET /analytics/turnover/month']);

/**
 * Every `METHOD /path` at the start of a line of the doc, examples folded in. Alternatives of one endpoint
 * (`POST or PUT /settings/profile/{id}/logo`, `POST /prognosis or PUT /prognosis`) are one endpoint `POST|PUT /path`.
 */
export function documentedEndpoints(docText: string): string[] {
	const found = new Set<string>();
	for (const line of docText.split('\n')) {
		if (!new RegExp(`^(${METHODS}) `).test(line)) continue;
		const byPath = new Map<string, string[]>();
		for (const [, methods, rawPath] of line.matchAll(new RegExp(`((?:(?:${METHODS})(?: or )?)+) (/[^\\s,;]*)`, 'g'))) {
			const endpointPath = normalize(rawPath);
			byPath.set(endpointPath, [...(byPath.get(endpointPath) ?? []), ...(methods.match(new RegExp(METHODS, 'g')) ?? [])]);
		}
		const alternatives = [...byPath.entries()];
		// One line names one endpoint (its alternatives); further paths on it are prose.
		const [endpointPath, methods] = alternatives[0];
		const sameEndpoint = alternatives.filter(([p]) => p === endpointPath || alternatives.length === 1);
		const all = [...new Set([...methods, ...sameEndpoint.flatMap(([, m]) => m)])];
		found.add(`${all.sort().join('|')} ${endpointPath}`);
	}
	// Each method of an alternative also appears alone elsewhere? Keep the alternative only.
	for (const endpoint of [...found]) {
		const [methods, endpointPath] = endpoint.split(' ');
		if (methods.includes('|')) for (const method of methods.split('|')) found.delete(`${method} ${endpointPath}`);
	}
	return [...found].filter((e) => !EXAMPLES.has(e)).sort();
}

const pattern = (endpoint: string) => {
	const [methods, endpointPath] = endpoint.split(' ');
	const source = endpointPath
		.split('{}')
		.map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
		.join('[^/]+');
	return { methods: methods.split('|'), regex: new RegExp(`^/api/v1${source}$`) };
};

function main(): void {
	const [logFile, docFile = DOC] = process.argv.slice(2);
	if (!logFile) throw new Error('usage: endpoint-coverage.ts <request log> [doc]');
	const endpoints = documentedEndpoints(readFileSync(docFile, 'utf8'));
	const sent = readFileSync(logFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as { method: string; path: string; userAgent: string })
		.filter((r) => r.userAgent.startsWith('n8n'));
	const matchers = endpoints.map((endpoint) => ({ endpoint, ...pattern(endpoint) }));
	const reached = new Set(matchers.filter((m) => sent.some((r) => m.methods.includes(r.method) && m.regex.test(r.path.split('?')[0]))).map((m) => m.endpoint));
	console.log(`documented endpoints: ${endpoints.length}`);
	console.log(`reached through the node in the tests: ${reached.size}`);
	for (const endpoint of endpoints.filter((e) => !reached.has(e))) console.log(`  not reached: ${endpoint}`);
}

if (require.main === module) main();
