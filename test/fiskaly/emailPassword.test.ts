/**
 * fiskaly's e-mail and password login (changelog 0.5.0 "UserAuthentication"): the credential's Authenticate With
 * switch, the login body (field names configurable, as fiskaly's reference does not show them), the credential test,
 * and no password in any error.
 */
import { FiskalyManagementApi } from '../../packages/n8n-nodes-fiskaly-management/credentials/FiskalyManagementApi.credentials';
import { fiskalyTokens } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/api';
import { runNode, testCredential } from '../helpers/n8n';
import { orgLocator, startFiskaly, type FiskalyFixture } from './setup';

let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly({ accessTokenLifetimeSeconds: 1 });
});
afterAll(async () => await f.sandbox.close());
beforeEach(() => {
	fiskalyTokens.clear();
	f.sandbox.clearRequests();
});

const userCredential = (extra: Record<string, string> = {}) => ({
	authMethod: 'emailPassword',
	email: f.sandbox.ownerEmail,
	password: f.sandbox.ownerPassword,
	baseUrl: f.sandbox.baseUrl,
	...extra,
});
const runAs = async (credential: Record<string, string>) =>
	await runNode(
		{ ...f.node, credentials: { fiskalyManagementApi: credential } },
		{ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) },
	);

it('logs in with e-mail and password, and renews with the refresh token', async () => {
	const first = await runAs(userCredential());
	expect(first.error).toBeUndefined();
	expect(first.json[0]._id).toBe(f.sandbox.ownOrganizationId);
	await new Promise((resolve) => setTimeout(resolve, 1100)); // past the 1 s token
	expect((await runAs(userCredential())).error).toBeUndefined();
	const logins = f.sandbox.requests.filter((r) => r.path.endsWith('/auth')).map((r) => r.body);
	expect(logins).toEqual([{ email: f.sandbox.ownerEmail, password: f.sandbox.ownerPassword }, { refresh_token: expect.any(String) }]);
});

it('sends the field names the credential names (the reference does not show them)', async () => {
	const { error } = await runAs(userCredential({ loginFieldEmail: 'username' }));
	expect(f.sandbox.requests[0].body).toEqual({ username: f.sandbox.ownerEmail, password: f.sandbox.ownerPassword });
	// The sandbox knows only "email": fiskaly's validation error comes back, without the password.
	expect(error?.message).toMatch(/fiskaly/);
	expect(`${error?.message} ${error?.description}`).not.toContain(f.sandbox.ownerPassword);
});

it('the credential test passes with the right password, and fails with a wrong one without echoing it', async () => {
	const credential = new FiskalyManagementApi();
	expect(await testCredential(credential, userCredential())).toMatchObject({ status: 'OK' });
	fiskalyTokens.clear();
	const wrong = await testCredential(credential, userCredential({ password: 'not-the-password-4711' }));
	expect(wrong.status).toBe('Error');
	expect(wrong.message).toMatch(/Invalid e-mail or password/);
	expect(wrong.message).not.toContain('not-the-password-4711');
});

it('an API key credential without Authenticate With still logs in with the key (credentials saved before the switch)', async () => {
	const { error } = await runAs({ apiKey: f.sandbox.apiKey, apiSecret: f.sandbox.apiSecret, baseUrl: f.sandbox.baseUrl });
	expect(error).toBeUndefined();
	expect(f.sandbox.requests[0].body).toEqual({ api_key: f.sandbox.apiKey, api_secret: f.sandbox.apiSecret });
});
