/**
 * Bad input, for every operation of every node: generated invalid parameters (test/fuzz/generate.ts) run through
 * n8n-core against the vendor's sandbox. Asserted: no crash; an input the schema rejects sends no request at all
 * and its error names the field and the item; everything else ends in a vendor's answer, never in a stack trace.
 */
import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { runNode, type NodeRun, type NodeUnderTest } from '../helpers/n8n';
import type { RunningSandbox } from '../sandbox/framework';
import { startFiskaly } from '../fiskaly/setup';
import { startInvoicing } from '../invoicing-api/setup';
import { startSemansys } from '../semansys/setup';
import { startTni } from '../thenextinvoice/setup';
import { casesFor, modeCases, operationsOf, seeded } from './generate';

interface VendorUnderFuzz {
	name: string;
	start(): Promise<{ node: NodeUnderTest; sandbox: RunningSandbox }>;
	/** A read that succeeds against a fresh sandbox, for the invalid-answer checks. */
	read: INodeParameters;
}

const VENDORS: VendorUnderFuzz[] = [
	{ name: 'fiskaly', start: async () => await startFiskaly(), read: { resource: 'organization', operation: 'getAll', returnAll: false, limit: 5 } },
	{ name: 'TheNextInvoice', start: async () => await startTni(), read: { resource: 'company', operation: 'getAll', returnAll: true } },
	{ name: 'Invoicing API', start: async () => await startInvoicing(), read: { resource: 'invoice', operation: 'getStatus', customInvoiceId: 'NOT-THERE-1' } },
	{ name: 'Semansys', start: async () => await startSemansys(), read: { resource: 'customerCorner', operation: 'getUserDomains' } },
];

const CASES_PER_OPERATION = 8;
/** Fast failure for inputs the sandbox refuses: no retries needed, nothing here is a fault. */
const requestOptions = { requestOptions: { maxAttempts: 1, timeoutSeconds: 5, maxTotalWaitSeconds: 0 } };
const CRASH = /URI malformed|URIError|Cannot read prop|is not a function|is not iterable|of undefined|of null|Maximum call stack|TypeError|RangeError|SyntaxError|ReferenceError/;

type Verdict = 'rejectedBySchema' | 'rejectedByN8n' | 'refusedByVendor' | 'accepted' | 'otherError';
/** n8n itself refuses to start a node whose required parameters are empty (the editor shows the same issues). */
const N8N_ISSUES = /^The 'Subject' node has issues:\n- /;
/**
 * The only errors that are neither ours nor the vendor's and still fine: n8n's own message for a missing input
 * file. Anything else (e.g. n8n's "Could not find property" for a parameter read while hidden) is a problem.
 */
const EXPECTED_OTHER = /^This operation expects the node's input data to contain a binary file/;
/** An error a user reads must stay short, whatever the input was. */
const MAX_ERROR_TEXT = 2_000;

function verdictOf(run: NodeRun | undefined): Verdict {
	if (!run?.error) return 'accepted';
	if (run.error.message.startsWith('Invalid input in item ')) return 'rejectedBySchema';
	if (run.error.httpCode !== undefined || run.error.context?.outcome !== undefined) return 'refusedByVendor';
	return 'otherError';
}

describe.each(VENDORS)('bad input: $name', (vendor) => {
	let node: NodeUnderTest;
	let sandbox: RunningSandbox;
	beforeAll(async () => {
		({ node, sandbox } = await vendor.start());
	});
	afterAll(async () => await sandbox.close());

	it('every operation: no crash, no request for rejected input, errors name the field and the item', async () => {
		const description = node.nodeType.description as INodeTypeDescription;
		const operations = operationsOf(description);
		const random = seeded(20261201);
		const counts: Record<Verdict, number> = { rejectedBySchema: 0, rejectedByN8n: 0, refusedByVendor: 0, accepted: 0, otherError: 0 };
		const problems: string[] = [];
		const others: string[] = [];
		let runs = 0;
		for (const op of operations) {
			for (const fuzzCase of [...casesFor(op, CASES_PER_OPERATION, random), ...modeCases(op)]) {
				runs++;
				const before = sandbox.requests.length;
				let run: NodeRun | undefined;
				try {
					run = await runNode(node, { ...requestOptions, ...fuzzCase.parameters });
				} catch (error) {
					const message = (error as Error).message;
					if (N8N_ISSUES.test(message) && sandbox.requests.length === before) counts.rejectedByN8n++;
					else problems.push(`${fuzzCase.label}: the run itself threw: ${message.slice(0, 200)}`);
					continue;
				}
				const verdict = verdictOf(run);
				counts[verdict]++;
				const message = `${run.error?.message ?? ''} ${run.error?.description ?? ''}`;
				if (CRASH.test(message)) problems.push(`${fuzzCase.label}: looks like a crash: ${message.slice(0, 200)}`);
				if (message.length > MAX_ERROR_TEXT) problems.push(`${fuzzCase.label}: the error is ${message.length} characters long`);
				if (verdict === 'rejectedBySchema') {
					const sent = sandbox.requests.length - before;
					if (sent !== 0) problems.push(`${fuzzCase.label}: rejected by the schema but ${sent} request(s) were sent`);
					if (!/^Invalid input in item 0: "[^"]+"/.test(run.error!.message)) problems.push(`${fuzzCase.label}: the error does not name the field: ${run.error!.message.slice(0, 200)}`);
				}
				if (verdict === 'otherError') {
					others.push(`${fuzzCase.label}: ${message.slice(0, 160)}`);
					if (!EXPECTED_OTHER.test(run.error!.message)) problems.push(`${fuzzCase.label}: an error that is neither the input's nor the vendor's: ${message.slice(0, 200)}`);
				}
			}
		}
		process.stdout.write(
			`\nbad input, ${vendor.name}: ${runs} runs over ${operations.length} operations: ${counts.rejectedBySchema} rejected by the schema and ` +
				`${counts.rejectedByN8n} by n8n's required-parameter check (nothing sent), ` +
				`${counts.refusedByVendor} refused by the sandbox, ${counts.accepted} accepted, ${counts.otherError} other errors, ${problems.length} problems\n` +
				others.slice(0, 5).map((o) => `  other: ${o}\n`).join(''),
		);
		expect(problems).toEqual([]);
		expect(counts.rejectedBySchema + counts.rejectedByN8n).toBeGreaterThan(runs / 2);
	});

	it.each(['htmlError', 'truncatedJson', 'emptyBody', 'wrongContentType'] as const)('an invalid answer (%s) is a clear NodeApiError', async (kind) => {
		sandbox.faults.add({ kind, times: 20 });
		const { error } = await runNode(node, { ...requestOptions, ...vendor.read });
		sandbox.faults.clear();
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(new RegExp(`^${vendor.name}: (unexpected answer|the (login )?answer was (empty|not valid JSON))`));
		// A failed login is no write: it states no outcome.
		if (/\/(auth|oauth\/token|connect\/token|session\/jwt)/.test(String(error?.description))) expect(error?.description).not.toMatch(/OUTCOME|Outcome/);
		expect(`${error?.message} ${error?.description}`).not.toMatch(CRASH);
	});
});
