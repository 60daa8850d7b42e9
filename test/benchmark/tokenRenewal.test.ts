/**
 * The auth target of the benchmark (issue 7) as a test: over several short token lifetimes our transport asks for
 * at most one token more than run time ÷ lifetime, and never lets a request meet an expired token (no 401).
 */
import { refreshMarginMs } from '@n8n-nodes-eu-finance/shared/transport/tokenLogin';
import { orgLocator, startFiskaly, type FiskalyFixture } from '../fiskaly/setup';

const LIFETIME_S = 2;
let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly({ accessTokenLifetimeSeconds: LIFETIME_S, refreshTokenLifetimeSeconds: 60 });
	// Each answer held back 10 ms: a request sent just before the renewal point must still arrive in time.
	f.sandbox.faults.add({ kind: 'slow', delayMs: 10, times: Infinity, match: { method: 'GET' } });
});
afterAll(async () => await f.sandbox.close());

it('renews a token shortly before it expires: 0.1 s for 2 s tokens, at most 10 s for long ones', () => {
	expect(refreshMarginMs(2000)).toBe(100);
	expect(refreshMarginMs(300_000)).toBe(10_000);
	expect(refreshMarginMs(3_600_000)).toBe(10_000);
});

it('over almost six 2 s lifetimes: token requests at most run time ÷ lifetime + 1, no 401', async () => {
	const started = Date.now();
	let failures = 0;
	while (Date.now() - started < 11_500) {
		const { error } = await f.run(
			{ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) },
			{ input: Array.from({ length: 20 }, () => ({})) },
		);
		if (error) failures++;
	}
	const minimum = Math.ceil((Date.now() - started) / 1000 / LIFETIME_S);
	const tokenRequests = f.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/auth')).length;
	expect(failures).toBe(0);
	expect(f.sandbox.stats.unauthorized).toBe(0);
	expect(tokenRequests).toBeGreaterThanOrEqual(minimum);
	expect(tokenRequests).toBeLessThanOrEqual(minimum + 1);
});
