import axios from 'axios';
import { startFiskalySandbox, type FiskalySandbox } from '../sandbox/fiskaly';
import { expectVendorError, httpClient, login, sleep, UUID_PATTERN } from './helpers';

describe('fiskaly sandbox: authentication', () => {
	let sandbox: FiskalySandbox;
	const anonymous = () => httpClient(sandbox.baseUrl);

	beforeEach(async () => {
		sandbox = await startFiskalySandbox();
	});
	afterEach(() => sandbox.close());

	it('exposes its base URL and credentials', () => {
		expect(sandbox.baseUrl).toBe(`${sandbox.url}/api/v0`);
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect([sandbox.apiKey, sandbox.apiSecret]).toEqual(['test_api_key', 'test_api_secret']);
		expect(sandbox.ownOrganizationId).toMatch(UUID_PATTERN);
	});

	it('answers POST /auth with the documented token body', async () => {
		const before = Math.floor(Date.now() / 1000);
		const response = await anonymous().post('/auth', { api_key: 'test_api_key', api_secret: 'test_api_secret' });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			access_token: expect.any(String),
			access_token_claims: { env: 'TEST', organization_id: sandbox.ownOrganizationId },
			access_token_expires_in: 300,
			access_token_expires_at: expect.any(Number),
			refresh_token: expect.any(String),
			refresh_token_expires_in: 600,
			refresh_token_expires_at: expect.any(Number),
		});
		expect(response.data.access_token_expires_at - before).toBeGreaterThanOrEqual(299);
		expect(response.data.access_token_expires_at - before).toBeLessThanOrEqual(301);
		expect(response.data.refresh_token_expires_at - before).toBeGreaterThanOrEqual(599);
		expect(response.headers['x-request-id']).toMatch(UUID_PATTERN);
		expect(sandbox.stats.logins).toBe(1);
	});

	it('expires access tokens after their configured lifetime (1 s here); the refresh token still works', async () => {
		const shortLived = await startFiskalySandbox({ accessTokenLifetimeSeconds: 1, refreshTokenLifetimeSeconds: 60 });
		try {
			const { api, auth } = await login(shortLived);
			expect([auth.access_token_expires_in, auth.refresh_token_expires_in]).toEqual([1, 60]);
			expect((await api.get(`/organizations/${shortLived.ownOrganizationId}`)).status).toBe(200);
			await sleep(1100);
			expectVendorError(await api.get(`/organizations/${shortLived.ownOrganizationId}`), 401, 'E_UNAUTHORIZED');
			expect(shortLived.stats.unauthorized).toBe(1);

			const refreshed = await httpClient(shortLived.baseUrl).post('/auth', { refresh_token: auth.refresh_token });
			expect(refreshed.status).toBe(200);
			const renewed = httpClient(shortLived.baseUrl, refreshed.data.access_token);
			expect((await renewed.get(`/organizations/${shortLived.ownOrganizationId}`)).status).toBe(200);
			expect(shortLived.stats).toEqual({ logins: 1, refreshes: 1, unauthorized: 1 });
		} finally {
			await shortLived.close();
		}
	});

	it('rejects a wrong key or secret with 401 and counts it', async () => {
		expectVendorError(await anonymous().post('/auth', { api_key: 'test_api_key', api_secret: 'wrong' }), 401, 'E_UNAUTHORIZED');
		expectVendorError(await anonymous().post('/auth', { api_key: 'unknown', api_secret: 'test_api_secret' }), 401, 'E_UNAUTHORIZED');
		expect(sandbox.stats).toEqual({ logins: 2, refreshes: 0, unauthorized: 2 });
	});

	it.each([
		['no body', undefined],
		['invalid JSON', '{"api_key":'],
		['an array', '[]'],
		['an empty object', '{}'],
		['a missing secret', '{"api_key":"test_api_key"}'],
		['a non-string secret', '{"api_key":"test_api_key","api_secret":1}'],
		['an empty refresh token', '{"refresh_token":""}'],
	])('answers 400 for %s', async (_case, body) => {
		const response = await anonymous().post('/auth', body, {
			headers: { 'Content-Type': 'application/json' },
			transformRequest: [(data: unknown) => data],
		});
		expect(response.status).toBe(400);
		expectVendorError(response, 400, response.data.code);
		expect(response.data.code).toMatch(/^E_(BAD_REQUEST|VALIDATION)$/);
		expect(sandbox.stats.logins).toBe(0);
	});

	it('requires a valid bearer token on every other route and counts the 401s', async () => {
		expectVendorError(await anonymous().get('/organizations'), 401, 'E_UNAUTHORIZED');
		expectVendorError(await httpClient(sandbox.baseUrl, 'made-up').get('/organizations'), 401, 'E_UNAUTHORIZED');
		const basic = await anonymous().get('/organizations', { headers: { Authorization: 'Basic dGVzdDp0ZXN0' } });
		expectVendorError(basic, 401, 'E_UNAUTHORIZED');
		expect(sandbox.stats.unauthorized).toBe(3);

		const { api, auth } = await login(sandbox);
		expect((await api.get('/organizations')).status).toBe(200);
		// A refresh token is not an access token.
		expect((await httpClient(sandbox.baseUrl, auth.refresh_token).get('/organizations')).status).toBe(401);
		expect(sandbox.requests.at(-2)?.headers.authorization).toBe(`Bearer ${auth.access_token}`);
	});

	it('refreshes with a refresh token that stays valid after use (nothing shows fiskaly revoking it)', async () => {
		const { auth } = await login(sandbox);
		const refreshed = await anonymous().post('/auth', { refresh_token: auth.refresh_token });
		expect(refreshed.status).toBe(200);
		expect(refreshed.data.access_token).not.toBe(auth.access_token);
		expect(refreshed.data.refresh_token).not.toBe(auth.refresh_token);
		expect(refreshed.data.access_token_claims.organization_id).toBe(sandbox.ownOrganizationId);
		expect((await httpClient(sandbox.baseUrl, refreshed.data.access_token).get('/organizations')).status).toBe(200);

		expect((await anonymous().post('/auth', { refresh_token: auth.refresh_token })).status).toBe(200);
		expectVendorError(await anonymous().post('/auth', { refresh_token: 'unknown' }), 401, 'E_UNAUTHORIZED');
		expect(sandbox.stats).toMatchObject({ logins: 1, refreshes: 3, unauthorized: 1 });
	});

	it('fault switches: single-use refresh tokens, and a refresh answer without a new refresh token', async () => {
		const strict = await startFiskalySandbox({ singleUseRefreshTokens: true, refreshWithoutNewRefreshToken: true });
		try {
			const auth = (await axios.post(`${strict.baseUrl}/auth`, { api_key: strict.apiKey, api_secret: strict.apiSecret })).data;
			const refreshed = await axios.post(`${strict.baseUrl}/auth`, { refresh_token: auth.refresh_token });
			expect(refreshed.data.access_token).toEqual(expect.any(String));
			expect(refreshed.data.refresh_token).toBeUndefined();
			const again = await axios.post(`${strict.baseUrl}/auth`, { refresh_token: auth.refresh_token }, { validateStatus: () => true });
			expect(again.status).toBe(401);
		} finally {
			await strict.close();
		}
	});

	it('lets tests expire or revoke every issued token', async () => {
		const { api, auth } = await login(sandbox);
		sandbox.tokens.expireAll();
		expect((await api.get('/organizations')).status).toBe(401);
		expect((await anonymous().post('/auth', { refresh_token: auth.refresh_token })).status).toBe(401);

		const second = await login(sandbox);
		sandbox.tokens.revokeAll();
		expect((await second.api.get('/organizations')).status).toBe(401);
		expect(sandbox.tokens.issuedCount).toBe(4);
	});

	it('lets API keys created through the API log in, and locks out disabled keys', async () => {
		const { api } = await login(sandbox);
		const managed = await api.post('/organizations', {
			name: 'Managed Shop',
			address_line1: 'Weg 2',
			zip: '1010',
			town: 'Wien',
			country_code: 'AUT',
			managed_by_organization_id: sandbox.ownOrganizationId,
		});
		const created = await api.post(`/organizations/${managed.data._id}/api-keys`, { name: 'shop-key', status: 'enabled' });
		expect(created.status).toBe(200);

		const shop = await login(sandbox, created.data.key, created.data.secret);
		expect(shop.auth.access_token_claims).toEqual({ env: 'TEST', organization_id: managed.data._id });

		const disabled = await api.patch(`/organizations/${managed.data._id}/api-keys/${created.data._id}`, { status: 'disabled' });
		expect(disabled.data.status).toBe('disabled');
		expect((await shop.api.get('/organizations')).status).toBe(401);
		expect((await anonymous().post('/auth', { refresh_token: shop.auth.refresh_token })).status).toBe(401);
		expect((await anonymous().post('/auth', { api_key: created.data.key, api_secret: created.data.secret })).status).toBe(401);
	});

	it('gives every answer its own X-Request-ID, errors and faults included', async () => {
		const { api } = await login(sandbox);
		sandbox.faults.add({ kind: 'status503', match: { path: '/api/v0/billing-addresses' } });
		const responses = await Promise.all([
			api.get('/organizations'),
			api.get('/no-such-route'),
			anonymous().get('/organizations'),
			api.get('/billing-addresses'),
		]);
		expect(responses.map((r) => r.status)).toEqual([200, 404, 401, 503]);
		expectVendorError(responses[1], 404, 'E_NOT_FOUND');
		expectVendorError(responses[3], 503, 'E_SERVICE_UNAVAILABLE');
		const ids = responses.map((r) => r.headers['x-request-id']);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
