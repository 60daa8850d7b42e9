import { fiskalyTokens } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/api';
import { orgLocator, startFiskaly, type FiskalyFixture } from './setup';

let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly({ accessTokenLifetimeSeconds: 2, refreshTokenLifetimeSeconds: 60 });
});
afterAll(async () => await f.sandbox.close());

it('with 2-second tokens over 10+ seconds: no item fails, no 401, tokens renewed ahead of expiry', async () => {
	fiskalyTokens.clear();
	fiskalyTokens.stats.longestLeadMs = 0;
	const started = Date.now();
	let items = 0;
	let failures = 0;
	while (Date.now() - started < 10_500) {
		const { json, error } = await f.run(
			{ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) },
			{ input: Array.from({ length: 5 }, () => ({})) },
		);
		items += json.length;
		if (error) failures++;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const seconds = (Date.now() - started) / 1000;
	const { logins, refreshes, unauthorized } = f.sandbox.stats;
	// Printed for the closing note; the assertions below are what matters.
	console.info(`2-second tokens: ${seconds.toFixed(1)} s, ${items} items, ${logins} logins, ${refreshes} refreshes, ${unauthorized} answers of 401`);
	expect(failures).toBe(0);
	expect(items).toBeGreaterThan(100);
	expect(unauthorized).toBe(0);
	expect(logins).toBe(1);
	// One renewal per token lifetime, give or take one: a token is used for its 2 s less the renewal lead (0.2 s plus
	// the time requests took to come back, never more than half the lifetime).
	const lead = fiskalyTokens.stats.longestLeadMs / 1000;
	expect(lead).toBeGreaterThanOrEqual(0.2);
	expect(refreshes).toBeGreaterThanOrEqual(Math.floor(seconds / 2) - 1);
	expect(refreshes).toBeLessThanOrEqual(Math.ceil(seconds / (2 - lead)) + 1);
});

it('concurrent callers share one login (single flight)', async () => {
	fiskalyTokens.clear();
	const before = f.sandbox.stats.logins;
	const runs = await Promise.all(
		Array.from({ length: 8 }, () => f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) })),
	);
	expect(runs.every((r) => r.error === undefined)).toBe(true);
	expect(f.sandbox.stats.logins - before).toBe(1);
});

it('a refresh answer without a new refresh token keeps the old one: renewals stay refreshes, no new login', async () => {
	const sparse = await startFiskaly({ accessTokenLifetimeSeconds: 1, refreshTokenLifetimeSeconds: 60, refreshWithoutNewRefreshToken: true });
	try {
		fiskalyTokens.clear();
		const get = () => sparse.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(sparse.sandbox.ownOrganizationId) });
		for (let round = 0; round < 3; round++) {
			expect((await get()).error).toBeUndefined();
			await new Promise((resolve) => setTimeout(resolve, 1100)); // past the 1 s token: the next call renews
		}
		expect((await get()).error).toBeUndefined();
		const authBodies = sparse.sandbox.requests.filter((r) => r.path.endsWith('/auth')).map((r) => Object.keys(r.body as object).sort().join(','));
		expect(authBodies).toEqual(['api_key,api_secret', 'refresh_token', 'refresh_token', 'refresh_token']);
		expect(sparse.sandbox.stats).toMatchObject({ logins: 1, refreshes: 3, unauthorized: 0 });
	} finally {
		await sparse.sandbox.close();
	}
});

it('a retry after a back-off takes a token fresh for its own attempt: no 401 when the first one expired while waiting', async () => {
	const short = await startFiskaly({ accessTokenLifetimeSeconds: 1, refreshTokenLifetimeSeconds: 60 });
	try {
		fiskalyTokens.clear();
		// The first answer is a 503 asking for 2 s of patience: longer than the 1 s token the request went out with.
		short.sandbox.faults.add({ kind: 'status503', retryAfterSeconds: 2, match: { method: 'GET', path: /^\/api\/v0\/organizations\/[^/]+$/ } });
		const { json, error } = await short.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(short.sandbox.ownOrganizationId) });
		expect(error).toBeUndefined();
		expect(json[0]._id).toBe(short.sandbox.ownOrganizationId);
		const gets = short.sandbox.requests.filter((r) => r.method === 'GET');
		expect(gets.map((r) => r.status)).toEqual([503, 200]);
		expect(short.sandbox.stats).toMatchObject({ logins: 1, refreshes: 1, unauthorized: 0 });
	} finally {
		await short.sandbox.close();
	}
});
