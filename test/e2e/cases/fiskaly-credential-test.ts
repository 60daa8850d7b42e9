/** n8n's own credential test ("Test" in the credential dialog) for the fiskaly credential, right and wrong secret. */
import type { E2eCase } from '../harness';

const testCase: E2eCase = {
	name: 'fiskaly credential test in real n8n (right secret passes, wrong secret fails clearly)',
	needsServer: true,
	check(_run, { credentialTests, fiskaly, expect, equal }) {
		const result = credentialTests.fiskaly;
		if (!expect(result, 'the credential test ran')) return;
		equal(result.ok.status, 'OK', 'the sandbox credential passes');
		equal(result.wrongSecret.status, 'Error', 'a wrong API secret fails');
		expect(/fiskaly/i.test(result.wrongSecret.message) || /401|auth/i.test(result.wrongSecret.message), `the failure says why ("${result.wrongSecret.message}")`);
		expect(!result.wrongSecret.message.includes(result.wrongValue), 'the message does not repeat the secret');
		expect(!result.ok.message.includes(fiskaly.apiSecret), 'no secret in the success message');
	},
};

export default testCase;
