/**
 * A token's lifetime counts from when the login went out, not from when its answer arrived: the vendor starts the
 * clock when it issues the token, and a slow login (or a busy n8n reading the answer late) would otherwise make the
 * cache hand out a token the vendor already treats as expired (a 401 and a second login per request in flight).
 */
import { sleep } from 'n8n-workflow';

import { TokenManager, refreshMarginMs } from '../../packages/shared/transport/tokenLogin';

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
	// … but 1 s after the login was sent (minus the margin) the cache logs in again, though only ~0.6 s have
	// passed since the answer.
	await sleep(first.expiresAt - refreshMarginMs(1000) - Date.now() + 5);
	await tokens.getToken(send, { key: 'b' });
	expect(logins).toBe(2);
});
