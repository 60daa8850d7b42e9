/** The sandbox's own rules that the node never breaks on purpose: token server refusals, missing headers, unknown jobs. */
import { startSemansysSandbox, type SemansysSandbox } from '../sandbox/semansys';

let sandbox: SemansysSandbox;

beforeAll(async () => {
	sandbox = await startSemansysSandbox();
});
afterAll(async () => await sandbox.close());

const form = (fields: Record<string, string>) => ({
	method: 'POST',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields).toString(),
});
/** A JSON answer, loosely typed for assertions. */
const answer = async (response: Response) => (await response.json()) as Record<string, any>;
const passwordGrant = () => ({ grant_type: 'password', client_id: sandbox.clientId, client_secret: sandbox.clientSecret, username: sandbox.username, password: sandbox.password });

describe('Semansys sandbox', () => {
	it('token server: wrong client 401 invalid_client, JSON body 400, unknown grant 400, a refresh token works once', async () => {
		const wrongClient = await fetch(sandbox.tokenUrl, form({ ...passwordGrant(), client_secret: 'x' }));
		expect([wrongClient.status, (await answer(wrongClient)).error]).toEqual([401, 'invalid_client']);
		const asJson = await fetch(sandbox.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(passwordGrant()) });
		expect(asJson.status).toBe(400);
		const unknown = await fetch(sandbox.tokenUrl, form({ ...passwordGrant(), grant_type: 'client_credentials' }));
		expect((await answer(unknown)).error).toBe('unsupported_grant_type');

		const granted = await answer(await fetch(sandbox.tokenUrl, form(passwordGrant())));
		expect(granted).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String), refresh_token: expect.any(String) });
		const refresh = { grant_type: 'refresh_token', client_id: sandbox.clientId, client_secret: sandbox.clientSecret, refresh_token: granted.refresh_token };
		expect((await fetch(sandbox.tokenUrl, form(refresh))).status).toBe(200);
		expect((await fetch(sandbox.tokenUrl, form(refresh))).status).toBe(400);
	});

	it('API: no token 401 without a body; no x-api-version 400 problem details; unknown job 404', async () => {
		const token = (await answer(await fetch(sandbox.tokenUrl, form(passwordGrant())))).access_token as string;
		const anonymous = await fetch(`${sandbox.baseUrl}/customer-corner/users`);
		expect([anonymous.status, await anonymous.text()]).toEqual([401, '']);
		const noVersion = await fetch(`${sandbox.baseUrl}/customer-corner/users`, { headers: { Authorization: `Bearer ${token}` } });
		expect(await answer(noVersion)).toEqual({ type: 'https://httpstatuses.io/400', title: 'The x-api-version header is required', status: 400 });
		const headers = { Authorization: `Bearer ${token}`, 'x-api-version': '2' };
		expect((await fetch(`${sandbox.baseUrl}/validation/status/NOPE`, { headers })).status).toBe(404);
		const documented = await fetch(`${sandbox.baseUrl}/validation/instance/filing-rules`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ idOrBase64Content: 'PHg+', extra: 1 }) });
		expect((await answer(documented)).title).toBe('extra: is not a field of this endpoint');
	});
});
