/** Users in real n8n: invite, list with a filter, remove. */
import type { E2eCase } from '../harness';
import { byId, fiskalyChain } from '../fiskaly-workflow';

const org = byId('{{FISKALY_OWN_ORGANIZATION_ID}}');

const testCase: E2eCase = {
	name: 'fiskaly Management: user operations',
	workflow: fiskalyChain('e2eFiskalyUser001', 'e2e: fiskaly users', [
		['Invite', { resource: 'user', operation: 'invite', organizationId: org, email: 'e2e.user@example.com', additionalFields: { first_name: 'Eva' } }],
		['List', { resource: 'user', operation: 'getAll', organizationId: org, returnAll: true, filters: { email: 'e2e.user' }, order_by: 'email', order: 'asc' }],
		['Remove', { resource: 'user', operation: 'delete', organizationId: org, userId: "={{ $('Invite').item.json._id }}" }],
	]),
	check(run, { fiskaly, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [user] = run.output('Invite');
		equal(user?.email, 'e2e.user@example.com', 'invited');
		equal(run.output('List').map((u) => u.email), ['e2e.user@example.com'], 'list filtered by e-mail finds the user');
		equal(run.output('Remove')[0]?.success, true, 'removed');
		const members = fiskaly.requests.filter((r) => r.method === 'DELETE' && r.path.includes('/users/'));
		equal(members.map((r) => r.status), [200], 'the sandbox saw one successful removal');
	},
};

export default testCase;
