/**
 * The fiskaly credential also works in n8n's own HTTP Request node: n8n calls its preAuthentication
 * (our shared token login) and applies its authenticate block. Proves the credential in real n8n.
 */
import type { E2eCase } from '../harness';

const testCase: E2eCase = {
	name: 'fiskaly credential in n8n\'s HTTP Request node (preAuthentication in real n8n)',
	workflow: {
		id: 'e2eFiskalyHttp001',
		name: 'e2e: fiskaly credential in HTTP Request',
		nodes: [
			{ id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'a2',
				name: 'List',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'GET',
					url: '{{FISKALY_BASE_URL}}/organizations',
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'fiskalyManagementApi',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'limit', value: '5' }] },
					options: {},
				},
				credentials: { fiskalyManagementApi: { id: '{{FISKALY_CREDENTIAL_ID}}', name: '{{FISKALY_CREDENTIAL_NAME}}' } },
			},
		],
		connections: { Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] } },
	} as unknown as E2eCase['workflow'],
	check(run, { fiskaly, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [answer] = run.output('List');
		equal(answer?._type, 'ORGANIZATION_LIST', 'the list answer came back');
		const listCalls = fiskaly.requests.filter((r) => r.method === 'GET' && r.path === '/api/v0/organizations' && r.query.limit === '5');
		equal(listCalls.map((r) => r.status), [200], 'one authorised list request, no 401');
		expect(String(listCalls[0]?.headers.authorization ?? '').startsWith('Bearer '), 'sent with the bearer token from preAuthentication');
	},
};

export default testCase;
