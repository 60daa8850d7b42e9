import { appendFileSync } from 'node:fs';

import type { INodeParameters } from 'n8n-workflow';

import { TheNextInvoiceApi } from '../../packages/n8n-nodes-thenextinvoice/credentials/TheNextInvoiceApi.credentials';
import { TheNextInvoiceLoginApi } from '../../packages/n8n-nodes-thenextinvoice/credentials/TheNextInvoiceLoginApi.credentials';
import { tniTokens } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/api';
import { TheNextInvoice } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoice.node';
import { runNode, searchList, type NodeUnderTest } from '../helpers/n8n';
import { startTheNextInvoiceSandbox, type TheNextInvoiceSandbox, type TheNextInvoiceSandboxOptions } from '../sandbox/thenextinvoice';

/** Fast retries for tests. */
export const quickRetries = { requestOptions: { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 5 } };

export interface TniFixture {
	sandbox: TheNextInvoiceSandbox;
	/** The node with the API-token credential. */
	node: NodeUnderTest;
	/** The node with the e-mail & password credential. */
	loginNode: NodeUnderTest;
	/** Runs the node (API token unless parameters say authentication: 'emailPassword'). */
	run: (parameters: INodeParameters, options?: Parameters<typeof runNode>[2]) => ReturnType<typeof runNode>;
	search: (method: string, parameters?: INodeParameters, filter?: string, paginationToken?: string) => ReturnType<typeof searchList>;
	/** Requests the sandbox received, as "METHOD /path" without the /api/v1 prefix and without logins. */
	apiCalls: () => string[];
	lastRequest: () => TheNextInvoiceSandbox['requests'][number] | undefined;
}

export async function startTni(options: TheNextInvoiceSandboxOptions = {}): Promise<TniFixture> {
	const sandbox = await startTheNextInvoiceSandbox(options);
	tniTokens.clear();
	const credentialTypes = [new TheNextInvoiceApi(), new TheNextInvoiceLoginApi()];
	const credentials = {
		theNextInvoiceApi: { apiToken: sandbox.apiToken, baseUrl: sandbox.baseUrl },
		theNextInvoiceLoginApi: { email: sandbox.email, password: sandbox.password, company: 0, baseUrl: sandbox.baseUrl },
	};
	const node: NodeUnderTest = { nodeType: new TheNextInvoice(), typeName: 'theNextInvoice', credentialTypes, credentials };
	const loginNode: NodeUnderTest = { ...node };
	const calls = () => sandbox.requests.filter((r) => !r.path.endsWith('/session/jwt'));
	return {
		sandbox,
		node,
		loginNode,
		run: async (parameters, runOptions) => await runNode(node, { ...quickRetries, ...parameters }, runOptions),
		search: async (method, parameters = {}, filter, paginationToken) => await searchList(node, method, { authentication: 'apiToken', ...parameters }, filter, paginationToken),
		apiCalls: () => calls().map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`),
		lastRequest: () => calls().at(-1),
	};
}

/**
 * One sandbox for a test file: started before all tests, closed after them; before each test its fault switches
 * and recorded requests are cleared. The fixture is filled in when the sandbox has started.
 */
export function useTni(options: TheNextInvoiceSandboxOptions = {}): TniFixture {
	const fixture = {} as TniFixture;
	beforeAll(async () => {
		Object.assign(fixture, await startTni(options));
		if (process.env.TNI_REQUEST_LOG) logRequests(process.env.TNI_REQUEST_LOG, fixture.sandbox.requests);
	});
	afterAll(async () => await fixture.sandbox?.close());
	beforeEach(() => {
		fixture.sandbox.faults.clear();
		fixture.sandbox.clearRequests();
	});
	return fixture;
}

/** For test/thenextinvoice/endpoint-coverage.ts: appends every request the sandbox receives to `file`, one JSON line each. */
function logRequests(file: string, requests: TheNextInvoiceSandbox['requests']): void {
	const record = requests.push.bind(requests);
	requests.push = (...added) => {
		const lines = added.map((r) => `${JSON.stringify({ method: r.method, path: r.path, userAgent: r.headers['user-agent'] ?? '' })}\n`);
		appendFileSync(file, lines.join(''));
		return record(...added);
	};
}

export const idLocator = (id: string | number) => ({ __rl: true, mode: 'id', value: String(id) });
