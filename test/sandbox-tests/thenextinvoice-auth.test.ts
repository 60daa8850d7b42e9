import { startTheNextInvoiceSandbox, type TheNextInvoiceSandbox } from '../sandbox/thenextinvoice';
import { tniClient, tniLogin } from '../sandbox/thenextinvoice/test-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TheNextInvoice sandbox: envelope and authentication', () => {
	let sandbox: TheNextInvoiceSandbox;

	beforeEach(async () => {
		sandbox = await startTheNextInvoiceSandbox();
	});
	afterEach(() => sandbox.close());

	it('exposes its base URL, credentials and two companies', () => {
		expect(sandbox.baseUrl).toBe(`${sandbox.url}/api/v1`);
		expect([sandbox.apiToken, sandbox.email, sandbox.password]).toEqual(['tni_test_api_token', 'owner@example.com', 'tni-password']);
		expect(sandbox.companyIds.length).toBeGreaterThanOrEqual(2);
	});

	it('wraps answers in the envelope and rejects missing or wrong credentials with 401', async () => {
		const ok = await tniClient(sandbox).get('/company');
		expect(ok.status).toBe(200);
		expect(ok.data).toEqual({ success: true, data: expect.any(Array) });
		expect(ok.headers['content-type']).toMatch(/^application\/json/);

		for (const client of [tniClient(sandbox, 'none'), tniClient(sandbox, { jwt: 'not-a-token' })]) {
			const denied = await client.get('/invoice/search');
			expect(denied.status).toBe(401);
			expect(denied.data).toEqual({ success: false, error: { code: 401, message: expect.any(String) } });
		}
		const wrongKey = await tniClient(sandbox, 'none').get('/company', { headers: { 'X-Api-Token': 'nope' } });
		expect(wrongKey.status).toBe(401);
		expect(sandbox.stats.unauthorized).toBe(3);

		const unknown = await tniClient(sandbox).get('/no/such/route');
		expect(unknown.status).toBe(404);
		expect(unknown.data).toEqual({ success: false, error: { code: 404, message: expect.any(String) } });
	});

	it('logs in with e-mail/password: the documented {token, status}; wrong password or company is 401', async () => {
		const anonymous = tniClient(sandbox, 'none');
		const login = await anonymous.post('/session/jwt', { email: sandbox.email, password: sandbox.password });
		expect(login.status).toBe(200);
		expect(login.data).toEqual({ success: true, data: { token: expect.any(String), status: 'confirmed' } });
		expect((await tniClient(sandbox, { jwt: login.data.data.token }).get('/preferences')).status).toBe(200);
		const [header, payload] = (login.data.data.token as string).split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
		expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
		expect(payload).toEqual({ iss: 'api.thenextinvoice.com', sub: 1, company: sandbox.companyIds[0], iat: expect.any(Number), exp: expect.any(Number) });
		expect(payload.exp - payload.iat).toBe(3600);

		const wrong = await anonymous.post('/session/jwt', { email: sandbox.email, password: 'wrong' });
		expect(wrong.status).toBe(401);
		expect(wrong.data.success).toBe(false);
		expect((await anonymous.post('/session/jwt', { email: sandbox.email, password: sandbox.password, company: 999 })).status).toBe(401);
		expect((await anonymous.post('/session/jwt', { email: sandbox.email })).status).toBe(400);
		expect(sandbox.stats.logins).toBe(4);
	});

	it('keeps data per company and switches company with a JWT (not with an API token)', async () => {
		const [first, second] = sandbox.companyIds;
		const jwt = await tniLogin(sandbox);
		const api = tniClient(sandbox, { jwt });
		const created = await api.post('/customer', {
			companyname: 'Only In First',
			address: 'Street 1',
			postalcode: '1111AA',
			city: 'Amsterdam',
			country: 'NL',
			email: 'first@example.com',
			person: false,
		});
		expect(created.status).toBe(200);

		const switched = await api.post('/session/jwt/switch', { company: second });
		expect(switched.status).toBe(200);
		expect(switched.data).toEqual({ success: true, data: { token: expect.any(String) } });
		const secondApi = tniClient(sandbox, { jwt: switched.data.data.token });
		expect((await secondApi.get('/customer')).data.data).toEqual([]);
		expect((await secondApi.get(`/customer/${created.data.data.id}`)).status).toBe(404);
		expect((await api.get('/customer')).data.data.map((c: any) => c.companyname)).toEqual(['Only In First']);

		expect((await api.post('/session/jwt/switch', { company: 999 })).status).toBe(401);
		expect((await api.post('/session/jwt/switch', {})).status).toBe(400);
		expect((await tniClient(sandbox).post('/session/jwt/switch', { company: first })).status).toBe(401);
		expect((await tniLogin(sandbox, second)).length).toBeGreaterThan(10);
	});

	it('answers 401 once the JWT lifetime has passed (and after control.expireJwts)', async () => {
		const shortLived = await startTheNextInvoiceSandbox({ jwtLifetimeSeconds: 1 });
		try {
			const api = tniClient(shortLived, { jwt: await tniLogin(shortLived) });
			expect((await api.get('/notifications')).status).toBe(200);
			await sleep(1100);
			const expired = await api.get('/notifications');
			expect(expired.status).toBe(401);
			expect(expired.data.success).toBe(false);
			expect((await tniClient(shortLived).get('/notifications')).status).toBe(200); // the API token does not expire
		} finally {
			await shortLived.close();
		}
		const api = tniClient(sandbox, { jwt: await tniLogin(sandbox) });
		expect(sandbox.control.expireJwts()).toBe(1);
		expect((await api.get('/notifications')).status).toBe(401);
	});

	it('renders injected 429/503 faults in the envelope with Retry-After', async () => {
		sandbox.faults.add({ kind: 'status429', retryAfterSeconds: 3 });
		sandbox.faults.add({ kind: 'status503' });
		const limited = await tniClient(sandbox).get('/invoice/search');
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('3');
		expect(limited.data).toEqual({ success: false, error: { code: 429, message: 'Too Many Requests' } });
		const unavailable = await tniClient(sandbox).get('/invoice/search');
		expect(unavailable.status).toBe(503);
		expect(unavailable.data).toEqual({ success: false, error: { code: 503, message: 'Service Unavailable' } });
		expect((await tniClient(sandbox).get('/invoice/search')).status).toBe(200);
	});
});
