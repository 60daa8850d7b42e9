/**
 * The auth target of the benchmark (issue 7) as a test: over several short token lifetimes our transport asks for
 * at most one token more than run time ÷ the time each token is used, and never lets a request meet an expired token
 * (no 401).
 */
import { fiskalyTokens } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/api';
import { orgLocator, startFiskaly, type FiskalyFixture } from '../fiskaly/setup';

const LIFETIME_S = 2;
let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly({ accessTokenLifetimeSeconds: LIFETIME_S, refreshTokenLifetimeSeconds: 60 });
	// Each answer held back 10 ms: a request sent just before the renewal point must still arrive in time.
	f.sandbox.faults.add({ kind: 'slow', delayMs: 10, times: Infinity, match: { method: 'GET' } });
});
afterAll(async () => await f.sandbox.close());

it('over almost six 2 s lifetimes: token requests at most run time ÷ (lifetime − renewal lead) + 1, no 401', async () => {
	fiskalyTokens.stats.longestLeadMs = 0;
	const started = Date.now();
	let failures = 0;
	while (Date.now() - started < 11_500) {
		const { error } = await f.run(
			{ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) },
			{ input: Array.from({ length: 20 }, () => ({})) },
		);
		if (error) failures++;
	}
	const runS = (Date.now() - started) / 1000;
	const minimum = Math.ceil(runS / LIFETIME_S);
	// Each token is used for its lifetime less the renewal lead (0.2 s plus the flight time of the requests).
	const lead = fiskalyTokens.stats.longestLeadMs / 1000;
	const tokenRequests = f.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/auth')).length;
	expect(failures).toBe(0);
	expect(f.sandbox.stats.unauthorized).toBe(0);
	expect(tokenRequests).toBeGreaterThanOrEqual(minimum);
	expect(tokenRequests).toBeLessThanOrEqual(Math.ceil(runS / (LIFETIME_S - lead)) + 1);
});
