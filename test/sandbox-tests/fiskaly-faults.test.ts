/** Faults seen through the fiskaly sandbox: what a client can and cannot know about its writes. */
import type { AxiosInstance } from 'axios';
import { startFiskalySandbox, type FiskalySandbox } from '../sandbox/fiskaly';
import { expectTransportError, expectVendorError, httpClient, login, sleep, validOrganization } from './helpers';

describe('fiskaly sandbox: injected faults', () => {
	let sandbox: FiskalySandbox;
	let api: AxiosInstance;
	const organizationCount = () => sandbox.state.organizations.size;
	const createOrganization = (options = {}) => api.post('/organizations', validOrganization({ name: 'Fault Test GmbH' }), options);
	const onCreate = { method: 'POST', path: '/api/v0/organizations' };

	beforeEach(async () => {
		sandbox = await startFiskalySandbox();
		({ api } = await login(sandbox));
	});
	afterEach(() => sandbox.close());

	it('dropAfterHandling: the organization exists although the client got a socket error', async () => {
		sandbox.faults.add({ kind: 'dropAfterHandling', match: onCreate });
		const error = await expectTransportError(createOrganization());
		expect(error.code).toBe('ECONNRESET');
		expect(organizationCount()).toBe(2);
		const listed = await api.get('/organizations', { params: { order_by: 'name' } });
		expect(listed.data.data.map((o: { name: string }) => o.name)).toContain('Fault Test GmbH');
	});

	it('dropBeforeHandling: nothing is created, so a retry is safe', async () => {
		sandbox.faults.add({ kind: 'dropBeforeHandling', match: onCreate });
		await expectTransportError(createOrganization());
		expect(organizationCount()).toBe(1);
		expect((await createOrganization()).status).toBe(200);
		expect(organizationCount()).toBe(2);
	});

	it('status429: vendor-shaped error with Retry-After, nothing created', async () => {
		sandbox.faults.add({ kind: 'status429', retryAfterSeconds: 2, match: onCreate });
		const response = await createOrganization();
		expectVendorError(response, 429, 'E_TOO_MANY_REQUESTS');
		expect(response.data.error).toBe('Too Many Requests');
		expect(response.headers['retry-after']).toBe('2');
		expect(organizationCount()).toBe(1);
	});

	it.each([
		['status500', 500, 'E_INTERNAL_SERVER_ERROR'],
		['status502', 502, 'E_BAD_GATEWAY'],
		['status503', 503, 'E_SERVICE_UNAVAILABLE'],
		['status504', 504, 'E_GATEWAY_TIMEOUT'],
	] as const)('%s: vendor-shaped %i, nothing created', async (kind, status, code) => {
		sandbox.faults.add({ kind, match: onCreate });
		expectVendorError(await createOrganization(), status, code);
		expect(organizationCount()).toBe(1);
	});

	it('slow + client timeout: the creation lands after the delay; a naive retry duplicates it', async () => {
		sandbox.faults.add({ kind: 'slow', delayMs: 250, match: onCreate });
		await expectTransportError(createOrganization({ timeout: 50 }));
		expect((await createOrganization()).status).toBe(200); // the retry
		await sleep(300);
		expect(organizationCount()).toBe(3);
	});

	it('slow with commitBeforeDelay: a retried API key creation meets 409', async () => {
		const keys = `/organizations/${sandbox.ownOrganizationId}/api-keys`;
		sandbox.faults.add({ kind: 'slow', delayMs: 250, commitBeforeDelay: true, match: { method: 'POST', path: '/api/v0/organizations/:id/api-keys' } });
		await expectTransportError(api.post(keys, { name: 'erp', status: 'enabled' }, { timeout: 50 }));
		expectVendorError(await api.post(keys, { name: 'erp', status: 'enabled' }), 409, 'E_CONFLICT');
	});

	it('htmlError, truncatedJson, emptyBody, wrongContentType: broken answers to committed or uncommitted writes', async () => {
		const raw = { responseType: 'text' as const, transformResponse: (data: string) => data };
		sandbox.faults.add({ kind: 'htmlError', match: onCreate });
		const html = await createOrganization(raw);
		expect(html.status).toBe(502);
		expect(html.headers['content-type']).toContain('text/html');
		expect(organizationCount()).toBe(1);

		for (const kind of ['truncatedJson', 'emptyBody', 'wrongContentType'] as const) {
			sandbox.faults.add({ kind, match: onCreate });
			const response = await createOrganization(raw);
			expect(response.status).toBe(200);
			expect(() => JSON.parse(response.data)).toThrow();
		}
		expect(organizationCount()).toBe(4);
		expect(sandbox.faults.byKind).toEqual({ htmlError: 1, truncatedJson: 1, emptyBody: 1, wrongContentType: 1 });
	});

	it('faults the auth endpoint too, and records every faulted request', async () => {
		const authenticate = () => httpClient(sandbox.baseUrl).post('/auth', { api_key: sandbox.apiKey, api_secret: sandbox.apiSecret });
		sandbox.faults.add({ kind: 'status503', times: 2, match: { path: '/api/v0/auth' } });
		sandbox.clearRequests();
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await authenticate()).status);
		expect(statuses).toEqual([503, 503, 200]);
		expect(sandbox.requests.map((r) => [r.path, r.status, r.fault])).toEqual([
			['/api/v0/auth', 503, 'status503'],
			['/api/v0/auth', 503, 'status503'],
			['/api/v0/auth', 200, undefined],
		]);
		expect(sandbox.stats.logins).toBe(2); // beforeEach + the last one: faulted logins never reached the application
	});
});
