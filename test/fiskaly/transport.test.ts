import { sleep } from 'n8n-workflow';
import { fiskalyTokens } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/api';
import { knownSecrets, newOrganization, orgLocator, startFiskaly, type FiskalyFixture } from './setup';

let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly();
});
afterAll(async () => await f.sandbox.close());
beforeEach(() => {
	f.sandbox.faults.clear();
	f.sandbox.clearRequests();
});

const getOwnOrg = () => f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) });
const orgsNamed = (name: string) => [...f.sandbox.state.organizations.values()].filter((o) => o.name === name).length;

describe('retries', () => {
	it('honours Retry-After on 429 and succeeds', async () => {
		f.sandbox.faults.add({ kind: 'status429', retryAfterSeconds: 1, match: { path: /organizations/ } });
		const started = Date.now();
		const { json, error } = await getOwnOrg();
		expect(error).toBeUndefined();
		expect(json[0]._id).toBe(f.sandbox.ownOrganizationId);
		expect(f.apiCalls()).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('retries a create after 503 (the server did not act) and creates it once', async () => {
		f.sandbox.faults.add({ kind: 'status503', retryAfterSeconds: 0, match: { method: 'POST', path: /organizations$/ } });
		const { error } = await f.run(newOrganization('After 503 GmbH'));
		expect(error).toBeUndefined();
		expect(orgsNamed('After 503 GmbH')).toBe(1);
	});

	it('retries reads on 500/502/504 and dropped connections', async () => {
		for (const kind of ['status500', 'status502', 'status504', 'dropBeforeHandling', 'dropAfterHandling'] as const) {
			f.sandbox.faults.add({ kind, match: { method: 'GET' } });
		}
		const { json, error } = await f.run({
			resource: 'organization',
			operation: 'get',
			organizationId: orgLocator(f.sandbox.ownOrganizationId),
			requestOptions: { maxAttempts: 6, maxTotalWaitSeconds: 30 },
		});
		expect(error).toBeUndefined();
		expect(json[0]._id).toBe(f.sandbox.ownOrganizationId);
		expect(f.apiCalls()).toHaveLength(6);
	});

	it('a create whose answer was lost is found by its creation key instead of repeated', async () => {
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: /organizations$/ } });
		const { json, error } = await f.run(newOrganization('Dropped After GmbH'));
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /api/v0/organizations', 'GET /api/v0/organizations']);
		expect(orgsNamed('Dropped After GmbH')).toBe(1);
		expect(json[0]).toMatchObject({ name: 'Dropped After GmbH', _id: expect.any(String) });
	});

	it('the lookup after a lost create reads only the organizations of its kind: managed ones of the managing organization, else plain ones', async () => {
		const own = f.sandbox.ownOrganizationId;
		f.sandbox.faults.add({ kind: 'dropAfterHandling', times: 2, match: { method: 'POST', path: /organizations$/ } });
		const managed = await f.run(newOrganization('Lost Managed GmbH', { additionalFields: { managed_by_organization_id: own } }));
		const plain = await f.run(newOrganization('Lost Plain GmbH'));
		expect([managed.error, plain.error]).toEqual([undefined, undefined]);
		expect(managed.json[0]).toMatchObject({ name: 'Lost Managed GmbH', _type: 'MANAGED_ORGANIZATION' });
		expect(plain.json[0]).toMatchObject({ name: 'Lost Plain GmbH', _type: 'ORGANIZATION' });
		const lookups = f.sandbox.requests.filter((r) => r.method === 'GET').map((r) => r.query);
		expect(lookups).toEqual([
			expect.objectContaining({ type: 'MANAGED_ORGANIZATION', managed_by_organization_id: own, limit: '5000' }),
			expect.objectContaining({ type: 'ORGANIZATION', limit: '5000' }),
		]);
		expect([orgsNamed('Lost Managed GmbH'), orgsNamed('Lost Plain GmbH')]).toEqual([1, 1]);
	});

	it('a create that got a 502 and is not found, not after the settle delay either, is sent once more under the same creation key', async () => {
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'POST' } });
		const { json, error } = await f.run(newOrganization('Gateway GmbH'));
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /api/v0/organizations', 'GET /api/v0/organizations', 'GET /api/v0/organizations', 'POST /api/v0/organizations']);
		const posted = f.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v0/organizations').map((r) => (r.body as { metadata: Record<string, string> }).metadata.n8n_creation_key);
		expect(posted[0]).toBe(posted[1]);
		expect([...f.sandbox.state.organizations.values()].filter((o) => o.name === 'Gateway GmbH').map((o) => o._id)).toEqual([json[0]._id]);
	});

	it('a create that lands only after its repeat: two organizations carry the key; the first is the item, the other is named, not hidden', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: 3600, match: { method: 'POST', path: '/api/v0/organizations' } });
		const { json, error } = await f.run({ ...newOrganization('Late GmbH'), requestOptions: { timeoutSeconds: 1, maxAttempts: 4, maxTotalWaitSeconds: 10 } });
		expect(error).toBeUndefined();
		await sleep(1000); // the first request's handler runs 3.6 s after it arrived, after the repeat
		const late = [...f.sandbox.state.organizations.values()].filter((o) => o.name === 'Late GmbH');
		expect(late).toHaveLength(2);
		const again = await f.run({ ...newOrganization('Late GmbH'), idempotencyKey: (late[0].metadata as Record<string, string>).n8n_creation_key });
		const ids = late.map((o) => o._id);
		expect(ids).toContain(json[0]._id);
		expect([again.json[0]._id, ...(again.json[0].otherOrganizationsWithCreationKey as string[])].sort()).toEqual([...ids].sort());
	});

	it('an API key whose answer was lost is looked up by its unique name; a missing one is created again', async () => {
		const org = f.sandbox.ownOrganizationId;
		const key = { resource: 'apiKey', operation: 'create', organizationId: { __rl: true, mode: 'id', value: org }, status: 'enabled' };
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: /api-keys$/ } });
		const found = await f.run({ ...key, name: 'lost-answer' });
		expect(found.error).toBeUndefined();
		expect(found.json[0]).toMatchObject({ name: 'lost-answer' });
		expect(found.json[0].secret).toBeUndefined();
		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'dropBeforeHandling', match: { method: 'POST', path: /api-keys$/ } });
		f.sandbox.faults.add({ kind: 'status500', match: { method: 'POST', path: /api-keys$/ } });
		const again = await f.run({ ...key, name: 'never-arrived' });
		expect(again.error).toBeUndefined();
		const keysNamed = (name: string) => [...f.sandbox.state.apiKeys.values()].filter((k) => k.name === name).length;
		expect([keysNamed('lost-answer'), keysNamed('never-arrived')]).toEqual([1, 1]);
		// dropped before handling → retried (never reached the app); 500 → looked up, absent → sent once more.
		expect(f.apiCalls().filter((c) => c.startsWith('POST'))).toHaveLength(3);
	});

	it('times out a slow answer and retries the read', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: 2500, match: { method: 'GET' } });
		const { error } = await f.run({
			resource: 'organization',
			operation: 'get',
			organizationId: orgLocator(f.sandbox.ownOrganizationId),
			requestOptions: { timeoutSeconds: 1, maxAttempts: 3, maxTotalWaitSeconds: 5 },
		});
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toHaveLength(2);
	});

	it('gives up after the attempt limit with a clear message', async () => {
		f.sandbox.faults.add({ kind: 'status503', retryAfterSeconds: 0, times: Infinity });
		const { error } = await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId), requestOptions: { maxAttempts: 3 } });
		expect(error?.description).toMatch(/Gave up after 3 attempts/);
		expect(f.apiCalls()).toHaveLength(3);
	});

	it('turns unreadable answers into clear API errors', async () => {
		for (const kind of ['htmlError', 'truncatedJson', 'emptyBody', 'wrongContentType'] as const) {
			f.sandbox.faults.clear();
			f.sandbox.faults.add({ kind, match: { method: 'GET' } });
			const { error } = await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId), requestOptions: { maxAttempts: 1 } });
			expect({ kind, name: error?.name, message: error?.message }).toEqual({ kind, name: 'NodeApiError', message: expect.stringMatching(/^fiskaly: /) });
		}
	});
});

