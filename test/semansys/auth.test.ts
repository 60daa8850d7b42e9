import { SemansysApi } from '../../packages/n8n-nodes-semansys/credentials/SemansysApi.credentials';
import { semansysTokens } from '../../packages/n8n-nodes-semansys/nodes/Semansys/api';
import { testCredential } from '../helpers/n8n';
import { knownSecrets, startSemansys, useSemansys, withInstance, type SemansysFixture } from './setup';

const fixture = useSemansys({}, { applicationName: 'n8n', partnerName: 'Partner BV', customerBin: '', clientBin: '  ' });
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

const getDomains = { resource: 'customerCorner', operation: 'getUserDomains' };

describe('Semansys authentication and headers', () => {
	it('logs in with the password grant, form-encoded, at the token URL, once for many calls', async () => {
		semansysTokens.clear();
		const first = await f.run(getDomains);
		expect(first.error).toBeUndefined();
		expect(first.json).toEqual([{ domains: ['accountants-demo.semansys.example', 'client-bv.semansys.example'] }]);
		await f.run(getDomains);
		const logins = f.sandbox.requests.filter((r) => r.path === '/connect/token');
		expect(logins).toHaveLength(1);
		expect(logins[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(new URLSearchParams(logins[0].rawBody).get('grant_type')).toBe('password');
		expect(f.tokenRequests()[0]).toEqual({
			grant_type: 'password',
			client_id: f.sandbox.clientId,
			client_secret: f.sandbox.clientSecret,
			username: f.sandbox.username,
			password: f.sandbox.password,
		});
		expect(f.apiCalls()).toEqual(['GET /customer-corner/users', 'GET /customer-corner/users']);
	});

	it("an operation's API Version overrides the credential's for its request and its job's status checks, and only there", async () => {
		const started = await f.run(
			{ resource: 'validation', operation: 'filingRules', instanceBinaryProperty: 'data', waitForCompletion: true, pollIntervalSeconds: 0.1, apiVersion: '1' },
			{ input: withInstance() },
		);
		expect(started.error).toBeUndefined();
		const versions = f.apiRequests().map((r) => `${r.method} ${r.path.replace(/[0-9A-F]{16}/, ':id')} ${r.headers['x-api-version']}`);
		expect(versions[0]).toBe('POST /api/validation/instance/filing-rules 1');
		expect(versions.length).toBeGreaterThan(1);
		expect(versions.slice(1).every((v) => v.endsWith(' 1') && v.startsWith('GET /api/validation/status/'))).toBe(true);
		await f.run(getDomains);
		expect(f.apiRequests().at(-1)?.headers['x-api-version']).toBe('2');
	});

	it('sends x-api-version and only the context headers that are filled, on every call', async () => {
		await f.run(getDomains);
		await f.run({ resource: 'validation', operation: 'getStatus', jobId: 'UNKNOWN' });
		for (const request of f.apiRequests()) {
			expect(request.headers['x-api-version']).toBe('2');
			expect(request.headers.applicationname).toBe('n8n');
			expect(request.headers.partnername).toBe('Partner BV');
			// Empty and blank fields are not sent at all.
			expect(Object.keys(request.headers)).not.toEqual(expect.arrayContaining(['customerid']));
			expect(Object.keys(request.headers)).not.toContain('clientid');
			expect(request.headers.authorization).toMatch(/^Bearer \S+$/);
		}
	});

	it('a wrong API version is the vendor\'s 400, with its message', async () => {
		const wrong = await startSemansys({}, { apiVersion: '1.0' });
		try {
			const { error } = await wrong.run(getDomains);
			expect(error?.httpCode).toBe('400');
			expect(`${error?.message} ${error?.description}`).toMatch(/API version 1\.0 is not supported/);
		} finally {
			await wrong.sandbox.close();
		}
	});

	it('renews an expiring token with the refresh_token grant before it expires', async () => {
		const short = await startSemansys({ tokenLifetimeSeconds: 1 });
		try {
			await short.run(getDomains);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			const second = await short.run(getDomains);
			expect(second.error).toBeUndefined();
			const grants = short.tokenRequests().map((r) => r.grant_type);
			expect(grants).toEqual(['password', 'refresh_token']);
			expect(short.tokenRequests()[1]).toMatchObject({ client_id: short.sandbox.clientId, client_secret: short.sandbox.clientSecret, refresh_token: expect.any(String) });
			expect(short.sandbox.stats.unauthorized).toBe(0);
		} finally {
			await short.sandbox.close();
		}
	});

	it('falls back to the password grant when the refresh is refused', async () => {
		const short = await startSemansys({ tokenLifetimeSeconds: 1 });
		try {
			await short.run(getDomains);
			short.sandbox.control.revokeRefreshTokens();
			await new Promise((resolve) => setTimeout(resolve, 1100));
			const again = await short.run(getDomains);
			expect(again.error).toBeUndefined();
			expect(short.tokenRequests().map((r) => r.grant_type)).toEqual(['password', 'refresh_token', 'password']);
			expect(short.sandbox.stats.refusedRefreshes).toBe(1);
		} finally {
			await short.sandbox.close();
		}
	});

	it('a token the API refuses (401) is renewed once and the call resent', async () => {
		await f.run(getDomains);
		f.sandbox.clearRequests();
		f.sandbox.control.expireAccessTokens();
		const { error, json } = await f.run(getDomains);
		expect(error).toBeUndefined();
		expect(json[0].domains).toHaveLength(2);
		expect(f.sandbox.requests.map((r) => r.status)).toEqual([401, 200, 200]);
	});

	it('a wrong password fails with the identity server\'s answer and leaks no secret', async () => {
		const wrong = await startSemansys({}, { password: 'not-the-password' });
		try {
			const { error } = await wrong.run(getDomains);
			expect(error?.httpCode).toBe('400');
			const text = `${error?.message} ${error?.description} ${JSON.stringify(error?.context ?? {})}`;
			expect(text).toMatch(/invalid_username_or_password/);
			expect(text).not.toContain('not-the-password');
			expect(text).not.toContain(wrong.sandbox.clientSecret);
		} finally {
			await wrong.sandbox.close();
		}
	});

	it('no secret or token appears in outputs or errors', async () => {
		const ok = await f.run(getDomains);
		const failed = await f.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/nowhere', query: '{}' });
		const text = JSON.stringify([ok.json, failed.error?.message, failed.error?.description]);
		for (const secret of knownSecrets(f)) expect(text).not.toContain(secret);
	});

	it('the credential test (as n8n runs it): the sandbox account passes; a wrong secret or API version fails without repeating the secret', async () => {
		const credential = new SemansysApi();
		semansysTokens.clear();
		const ok = await testCredential(credential, f.credentials);
		expect(ok.status).toBe('OK');
		expect(f.lastRequest()).toMatchObject({ method: 'GET', path: '/api/customer-corner/users', status: 200 });
		const wrongSecret = await testCredential(credential, { ...f.credentials, clientSecret: 'wrong-client-secret' });
		expect(wrongSecret.status).toBe('Error');
		expect(wrongSecret.message).not.toContain('wrong-client-secret');
		const wrongVersion = await testCredential(credential, { ...f.credentials, apiVersion: '9' });
		expect(wrongVersion).toMatchObject({ status: 'Error' });
	});

	it('the credential: preAuthentication fills the token, authenticate adds bearer, version and filled context headers, the test reads a documented endpoint', async () => {
		const credential = new SemansysApi();
		const headers = await credential.authenticate({ ...f.credentials, accessToken: 'abc' }, { url: '/x', headers: { Accept: 'application/json' } });
		expect(headers.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer abc', 'x-api-version': '2', ApplicationName: 'n8n', PartnerName: 'Partner BV' });
		expect(credential.test.request).toMatchObject({ url: '/customer-corner/users' });
		expect(credential.properties.find((p) => p.name === 'apiVersion')).toMatchObject({ required: true });
		expect(credential.properties.find((p) => p.name === 'tokenUrl')?.default).toBe('https://oidc-pre.semansys.com/connect/token');
	});
});
