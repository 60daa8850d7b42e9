/** Every organization operation in one real-n8n run: create (managed), get, update, enable LIVE, delete, list. */
import type { E2eCase } from '../harness';
import { byId, fiskalyChain } from '../fiskaly-workflow';

const created = "={{ $('Create').item.json._id }}";

const testCase: E2eCase = {
	name: 'fiskaly Management: organization operations',
	workflow: fiskalyChain('e2eFiskalyOrg0001', 'e2e: fiskaly organizations', [
		['Create', {
			resource: 'organization', operation: 'create', name: 'E2E Filiale GmbH', address_line1: 'Hauptstrasse 1', zip: '10115', town: 'Berlin', country_code: 'DEU',
			additionalFields: { managed_by_organization_id: '{{FISKALY_OWN_ORGANIZATION_ID}}' },
			metadata: { entries: [{ key: 'source', value: 'e2e' }] },
		}],
		['Get', { resource: 'organization', operation: 'get', organizationId: byId(created) }],
		['Update', { resource: 'organization', operation: 'update', organizationId: byId(created), updateFields: { town: 'Hamburg' } }],
		['Enable Live', { resource: 'organization', operation: 'enableEnvironment', organizationId: byId(created), env: 'LIVE' }],
		['Delete', { resource: 'organization', operation: 'delete', organizationId: byId(created) }],
		['List', { resource: 'organization', operation: 'getAll', returnAll: true, filters: { type: 'ORGANIZATION' }, order_by: 'name', order: 'asc' }],
	]),
	check(run, { fiskaly, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [org] = run.output('Create');
		equal(org?._type, 'MANAGED_ORGANIZATION', 'create made a managed organization');
		const { n8n_creation_key: creationMarker, ...metadata } = (org?.metadata ?? {}) as Record<string, unknown>;
		equal(metadata, { source: 'e2e' }, 'metadata was sent as an object');
		expect(/^[0-9a-f-]{36}$/.test(String(creationMarker)), 'the creation marker (for lost answers) was added');
		equal(run.output('Get')[0]?._id, org?._id, 'get returns it');
		equal(run.output('Update')[0]?.town, 'Hamburg', 'update changed the town');
		equal(run.output('Enable Live')[0], { success: true, organizationId: org?._id, env: 'LIVE', alreadyEnabled: false, alreadyDone: false }, 'LIVE enabled');
		equal(run.output('Delete')[0], { success: true, organizationId: org?._id, deleted: true }, 'deleted');
		expect(!fiskaly.state.organizations.has(org?._id), 'the sandbox no longer has it');
		expect(run.output('List').some((o) => o._id === fiskaly.ownOrganizationId), 'list includes the own organization');
	},
};

export default testCase;