describe('token login', () => {
	it('logs in once for many items and shares the token', async () => {
		fiskalyTokens.clear();
		const before = f.sandbox.stats.logins;
		const input = Array.from({ length: 20 }, () => ({}));
		const { json } = await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) }, { input });
		expect(json).toHaveLength(20);
		expect(f.sandbox.stats.logins - before).toBe(1);
	});

	it('on a 401 logs in again and retries once', async () => {
		await getOwnOrg();
		f.sandbox.tokens.revokeAll();
		f.sandbox.clearRequests();
		const { error } = await getOwnOrg();
		expect(error).toBeUndefined();
		// One refused API call; the refresh token was revoked too, so the fall-back is a full login.
		expect(f.sandbox.requests.filter((r) => r.status === 401 && !r.path.endsWith('/auth'))).toHaveLength(1);
		expect(f.apiCalls()).toHaveLength(2);
	});

	it('a wrong secret fails with a clear message that does not contain the secret', async () => {
		fiskalyTokens.clear();
		const wrong = { fiskalyManagementApi: { apiKey: f.sandbox.apiKey, apiSecret: 'wrong-secret-value-123', baseUrl: f.sandbox.baseUrl } };
		const { runNode } = await import('../helpers/n8n');
		const { error } = await runNode({ ...f.node, credentials: wrong }, { resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) });
		expect(error?.message).toMatch(/^fiskaly: /);
		expect(error?.description).toMatch(/HTTP 401 · POST \/auth/);
		expect(JSON.stringify({ m: error?.message, d: error?.description })).not.toContain('wrong-secret-value-123');
	});
});

