/**
 * The runner itself works, independent of our nodes: n8n's own HTTP Request node logs in to the fiskaly sandbox
 * (POST {baseUrl}/auth with the sandbox API key) and gets a token for the sandbox's own organization.
 */
import type { E2eCase } from '../harness';

const testCase: E2eCase = {
	name: 'n8n HTTP Request node gets a token from the fiskaly sandbox',
	workflow: {
		id: 'e2eN8nSmoke00001',
		name: 'e2e: n8n smoke (HTTP Request -> fiskaly sandbox /auth)',
		nodes: [
			{ id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'a2',
				name: 'Auth',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'POST',
					url: '{{FISKALY_BASE_URL}}/auth',
					sendBody: true,
					bodyParameters: {
						parameters: [
							{ name: 'api_key', value: '{{FISKALY_API_KEY}}' },
							{ name: 'api_secret', value: '{{FISKALY_API_SECRET}}' },
						],
					},
					options: {},
				},
			},
		],
		connections: { Start: { main: [[{ node: 'Auth', type: 'main', index: 0 }]] } },
	},
	check(run, { fiskaly, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [answer, ...more] = run.output('Auth');
		equal(more.length, 0, 'one item');
		expect(typeof answer?.access_token === 'string' && answer.access_token.length > 0, 'an access token is returned');
		equal(answer?.access_token_claims?.organization_id, fiskaly.ownOrganizationId, 'the token is for the sandbox organization');
		// The sandbox is shared by all cases, so other logins may be recorded too.
		const logins = fiskaly.requests.filter((r) => r.method === 'POST' && r.path === '/api/v0/auth' && r.status === 200);
		expect(logins.length > 0, 'the sandbox recorded a successful POST /api/v0/auth');
	},
};

export default testCase;
