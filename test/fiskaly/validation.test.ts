import type { INodeParameters } from 'n8n-workflow';

import { newOrganization, orgLocator, startFiskaly, type FiskalyFixture } from './setup';

let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly();
});
afterAll(async () => await f.sandbox.close());
beforeEach(() => f.sandbox.clearRequests());

const own = () => orgLocator(f.sandbox.ownOrganizationId);
const tooManyKeys = { entries: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })) };

/**
 * Each rule: parameters that break it, and the field the error must name. Values n8n itself checks
 * before running (required fields, locator regex) are given as expressions, as data from earlier nodes would be.
 */
const invalidInputs: Array<[string, () => INodeParameters, RegExp]> = [
	['organization name shorter than 3', () => newOrganization('AB'), /"Name": must be at least 3 characters/],
	['empty town', () => newOrganization('Valid Name', { town: '  ' }), /"Town": must not be empty/],
	['unknown country code', () => newOrganization('Valid Name', { country_code: 'XXX' }), /"Country Code": must be one of/],
	['malformed managing organization id', () => newOrganization('Valid Name', { additionalFields: { managed_by_organization_id: 'not-a-uuid' } }), /"Additional Fields" › Managed By Organization ID: must be a UUID/],
	['GLN not 13 digits', () => newOrganization('Valid Name', { billing_options: { gln: '123' } }), /"Billing Options" › GLN: must be 13 digits/],
	['more than 20 metadata keys', () => newOrganization('Valid Name', { metadata: tooManyKeys }), /"Metadata": fiskaly accepts at most 20 metadata keys/],
	['metadata key over 40 characters', () => newOrganization('Valid Name', { metadata: { entries: [{ key: 'k'.repeat(41), value: 'v' }] } }), /"Metadata" › entry 1 › Key: must be at most 40 characters/],
	['metadata value over 500 characters', () => newOrganization('Valid Name', { metadata: { entries: [{ key: 'k', value: 'v'.repeat(501) }] } }), /"Metadata" › entry 1 › Value: must be at most 500 characters/],
	['duplicate metadata keys', () => newOrganization('Valid Name', { metadata: { entries: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } }), /key "a" appears twice/],
	['API key name with capitals', () => ({ resource: 'apiKey', operation: 'create', organizationId: own(), name: 'ERP', status: 'enabled' }), /"Name": must be 3 to 30 characters/],
	['API key name too long', () => ({ resource: 'apiKey', operation: 'create', organizationId: own(), name: 'a'.repeat(31), status: 'enabled' }), /"Name": must be 3 to 30/],
	['organization id not a UUID', () => ({ resource: 'organization', operation: 'get', organizationId: orgLocator('={{ "12345" }}') }), /"Organization": must be a UUID/],
	['invite with a bad e-mail', () => ({ resource: 'user', operation: 'invite', organizationId: own(), email: 'anna-at-example' }), /"Email": must be an e-mail address/],
	['update with nothing to change', () => ({ resource: 'organization', operation: 'update', organizationId: own(), updateFields: {} }), /"Update Fields": add at least one field/],
	['API key update with nothing to change', () => ({ resource: 'apiKey', operation: 'update', organizationId: own(), keyId: own(), status: '' }), /"Status": choose a status/],
	['billing address without recipient', () => ({ resource: 'billingAddress', operation: 'create', recipient: '={{ "" }}', address_line1: 'a', zip: '1', town: 't', country_code: 'DEU' }), /"Recipient": must not be empty/],
	['limit below 1', () => ({ resource: 'organization', operation: 'getAll', returnAll: false, limit: 0, filters: {}, order_by: 'name', order: 'asc' }), /"Limit" must be a whole number/],
];

describe('validation', () => {
	it.each(invalidInputs)('%s: names the field and the item, sends nothing', async (_rule, parameters, expected) => {
		const { error } = await f.run(parameters(), { input: [{}, {}] });
		expect(error?.message).toMatch(/^Invalid input in item 0: /);
		expect(error?.message).toMatch(expected);
		expect(f.apiCalls()).toEqual([]);
	});
});

describe('continue on fail', () => {
	it('turns a bad item into an error item paired with its input, and runs the others', async () => {
		const input = [{ name: 'First GmbH' }, { name: 'X' }, { name: 'Third GmbH' }];
		const { items } = await f.run(newOrganization('={{ $json.name }}'), { input, continueOnFail: true });
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.name).toBe('First GmbH');
		expect(items[1].json.error).toMatch(/^Invalid input in item 1: "Name": must be at least 3 characters/);
		expect(items[2].json.name).toBe('Third GmbH');
		expect(f.apiCalls()).toEqual(['POST /api/v0/organizations', 'POST /api/v0/organizations']);
	});

	it('an API error becomes an error item too', async () => {
		const { items } = await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator('00000000-0000-4000-8000-000000000001') }, { continueOnFail: true });
		expect(items[0]).toMatchObject({ json: { error: expect.stringMatching(/E_NOT_FOUND/), errorDetails: expect.stringMatching(/HTTP 404/) }, pairedItem: { item: 0 } });
	});
});
