/**
 * A token can be taken away more than once while one request is retried (it waits out a 503, and the new token
 * expires meanwhile): each time the request logs in again. A token refused right after a login gets one more login
 * (it may have been taken away while the login was slow); a third refusal in a row stands.
 */
import { sleep } from 'n8n-workflow';

import { startInvoicing, type InvoicingFixture } from '../invoicing-api/setup';

let f: InvoicingFixture;
beforeAll(async () => {
	f = await startInvoicing({ seedPaidInvoices: 1 });
});
afterAll(async () => await f.sandbox.close());

const getStatus = () => f.run({ resource: 'invoice', operation: 'getStatus', customInvoiceId: 'seed-0001' });
const statusAnswers = () => f.sandbox.requests.filter((r) => r.path.endsWith('/status')).map((r) => r.status);
const logins = () => f.sandbox.requests.filter((r) => r.path === '/oauth/token').length;

it('a token revoked again while the request waits to be retried: it logs in a second time and succeeds', async () => {
	await getStatus(); // a cached token
	f.sandbox.clearRequests();
	f.sandbox.tokens.revokeAll();
	// Once the request has been refused and logged in again, it gets a 503 (Retry-After 1 s), and meanwhile the
	// new token is revoked too. The login is held back 400 ms, so the 503 is in place before the request is resent
	// however busy the machine is; the revocation happens inside the 1 s wait.
	f.sandbox.faults.add({ kind: 'slow', delayMs: 400, match: { method: 'POST', path: '/oauth/token' } });
	const watcher = (async () => {
		while (!statusAnswers().includes(401)) await sleep(5);
		f.sandbox.faults.add({ kind: 'status503', retryAfterSeconds: 1, match: { method: 'GET', path: '/api/invoice/:id/status' } });
		while (!statusAnswers().includes(503)) await sleep(5);
		f.sandbox.tokens.revokeAll();
	})();
	const { json, error } = await getStatus();
	await watcher;
	expect(error).toBeUndefined();
	expect(json[0]).toMatchObject({ customInvoiceId: 'seed-0001', state: 'paid' });
	expect(statusAnswers()).toEqual([401, 503, 401, 200]);
	expect(logins()).toBe(2);
});

it('refused right after logging in, twice in a row: the item fails (no login loop)', async () => {
	await getStatus();
	f.sandbox.clearRequests();
	// Every token is refused, the fresh ones too (the login itself still works).
	const validate = jest.spyOn(f.sandbox.tokens, 'validate').mockReturnValue(undefined);
	try {
		const { error } = await getStatus();
		expect(error?.description).toMatch(/HTTP 401/);
	} finally {
		validate.mockRestore();
	}
	// The first 401 and the one right after a re-login each get a login; the third refusal stands.
	expect(statusAnswers()).toEqual([401, 401, 401]);
	expect(logins()).toBe(2);
});