describe('pagination', () => {
	let big: FiskalyFixture;
	beforeAll(async () => {
		big = await startFiskaly({ seedOrganizations: 12_000 });
	});
	afterAll(async () => await big.sandbox.close());
	beforeEach(() => big.sandbox.clearRequests());

	it('Return All fetches every page at the largest page size', async () => {
		const { json } = await big.run({ resource: 'organization', operation: 'getAll', returnAll: true, filters: {}, order_by: 'name', order: 'asc' });
		expect(json).toHaveLength(12_001);
		expect(new Set(json.map((o) => o._id)).size).toBe(12_001);
		expect(big.sandbox.requests.filter((r) => r.method === 'GET').map((r) => [r.query.offset, r.query.limit])).toEqual([
			['0', '5000'],
			['5000', '5000'],
			['10000', '5000'],
		]);
	});

	it('Limit stops as soon as it has enough', async () => {
		const { json } = await big.run({ resource: 'organization', operation: 'getAll', returnAll: false, limit: 7, filters: {}, order_by: 'name', order: 'asc' });
		expect(json).toHaveLength(7);
		expect(big.sandbox.requests.filter((r) => r.method === 'GET').map((r) => r.query.limit)).toEqual(['7']);
	});

	it('pages API keys 100 at a time', async () => {
		const org = big.sandbox.ownOrganizationId;
		const input = Array.from({ length: 130 }, (_, i) => ({ name: `key-${String(i).padStart(3, '0')}` }));
		await big.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(org), name: '={{ $json.name }}', status: 'enabled' }, { input });
		big.sandbox.clearRequests();
		const { json } = await big.run({ resource: 'apiKey', operation: 'getAll', organizationId: orgLocator(org), returnAll: true, filters: {}, order_by: 'name', order: 'asc' });
		expect(json.filter((k) => String(k.name).startsWith('key-'))).toHaveLength(130);
		expect(big.sandbox.requests.filter((r) => r.method === 'GET').map((r) => r.query.offset)).toEqual(['0', '100']);
	});
});

describe('secrets', () => {
	it('no output or error of this suite contains the API secret or a token', async () => {
		f.sandbox.faults.add({ kind: 'status500', match: { method: 'POST' } });
		const runs = [await getOwnOrg(), await f.run(newOrganization('Secret Scan GmbH')), await f.run({ resource: 'token', operation: 'getClaims' })];
		const text = JSON.stringify(runs.map((r) => ({ json: r.json, message: r.error?.message, description: r.error?.description })));
		const secrets = knownSecrets(f);
		expect(secrets.length).toBeGreaterThan(1);
		for (const secret of secrets) expect(text).not.toContain(secret);
	});
});
