/** n8n's own credential test for the Invoicing API credential (client credentials): right secret passes, a wrong one fails. */
import { CREDENTIAL_TEST_INVOICE_ID } from '../../../packages/n8n-nodes-regtech-invoicing/credentials/InvoicingApi.credentials';
import type { E2eCase } from '../harness';

const testCase: E2eCase = {
	name: 'Invoicing API credential test in real n8n (right client secret passes, wrong one fails)',
	needsServer: true,
	check(_run, { credentialTests, invoicingApi, expect, equal }) {
		const result = credentialTests.invoicingApi;
		if (!expect(result, 'the credential test ran')) return;
		equal(result.ok.status, 'OK', `the sandbox client credentials pass (${result.ok.message})`);
		equal(result.wrongSecret.status, 'Error', 'a wrong client secret fails');
		expect(/client authentication failed/.test(result.wrongSecret.message), `it fails at the login (${result.wrongSecret.message})`);
		expect(!result.wrongSecret.message.includes(result.wrongValue), 'the message does not repeat the secret');
		expect(!result.ok.message.includes(invoicingApi.clientSecret), 'no secret in the success message');
		const probes = invoicingApi.requests.filter((r) => r.path === `/api/invoice/${CREDENTIAL_TEST_INVOICE_ID}/status`);
		expect(probes.some((r) => r.status === 400), 'the accepted token got "unknown invoice" (400) for the made-up invoice');
	},
};

export default testCase;
