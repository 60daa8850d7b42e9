import { runNode, type NodeUnderTest } from '../helpers/n8n';
import { demoCredentialTypes, demoStaticNode, demoTokenNode, demoTokens, startDemoSandbox, type DemoSandbox } from './demoVendor';

let sandbox: DemoSandbox;
beforeAll(async () => {
	sandbox = await startDemoSandbox(2);
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.clearRequests());

const tokenNode = (): NodeUnderTest => ({
	nodeType: demoTokenNode,
	typeName: 'demo',
	credentialTypes: demoCredentialTypes,
	credentials: { demoTokenApi: { baseUrl: sandbox.url, clientId: 'demo-client', clientSecret: 'demo-secret-xyz' } },
});
const staticNode = (token = 'static-token-123'): NodeUnderTest => ({
	nodeType: demoStaticNode,
	typeName: 'demo',
	credentialTypes: demoCredentialTypes,
	credentials: { demoStaticApi: { baseUrl: sandbox.url, apiToken: token } },
});
const pages = () => sandbox.requests.filter((r) => r.method === 'GET').map((r) => r.query);

describe('page-number pagination', () => {
	it('Return All walks pages from 1 until total_pages', async () => {
		const { json } = await runNode(staticNode(), { resource: 'invoice', operation: 'getAll', returnAll: true });
		expect(json.map((i) => i.id)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
		expect(pages()).toEqual([
			{ page: '1', per_page: '25' },
			{ page: '2', per_page: '25' },
			{ page: '3', per_page: '25' },
		]);
	});

	it('pages from 0 with a string total, and Limit asks for small pages', async () => {
		const all = await runNode(staticNode(), { resource: 'invoice', operation: 'search', returnAll: true });
		expect(all.json).toHaveLength(60);
		expect(pages().map((q) => q.page)).toEqual(['0', '1', '2']);
		sandbox.clearRequests();
		const some = await runNode(staticNode(), { resource: 'invoice', operation: 'search', returnAll: false, limit: 5 });
		expect(some.json.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
		expect(pages()).toEqual([{ page: '0', limit: '5' }]);
	});
});

describe('static API token', () => {
	it('is sent in the header the credential names', async () => {
		await runNode(staticNode(), { resource: 'invoice', operation: 'search', returnAll: false, limit: 1 });
		expect(sandbox.requests[0].headers['x-api-token']).toBe('static-token-123');
	});

	it('a wrong token fails with the vendor message and request id, without the token', async () => {
		const { error } = await runNode(staticNode('wrong-token-456'), { resource: 'invoice', operation: 'search', returnAll: true });
		expect(error?.message).toBe('Demo: token missing or expired');
		expect(error?.description).toMatch(/HTTP 401 · GET \/invoices\/search · request id trace-1/);
		expect(JSON.stringify([error?.message, error?.description])).not.toContain('wrong-token-456');
	});
});

describe('token login with a form body and expires_at, no refresh token', () => {
	it('logs in once, renews before expiry with a full login, never gets a 401', async () => {
		demoTokens.clear();
		const before = { ...sandbox.stats };
		const started = Date.now();
		while (Date.now() - started < 5_000) {
			const { error } = await runNode(tokenNode(), { resource: 'invoice', operation: 'search', returnAll: false, limit: 1 });
			expect(error).toBeUndefined();
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(sandbox.stats.unauthorized - before.unauthorized).toBe(0);
		const logins = sandbox.stats.logins - before.logins;
		// expires_at has whole seconds, so a 2 s token lives 1-2 s: about 3 to 6 logins in 5 s.
		expect(logins).toBeGreaterThanOrEqual(3);
		expect(logins).toBeLessThanOrEqual(7);
		const login = sandbox.requests.find((r) => r.path === '/oauth/token');
		expect(login?.headers['content-type']).toBe('application/x-www-form-urlencoded');
	});
});

describe('descriptor features', () => {
	it('bulk: Batch Items sends comma-separated ids in chunks, one result per item', async () => {
		const input = ['1', '2', '3', '4', '5'].map((id) => ({ id }));
		const { items } = await runNode(staticNode(), { resource: 'invoice', operation: 'book', id: '={{ $json.id }}', batchItems: true }, { input });
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/invoices/1,2,3/book', '/invoices/4,5/book']);
		expect(items.map((i) => [i.json, i.pairedItem])).toEqual(input.map((x, i) => [{ id: x.id, booked: true }, { item: i }]));
	});

	it('an envelope saying success: false is an error even with HTTP 200; a failed chunk fails only its items', async () => {
		const input = ['1', '2', '3', '999'].map((id) => ({ id }));
		const { items } = await runNode(staticNode(), { resource: 'invoice', operation: 'book', id: '={{ $json.id }}', batchItems: true }, { input, continueOnFail: true });
		expect(items.slice(0, 3).map((i) => i.json.booked)).toEqual([true, true, true]);
		expect(items[3].json.error).toBe('Demo: Invoice 999 not found [404]');
		expect(items[3].pairedItem).toEqual({ item: 3 });
	});

	it('without batching, one request per item', async () => {
		await runNode(staticNode(), { resource: 'invoice', operation: 'book', id: '={{ $json.id }}' }, { input: [{ id: '1' }, { id: '2' }] });
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/invoices/1/book', '/invoices/2/book']);
	});

	it('a file answer becomes n8n binary data with its MIME type and name', async () => {
		const { items } = await runNode(staticNode(), { resource: 'invoice', operation: 'pdf', id: '7', binaryPropertyName: 'invoicePdf' });
		expect(items[0].json).toMatchObject({ fileName: 'invoice-7.pdf', mimeType: 'application/pdf' });
		const binary = items[0].binary!.invoicePdf;
		expect(binary.mimeType).toBe('application/pdf');
		expect(Buffer.from(binary.data, 'base64').toString()).toBe('%PDF-1.4 invoice 7');
	});

	it('each item gets its own idempotency token', async () => {
		const before = sandbox.stats.creates.length;
		await runNode(staticNode(), { resource: 'invoice', operation: 'create', attachment: '' }, { input: [{}, {}] });
		const tokens = sandbox.stats.creates.slice(before).map((c) => c.creationToken);
		expect(tokens).toHaveLength(2);
		expect(new Set(tokens).size).toBe(2);
		expect(String(tokens[0])).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('a create retried after a dropped connection reuses its token (declared idempotent)', async () => {
		const before = sandbox.stats.creates.length;
		sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/invoices' } });
		const { error } = await runNode(staticNode(), { resource: 'invoice', operation: 'create', attachment: '' });
		expect(error).toBeUndefined();
		const tokens = sandbox.stats.creates.slice(before).map((c) => c.creationToken);
		expect(tokens).toHaveLength(2);
		expect(tokens[0]).toBe(tokens[1]);
	});
});

describe('every failed write says whether it was applied', () => {
	const book = { resource: 'invoice', operation: 'book', requestOptions: { maxAttempts: 2, maxTotalWaitSeconds: 5, timeoutSeconds: 5 } };
	afterEach(() => sandbox.faults.clear());

	it('rate limited until the attempts ran out: known not applied', async () => {
		sandbox.faults.add({ kind: 'status503', times: 2, retryAfterSeconds: 0, match: { path: '/invoices/:ids/book' } });
		const { error } = await runNode(staticNode(), { ...book, id: '3' });
		expect(error?.description).toMatch(/Gave up after 2 attempts.*Outcome known: Demo did not apply this POST/);
		expect(error?.context?.outcome).toBe('notApplied');
	});

	it('refused in the envelope (HTTP 200, success false): known not applied', async () => {
		const { error } = await runNode(staticNode(), { ...book, id: '999' });
		expect(error?.message).toBe('Demo: Invoice 999 not found [404]');
		expect(error?.context?.outcome).toBe('notApplied');
	});

	it('a 500 to a write without an idempotency key: unknown, and not repeated', async () => {
		sandbox.faults.add({ kind: 'status500', match: { path: '/invoices/:ids/book' } });
		const { error } = await runNode(staticNode(), { ...book, id: '3' });
		expect(error?.description).toMatch(/OUTCOME UNKNOWN: Demo may or may not have applied this POST/);
		expect(error?.context?.outcome).toBe('unknown');
		expect(sandbox.requests.filter((r) => r.path.includes('/book'))).toHaveLength(1);
	});

	it('an idempotent write that got a 502 and then ran out of attempts on 503s: still unknown', async () => {
		sandbox.faults.add({ kind: 'status502', match: { method: 'POST', path: '/invoices' } });
		sandbox.faults.add({ kind: 'status503', retryAfterSeconds: 0, match: { method: 'POST', path: '/invoices' } });
		const { error } = await runNode(staticNode(), { resource: 'invoice', operation: 'create', attachment: '', requestOptions: book.requestOptions });
		expect(error?.context?.outcome).toBe('unknown');
	});

	it('with Continue On Fail the error item carries the outcome, so a workflow can route on it', async () => {
		sandbox.faults.add({ kind: 'status500', match: { path: '/invoices/:ids/book' } });
		const { json } = await runNode(staticNode(), { ...book, id: '={{ $json.id }}' }, { continueOnFail: true, input: [{ id: '1' }, { id: '999' }] });
		expect(json.map((item) => item.outcome)).toEqual(['unknown', 'notApplied']);
	});

	it('a failed read says nothing about an outcome', async () => {
		const { error } = await runNode(staticNode('wrong-token-789'), { resource: 'invoice', operation: 'search', returnAll: true });
		expect(error?.context?.outcome).toBeUndefined();
		expect(error?.description).not.toMatch(/outcome/i);
	});
});

describe('binary input', () => {
	it('an upload reads the input item\'s binary property and sends it base64-encoded', async () => {
		const before = sandbox.stats.creates.length;
		const content = Buffer.from('order confirmation');
		const { error } = await runNode(staticNode(), { resource: 'invoice', operation: 'create', attachment: 'confirmation' }, {
			input: [{ $binary: { confirmation: { base64: content.toString('base64'), fileName: 'confirmation.txt', mimeType: 'text/plain' } } }],
		});
		expect(error).toBeUndefined();
		expect(sandbox.stats.creates[before].attachment).toEqual({ name: 'confirmation.txt', content: content.toString('base64') });
	});

	it('a missing binary property fails the item with n8n\'s message, sending nothing', async () => {
		const { error } = await runNode(staticNode(), { resource: 'invoice', operation: 'create', attachment: 'missing' });
		expect(error?.message).toMatch(/missing/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
