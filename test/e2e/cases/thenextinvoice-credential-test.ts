/** n8n's own credential test for the TheNextInvoice API-token credential: right token passes, a wrong one fails. */
import type { E2eCase } from '../harness';

const testCase: E2eCase = {
	name: 'TheNextInvoice credential test in real n8n (right token passes, wrong token fails)',
	needsServer: true,
	check(_run, { credentialTests, theNextInvoice, expect, equal }) {
		const result = credentialTests.theNextInvoice;
		if (!expect(result, 'the credential test ran')) return;
		equal(result.ok.status, 'OK', 'the sandbox token passes');
		equal(result.wrongSecret.status, 'Error', 'a wrong API token fails');
		expect(!result.wrongSecret.message.includes(result.wrongValue), 'the message does not repeat the token');
		expect(!result.ok.message.includes(theNextInvoice.apiToken), 'no token in the success message');
	},
};

export default testCase;
