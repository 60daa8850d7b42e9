/** Token claims and the polling trigger (a manual run returns a sample) in real n8n. */
import type { E2eCase } from '../harness';
import { FISKALY_NODE, FISKALY_TRIGGER, fiskalyChain } from '../fiskaly-workflow';

const workflow = fiskalyChain('e2eFiskalyTrig001', 'e2e: fiskaly trigger and token claims', [['Claims', { resource: 'token', operation: 'getClaims' }]]);
// Replace the manual trigger with the fiskaly trigger, watching new organizations.
const nodes = workflow.nodes as Array<Record<string, unknown>>;
nodes[0] = { ...nodes[1], id: 'trigger', name: 'Start', type: FISKALY_TRIGGER, position: [0, 0], parameters: { event: 'newOrganization' } };
nodes[1] = { ...nodes[1], type: FISKALY_NODE };

const testCase: E2eCase = {
	name: 'fiskaly Management Trigger sample and token claims',
	workflow,
	check(run, { fiskaly, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const sample = run.output('Start');
		equal(sample.length, 1, 'the trigger returns one sample organization');
		expect(typeof sample[0]?._id === 'string', 'the sample is an organization');
		const [claims] = run.output('Claims');
		equal(claims?.env, 'TEST', 'claims: environment');
		equal(claims?.organization_id, fiskaly.ownOrganizationId, 'claims: own organization');
		equal(Object.keys(claims ?? {}).sort(), ['access_token_expires_at', 'env', 'organization_id'], 'no token in the output');
	},
};

export default testCase;
