/**
 * A token's lifetime counts from when the login went out, not from when its answer arrived: the vendor starts the
 * clock when it issues the token, and a slow login (or a busy n8n reading the answer late) would otherwise make the
 * cache hand out a token the vendor already treats as expired (a 401 and a second login per request in flight).
 */
import { sleep } from 'n8n-workflow';

import { TokenManager, renewalLeadMs } from '../../packages/shared/transport/tokenLogin';

const slowLogin = (delayMs: number, expiresInSeconds: number) => async () => {
	await sleep(delayMs);
	return { token: 'tok-1', expires_in: expiresInSeconds };
};

const manager = () =>
	new TokenManager({
		identity: (c) => [c.key],
		loginRequest: () => ({ method: 'POST', url: '/login' }),
		parseGrant: (body) => ({ accessToken: (body as { token: string }).token, expiresInSeconds: (body as { expires_in: number }).expires_in }),
	});

it('a 2 s token whose login took 600 ms expires 2 s after the login was sent, not 2 s after its answer', async () => {
	const sentAt = Date.now();
	const token = await manager().getToken(slowLogin(600, 2), { key: 'a' });
	const answeredAt = Date.now();
	expect(answeredAt - sentAt).toBeGreaterThanOrEqual(590);
	expect(token.expiresAt).toBeGreaterThanOrEqual(sentAt + 2000);
	expect(token.expiresAt).toBeLessThan(answeredAt + 2000 - 500);
});

it('the renewal comes before the vendor-side expiry even when the login was slow', async () => {
	const tokens = manager();
	let logins = 0;
	const send = async () => {
		logins++;
		return await slowLogin(400, 1)();
	};
	const first = await tokens.getToken(send, { key: 'b' });
	// Still fresh right after the answer …
	expect((await tokens.getToken(send, { key: 'b' })).accessToken).toBe(first.accessToken);
	expect(logins).toBe(1);
	// … but 1 s after the login was sent (minus the renewal lead) the cache logs in again, though only ~0.6 s have
	// passed since the answer.
	await sleep(first.expiresAt - renewalLeadMs(1000) - Date.now() + 5);
	await tokens.getToken(send, { key: 'b' });
	expect(logins).toBe(2);
});

describe('renewal lead (issue 22: renew like the production clients, and never let a request in flight meet expiry)', () => {
	it('30 s before expiry for long tokens, a tenth of the lifetime under 5 minutes, plus the flight time, at most half', () => {
		expect(renewalLeadMs(300_000)).toBe(30_000);
		expect(renewalLeadMs(600_000)).toBe(30_000);
		expect(renewalLeadMs(86_400_000, 1_500)).toBe(31_500);
		expect(renewalLeadMs(2_000)).toBe(200);
		expect(renewalLeadMs(2_000, 300)).toBe(500);
		expect(renewalLeadMs(2_000, 5_000)).toBe(1_000);
	});

	// A clock under the test's control: the decisions below are exact, not raced against time.
	let now = 0;
	let clock: jest.SpyInstance;
	beforeEach(() => {
		now = 1_000_000;
		clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
	});
	afterEach(() => clock.mockRestore());

	const counting = () => {
		let logins = 0;
		const send = async () => ({ token: `tok-${++logins}`, expires_in: 2 });
		return { send, logins: () => logins };
	};

	it('a request still in flight makes the token renew earlier by its age', async () => {
		const tokens = manager();
		const login = counting();
		const credentials = { key: 'flight' };
		await tokens.getToken(login.send, credentials);
		const landed = tokens.takeOff(credentials);
		now += 1_100; // 0.9 s left: fresh by the plain 0.2 s lead, but a request has been in the air for 1.1 s
		await tokens.getToken(login.send, credentials);
		expect(login.logins()).toBe(2);
		landed();

		const calm = manager();
		const quiet = counting();
		await calm.getToken(quiet.send, credentials);
		now += 1_100;
		await calm.getToken(quiet.send, credentials);
		expect(quiet.logins()).toBe(1);
	});

	it('slow answers that have landed keep the lead up, then it decays with quick ones', async () => {
		const tokens = manager();
		const login = counting();
		const credentials = { key: 'decay' };
		await tokens.getToken(login.send, credentials);
		const slow = tokens.takeOff(credentials);
		now += 600;
		slow(); // one answer took 0.6 s: lead 0.8 s
		now += 700; // 1.3 s into a 2 s token: 0.7 s left < 0.8 s lead
		await tokens.getToken(login.send, credentials);
		expect(login.logins()).toBe(2);
		// 100 quick answers later (0.95^100 × 0.6 s ≈ 4 ms) the lead is back near 0.2 s.
		for (let i = 0; i < 100; i++) tokens.takeOff(credentials)();
		now += 1_300;
		await tokens.getToken(login.send, credentials);
		expect(login.logins()).toBe(2);
		expect(tokens.stats.longestLeadMs).toBe(800);
	});
});
