import { sleep } from 'n8n-workflow';

import { invoicingTokens } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/api';
import { newInvoice, startInvoicing, type InvoicingFixture } from './setup';

const getStatus = { resource: 'invoice', operation: 'getStatus', customInvoiceId: 'AUTH-1' };

describe('Invoicing API: OAuth2 client credentials', () => {
	let f: InvoicingFixture;
	beforeAll(async () => {
		f = await startInvoicing({ tokenLifetimeSeconds: 2 });
		await f.run(newInvoice({ customInvoiceId: 'AUTH-1' }));
	});
	afterAll(async () => await f.sandbox.close());

	it('logs in with a form-encoded client_credentials request to the Token URL', async () => {
		const login = f.sandbox.requests.find((r) => r.path === '/oauth/token');
		expect(login?.method).toBe('POST');
		expect(login?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(login?.body).toEqual({ grant_type: 'client_credentials', client_id: f.sandbox.clientId, client_secret: f.sandbox.clientSecret });
		expect(f.sandbox.requests.find((r) => r.path === '/api/invoice/create')?.headers.authorization).toMatch(/^Bearer \S+$/);
	});

	it('sends the scope when one is set', async () => {
		invoicingTokens.clear();
		await f.runWith({ ...f.credentials, scope: 'invoice:write' }, getStatus);
		expect(f.sandbox.requests.filter((r) => r.path === '/oauth/token').at(-1)?.body).toMatchObject({ scope: 'invoice:write' });
	});

	it('steady state has no failed request: the token is renewed before it expires', async () => {
		invoicingTokens.clear();
		const [logins, unauthorized] = [f.sandbox.stats.logins, f.sandbox.stats.unauthorized];
		const started = Date.now();
		let runs = 0;
		while (Date.now() - started < 5000) {
			const { error } = await f.run(getStatus);
			expect(error).toBeUndefined();
			runs++;
			await sleep(150);
		}
		expect(f.sandbox.stats.unauthorized - unauthorized).toBe(0);
		// 2 s tokens over 5 s: at least three logins, far fewer than runs (the token is shared between runs).
		expect(f.sandbox.stats.logins - logins).toBeGreaterThanOrEqual(3);
		expect(f.sandbox.stats.logins - logins).toBeLessThan(runs / 2);
	});

	it('a token the API stops accepting early: one 401, a new login, and the request goes through', async () => {
		await f.run(getStatus);
		f.sandbox.control.expireTokens();
		const logins = f.sandbox.stats.logins;
		const { json, error } = await f.run(getStatus);
		expect(error).toBeUndefined();
		expect(json[0].customInvoiceId).toBe('AUTH-1');
		expect(f.sandbox.stats.logins - logins).toBe(1);
	});

	it('a wrong client secret fails with the token endpoint\'s words, and never shows the secret', async () => {
		invoicingTokens.clear();
		const before = f.sandbox.requests.filter((r) => r.path.startsWith('/api/')).length;
		const { error } = await f.runWith({ ...f.credentials, clientSecret: 'wrong-secret-value' }, getStatus);
		expect(error?.message).toBe('Invoicing API: client authentication failed [invalid_client]');
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toContain('wrong-secret-value');
		expect(f.sandbox.requests.filter((r) => r.path.startsWith('/api/')).length).toBe(before);
	});

	it('a Token URL that does not answer is reported as such', async () => {
		invoicingTokens.clear();
		const { error } = await f.runWith({ ...f.credentials, authUrl: `${f.sandbox.url}/no/such/token` }, { ...getStatus, requestOptions: { maxAttempts: 1 } });
		expect(error?.message).toMatch(/^Invoicing API: Cannot POST \/no\/such\/token/);
		expect(error?.description).toMatch(/HTTP 404/);
	});

	it('no token or secret appears in any output or error', async () => {
		const { json } = await f.run(newInvoice({ customInvoiceId: 'AUTH-2' }));
		const secrets = [f.sandbox.clientSecret, ...f.sandbox.requests.map((r) => /^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1]).filter(Boolean)];
		const text = JSON.stringify(json);
		for (const secret of secrets) expect(text).not.toContain(secret);
	});
});

describe('Invoicing API: pasted access token', () => {
	let f: InvoicingFixture;
	beforeAll(async () => {
		f = await startInvoicing();
	});
	afterAll(async () => await f.sandbox.close());

	const pasted = (accessToken: string) => ({ baseUrl: f.sandbox.baseUrl, authentication: 'accessToken', accessToken });

	it('is sent as the bearer token, without any login', async () => {
		const token = f.sandbox.control.issueToken();
		const { json, error } = await f.runWith(pasted(token), newInvoice({ customInvoiceId: 'PASTE-1' }));
		expect(error).toBeUndefined();
		expect(json[0].statusCode).toBe(201);
		expect(f.sandbox.stats.logins).toBe(0);
		expect(f.sandbox.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
	});

	it('an expired pasted token fails with 401 (there is nothing to renew it with) and is not shown', async () => {
		const token = f.sandbox.control.issueToken(1);
		await sleep(1100);
		const { error } = await f.runWith(pasted(token), { resource: 'invoice', operation: 'getStatus', customInvoiceId: 'PASTE-1' });
		expect(error?.message).toBe('Invoicing API: Unauthorized');
		expect(error?.description).toMatch(/HTTP 401/);
		expect(`${error?.message} ${error?.description}`).not.toContain(token);
		expect(f.sandbox.stats.logins).toBe(0);
	});
});
