/** API keys in real n8n: create (secret withheld), get, update, list. */
import type { E2eCase } from '../harness';
import { byId, fiskalyChain } from '../fiskaly-workflow';

const org = byId('{{FISKALY_OWN_ORGANIZATION_ID}}');
const created = "={{ $('Create').item.json._id }}";

const testCase: E2eCase = {
	name: 'fiskaly Management: API key operations',
	workflow: fiskalyChain('e2eFiskalyKey0001', 'e2e: fiskaly API keys', [
		['Create', { resource: 'apiKey', operation: 'create', organizationId: org, name: 'e2e-key', status: 'enabled' }],
		['Get', { resource: 'apiKey', operation: 'get', organizationId: org, keyId: byId(created) }],
		['Update', { resource: 'apiKey', operation: 'update', organizationId: org, keyId: byId(created), status: 'disabled' }],
		['List', { resource: 'apiKey', operation: 'getAll', organizationId: org, returnAll: true, filters: { status: 'disabled' }, order_by: 'name', order: 'asc' }],
	]),
	check(run, { expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [key] = run.output('Create');
		equal(key?.name, 'e2e-key', 'created');
		expect(key && !('secret' in key), 'the new secret is not in the output');
		equal(run.output('Get')[0]?._id, key?._id, 'get returns it');
		equal(run.output('Update')[0]?.status, 'disabled', 'update disabled it');
		equal(run.output('List').map((k) => k.name), ['e2e-key'], 'list filtered by status finds it');
	},
};

export default testCase;
