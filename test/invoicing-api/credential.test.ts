import { CREDENTIAL_TEST_INVOICE_ID, InvoicingApi as InvoicingApiCredential } from '../../packages/n8n-nodes-regtech-invoicing/credentials/InvoicingApi.credentials';
import { invoicingTokens } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/api';
import { testCredential } from '../helpers/n8n';
import { startInvoicing, type InvoicingFixture } from './setup';

let f: InvoicingFixture;
beforeAll(async () => {
	f = await startInvoicing();
});
afterAll(async () => await f.sandbox.close());
beforeEach(() => invoicingTokens.clear());

const credential = new InvoicingApiCredential();
const probes = () => f.sandbox.requests.filter((r) => r.path === `/api/invoice/${CREDENTIAL_TEST_INVOICE_ID}/status`);

describe('Invoicing API credential test (as n8n runs it)', () => {
	it('client credentials: logs in, and the made-up invoice answers "unknown invoice" (400) to the token', async () => {
		const result = await testCredential(credential, f.credentials);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(probes().at(-1)?.status).toBe(400);
		expect(probes().at(-1)?.headers.authorization).toMatch(/^Bearer /);
	});

	it('a wrong client secret fails at the login, without showing the secret', async () => {
		const result = await testCredential(credential, { ...f.credentials, clientSecret: 'not-the-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/client authentication failed/);
		expect(result.message).not.toContain('not-the-secret');
	});

	it('a pasted token the API accepts passes', async () => {
		const result = await testCredential(credential, { baseUrl: f.sandbox.baseUrl, authentication: 'accessToken', accessToken: f.sandbox.control.issueToken() });
		expect(result.status).toBe('OK');
		expect(f.sandbox.stats.logins).toBe(1); // only the client-credentials test above logged in
	});

	it('a pasted token the API refuses fails with a clear message', async () => {
		const result = await testCredential(credential, { baseUrl: f.sandbox.baseUrl, authentication: 'accessToken', accessToken: 'expired-or-wrong-token' });
		expect(result).toEqual({ status: 'Error', message: 'The Invoicing API refused the access token' });
		expect(probes().at(-1)?.status).toBe(401);
	});

	it('a wrong client secret fails even when a token from the old secret is stored', async () => {
		const stored = { ...f.credentials };
		expect((await testCredential(credential, stored)).status).toBe('OK');
		expect(stored.sessionToken).toBeTruthy();
		const result = await testCredential(credential, { ...stored, clientSecret: 'changed-but-wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/client authentication failed/);
	});

	it('a Base URL without the API behind it (404) fails', async () => {
		const result = await testCredential(credential, { ...f.credentials, baseUrl: `${f.sandbox.url}/nowhere` });
		expect(result).toEqual({ status: 'Error', message: 'No Invoicing API endpoint at this Base URL (404): check the Base URL' });
	});
});
