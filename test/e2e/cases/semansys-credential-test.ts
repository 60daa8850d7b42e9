/** n8n's own credential test for the Semansys credential: the sandbox account passes, a wrong secret fails. */
import type { E2eCase } from '../harness';

const testCase: E2eCase = {
	name: 'Semansys credential test in real n8n (right credentials pass, wrong secret and password fail)',
	needsServer: true,
	check(_run, { credentialTests, semansys, expect, equal }) {
		const result = credentialTests.semansys;
		if (!expect(result, 'the credential test ran')) return;
		equal(result.ok.status, 'OK', 'the sandbox credentials pass');
		equal(result.wrongSecret.status, 'Error', 'a wrong client secret and password fail');
		expect(!result.wrongSecret.message.includes(result.wrongValue), 'the message does not repeat the wrong secret');
		expect(!`${result.ok.message} ${result.wrongSecret.message}`.includes(semansys.clientSecret), 'no secret in the messages');
		expect(semansys.requests.some((r) => r.path === '/api/customer-corner/users' && r.status === 200), 'the test read the documented endpoint');
	},
};

export default testCase;
