/** Billing addresses in real n8n: create, get, update, list. */
import type { E2eCase } from '../harness';
import { fiskalyChain } from '../fiskaly-workflow';

const created = "={{ $('Create').item.json._id }}";

const testCase: E2eCase = {
	name: 'fiskaly Management: billing address operations',
	workflow: fiskalyChain('e2eFiskalyBill001', 'e2e: fiskaly billing addresses', [
		['Create', { resource: 'billingAddress', operation: 'create', recipient: 'E2E GmbH', address_line1: 'Ring 2', zip: '80331', town: 'München', country_code: 'DEU' }],
		['Get', { resource: 'billingAddress', operation: 'get', addressId: created }],
		['Update', { resource: 'billingAddress', operation: 'update', addressId: created, updateFields: { recipient_additions: 'Buchhaltung' } }],
		['List', { resource: 'billingAddress', operation: 'getAll', returnAll: true }],
	]),
	check(run, { expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [address] = run.output('Create');
		equal(address?._type, 'BILLING_ADDRESS', 'created');
		equal(run.output('Get')[0]?.town, 'München', 'get returns it');
		equal(run.output('Update')[0]?.recipient_additions, 'Buchhaltung', 'updated');
		expect(run.output('List').some((a) => a._id === address?._id), 'list includes it');
	},
};

export default testCase;
