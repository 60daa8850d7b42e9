import type { AxiosInstance } from 'axios';
import { FISKALY_COUNTRY_CODES, startFiskalySandbox, type FiskalySandbox } from '../sandbox/fiskaly';
import { expectVendorError, login, UUID_PATTERN, validOrganization } from './helpers';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('fiskaly sandbox: organizations', () => {
	let sandbox: FiskalySandbox;
	let api: AxiosInstance;

	beforeEach(async () => {
		sandbox = await startFiskalySandbox();
		({ api } = await login(sandbox));
	});
	afterEach(() => sandbox.close());

	it("starts with the caller's own organization", async () => {
		const response = await api.get(`/organizations/${sandbox.ownOrganizationId}`);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
			_id: sandbox.ownOrganizationId,
			_type: 'ORGANIZATION',
			_envs: ['TEST'],
			name: 'Sandbox Main Organization',
		});
		const list = await api.get('/organizations');
		expect(list.data).toEqual({ data: [response.data], count: 1, _type: 'ORGANIZATION_LIST' });
	});

	it('creates an organization with every documented field and returns it on retrieve', async () => {
		const body = validOrganization({
			display_name: 'Acme',
			vat_id: 'DE123456789',
			contact_person_id: UNKNOWN_ID,
			address_line2: 'Hinterhaus',
			state: 'BE',
			tax_number: '12/345/67890',
			economy_id: 'DE123456789-00001',
			billing_options: { gln: '9012345000004', withhold_billing: true, bill_to_organization: sandbox.ownOrganizationId },
			billing_address_id: UNKNOWN_ID,
			metadata: { my_property_1: '1234' },
		});
		const created = await api.post('/organizations', body);
		expect(created.status).toBe(200);
		expect(created.data).toEqual({
			...body,
			_id: expect.stringMatching(UUID_PATTERN),
			_type: 'ORGANIZATION',
			_envs: ['TEST'],
			created_by_user: expect.stringMatching(UUID_PATTERN),
		});
		expect((await api.get(`/organizations/${created.data._id}`)).data).toEqual(created.data);
		expect(sandbox.state.organizations.get(created.data._id)).toMatchObject(body);
	});

	it('creates managed organizations and filters by type and manager', async () => {
		const managed = await api.post('/organizations', validOrganization({ name: 'Filiale', managed_by_organization_id: sandbox.ownOrganizationId }));
		expect(managed.data).toMatchObject({ _type: 'MANAGED_ORGANIZATION', managed_by_organization_id: sandbox.ownOrganizationId });
		await api.post('/organizations', validOrganization({ name: 'Unrelated' }));

		const byType = await api.get('/organizations', { params: { type: 'MANAGED_ORGANIZATION' } });
		expect(byType.data.data.map((o: { _id: string }) => o._id)).toEqual([managed.data._id]);
		expect(byType.data.count).toBe(1);
		const byManager = await api.get('/organizations', { params: { managed_by_organization_id: sandbox.ownOrganizationId } });
		expect(byManager.data.count).toBe(1);
		expect((await api.get('/organizations', { params: { type: 'ORGANIZATION' } })).data.count).toBe(2);

		const unknownManager = await api.post('/organizations', validOrganization({ managed_by_organization_id: UNKNOWN_ID }));
		expectVendorError(unknownManager, 400, 'E_VALIDATION');
		expect(unknownManager.data.message).toContain('managed_by_organization_id');
	});

	it.each([
		['a short name', { name: 'ab' }, 'name'],
		['a missing name', { name: undefined }, 'name'],
		['an empty town', { town: '' }, 'town'],
		['a missing zip', { zip: undefined }, 'zip'],
		['a missing address_line1', { address_line1: undefined }, 'address_line1'],
		['an unknown country code', { country_code: 'XXX' }, 'country_code'],
		['an alpha-2 country code', { country_code: 'DE' }, 'country_code'],
		['a non-UUID contact person', { contact_person_id: '42' }, 'contact_person_id'],
		['a non-UUID billing address', { billing_address_id: 'abc' }, 'billing_address_id'],
		['a non-UUID manager', { managed_by_organization_id: 'abc' }, 'managed_by_organization_id'],
		['a non-UUID bill_to_organization', { billing_options: { bill_to_organization: 'x' } }, 'billing_options.bill_to_organization'],
		['a non-boolean withhold_billing', { billing_options: { withhold_billing: 'yes' } }, 'billing_options.withhold_billing'],
		['an unknown bill_to_organization', { billing_options: { bill_to_organization: UNKNOWN_ID } }, 'billing_options.bill_to_organization'],
		['21 metadata keys', { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
		['a 41-character metadata key', { metadata: { ['k'.repeat(41)]: 'v' } }, 'metadata'],
		['a 501-character metadata value', { metadata: { k: 'v'.repeat(501) } }, 'metadata.k'],
		['a non-string metadata value', { metadata: { k: 1 } }, 'metadata.k'],
		['an unknown field', { colour: 'red' }, 'colour'],
	])('rejects %s with 400 E_VALIDATION', async (_case, overrides, field) => {
		const response = await api.post('/organizations', validOrganization(overrides));
		expectVendorError(response, 400, 'E_VALIDATION');
		expect(response.data.message).toContain(`${field}:`);
		expect(sandbox.state.organizations.size).toBe(1);
	});

	it('accepts metadata at the documented limits', async () => {
		const metadata = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`${i}`.padEnd(40, 'k'), 'v'.repeat(500)]));
		expect((await api.post('/organizations', validOrganization({ metadata }))).status).toBe(200);
	});

	it('rejects malformed bodies with 400', async () => {
		const invalidJson = await api.post('/organizations', '{"name":', {
			headers: { 'Content-Type': 'application/json' },
			transformRequest: [(data: string) => data],
		});
		expectVendorError(invalidJson, 400, 'E_BAD_REQUEST');
		expectVendorError(await api.post('/organizations', [validOrganization()]), 400, 'E_BAD_REQUEST');
	});

	it('answers 404 for unknown and 400 for malformed organization ids', async () => {
		expectVendorError(await api.get(`/organizations/${UNKNOWN_ID}`), 404, 'E_NOT_FOUND');
		expectVendorError(await api.get('/organizations/not-a-uuid'), 400, 'E_VALIDATION');
		expectVendorError(await api.patch(`/organizations/${UNKNOWN_ID}`, { name: 'New name' }), 404, 'E_NOT_FOUND');
		expectVendorError(await api.delete(`/organizations/${UNKNOWN_ID}`), 404, 'E_NOT_FOUND');
	});

	it('updates partially with PATCH (and still PUT), validating the same rules', async () => {
		const { data: created } = await api.post('/organizations', validOrganization({ metadata: { a: '1' } }));
		const patched = await api.patch(`/organizations/${created._id}`, { town: 'Hamburg', metadata: { b: '2' } });
		expect(patched.status).toBe(200);
		expect(patched.data).toEqual({ ...created, town: 'Hamburg', metadata: { b: '2' } });

		const put = await api.put(`/organizations/${created._id}`, { display_name: 'Acme HH' });
		expect(put.data).toMatchObject({ town: 'Hamburg', display_name: 'Acme HH' });

		expectVendorError(await api.patch(`/organizations/${created._id}`, { name: 'x' }), 400, 'E_VALIDATION');
		expectVendorError(await api.patch(`/organizations/${created._id}`, { country_code: 'ZZZ' }), 400, 'E_VALIDATION');
		expectVendorError(await api.patch(`/organizations/${created._id}`, { managed_by_organization_id: sandbox.ownOrganizationId }), 400, 'E_VALIDATION');
		expect((await api.get(`/organizations/${created._id}`)).data).toEqual(put.data);
	});

	it('accepts managed_by_organization_id in an update only with its current value', async () => {
		const { data: managed } = await api.post('/organizations', validOrganization({ managed_by_organization_id: sandbox.ownOrganizationId }));
		const same = await api.patch(`/organizations/${managed._id}`, { managed_by_organization_id: sandbox.ownOrganizationId, zip: '20095' });
		expect(same.data).toMatchObject({ _type: 'MANAGED_ORGANIZATION', zip: '20095' });
	});

	it('deletes organizations with {"_success": true}', async () => {
		const { data: created } = await api.post('/organizations', validOrganization());
		const deleted = await api.delete(`/organizations/${created._id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.data).toEqual({ _success: true });
		expectVendorError(await api.get(`/organizations/${created._id}`), 404, 'E_NOT_FOUND');
		expectVendorError(await api.delete(`/organizations/${created._id}`), 404, 'E_NOT_FOUND');
	});

	it('enables environments and filters the list by env', async () => {
		const { data: created } = await api.post('/organizations', validOrganization());
		const enabled = await api.post(`/organizations/${created._id}/enable-env`, { env: 'LIVE' });
		expect(enabled.data).toEqual({ _success: true });
		expect((await api.get(`/organizations/${created._id}`)).data._envs).toEqual(['TEST', 'LIVE']);
		await api.post(`/organizations/${created._id}/enable-env`, { env: 'LIVE' }); // idempotent
		expect((await api.get(`/organizations/${created._id}`)).data._envs).toEqual(['TEST', 'LIVE']);

		const live = await api.get('/organizations', { params: { env: 'LIVE' } });
		expect(live.data.data.map((o: { _id: string }) => o._id)).toEqual([created._id]);
		expect((await api.get('/organizations', { params: { env: 'TEST' } })).data.count).toBe(2);

		expectVendorError(await api.post(`/organizations/${created._id}/enable-env`, { env: 'PROD' }), 400, 'E_VALIDATION');
		expectVendorError(await api.post(`/organizations/${created._id}/enable-env`, {}), 400, 'E_VALIDATION');
		expectVendorError(await api.post(`/organizations/${UNKNOWN_ID}/enable-env`, { env: 'LIVE' }), 404, 'E_NOT_FOUND');
	});

	it.each([
		['order_by', 'created_at'],
		['order', 'ascending'],
		['limit', '5001'],
		['limit', '0'],
		['limit', 'ten'],
		['offset', '-1'],
		['env', 'DEV'],
		['type', 'USER'],
		['managed_by_organization_id', 'nope'],
	])('rejects the list query %s=%s with 400', async (name, value) => {
		const response = await api.get('/organizations', { params: { [name]: value } });
		expectVendorError(response, 400, 'E_VALIDATION');
		expect(response.data.message).toContain(name);
	});

	it('sorts by order_by with ties broken by _id and pages with a total count', async () => {
		for (const [name, zip] of [
			['Delta', '30000'],
			['Alpha', '20000'],
			['Charlie', '20000'],
			['Bravo', '10000'],
		]) {
			await api.post('/organizations', validOrganization({ name, zip }));
		}
		const names = async (params: Record<string, unknown>) => {
			const response = await api.get('/organizations', { params });
			return { names: response.data.data.map((o: { name: string }) => o.name), count: response.data.count };
		};
		expect(await names({ limit: 2 })).toEqual({ names: ['Alpha', 'Bravo'], count: 5 });
		expect(await names({ limit: 2, offset: 4 })).toEqual({ names: ['Sandbox Main Organization'], count: 5 });
		expect(await names({ order: 'desc', limit: 1 })).toEqual({ names: ['Sandbox Main Organization'], count: 5 });
		expect(await names({ offset: 10 })).toEqual({ names: [], count: 5 });

		const byZip = (await names({ order_by: 'zip' })).names;
		expect(byZip.slice(0, 2)).toEqual(['Bravo', 'Sandbox Main Organization']); // own org: zip 10115
		const [alpha, charlie] = ['Alpha', 'Charlie'].map((name) => [...sandbox.state.organizations.values()].find((o) => o.name === name)._id);
		expect(byZip.slice(2, 4)).toEqual(alpha < charlie ? ['Alpha', 'Charlie'] : ['Charlie', 'Alpha']);

		const byId = (await api.get('/organizations', { params: { order_by: 'id' } })).data.data.map((o: { _id: string }) => o._id);
		expect(byId).toEqual([...byId].sort());
	});

	it('copies the full CountryCode enum of the vendor doc', () => {
		expect(FISKALY_COUNTRY_CODES).toHaveLength(249);
		expect(new Set(FISKALY_COUNTRY_CODES).size).toBe(249);
		expect(FISKALY_COUNTRY_CODES).toEqual(expect.arrayContaining(['DEU', 'AUT', 'ITA', 'ESP', 'FRA', 'ALA', 'ZWE']));
		expect(FISKALY_COUNTRY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
		expect(Object.isFrozen(FISKALY_COUNTRY_CODES)).toBe(true);
	});
});

describe('fiskaly sandbox: 10,000 seeded organizations', () => {
	let sandbox: FiskalySandbox;
	let api: AxiosInstance;
	let startMs: number;

	beforeAll(async () => {
		const startedAt = Date.now();
		sandbox = await startFiskalySandbox({ seedOrganizations: 10_000 });
		startMs = Date.now() - startedAt;
		({ api } = await login(sandbox));
	});
	afterAll(() => sandbox.close());

	it('seeds them quickly', () => {
		expect(startMs).toBeLessThan(1000);
		expect(sandbox.state.organizations.size).toBe(10_001);
	});

	it('pages through all of them without overlaps, using count', async () => {
		const seen = new Set<string>();
		let count = Infinity;
		for (let offset = 0; offset < count; offset += 5000) {
			const page = await api.get('/organizations', { params: { limit: 5000, offset } });
			expect(page.status).toBe(200);
			count = page.data.count;
			for (const organization of page.data.data) seen.add(organization._id);
		}
		expect(count).toBe(10_001);
		expect(seen.size).toBe(10_001);
	});

	it('names them in a sortable sequence', async () => {
		const first = await api.get('/organizations', { params: { limit: 2 } });
		expect(first.data.data.map((o: { name: string }) => o.name)).toEqual(['Sandbox Main Organization', 'Seed Org 00001']);
		const last = await api.get('/organizations', { params: { limit: 2, order: 'desc' } });
		expect(last.data.data.map((o: { name: string }) => o.name)).toEqual(['Seed Org 10000', 'Seed Org 09999']);
		expect(last.data.count).toBe(10_001);
	});

	it('uses a default page of 100', async () => {
		const page = await api.get('/organizations', { params: { offset: 9950 } });
		expect(page.data.data).toHaveLength(51);
		expect((await api.get('/organizations')).data.data).toHaveLength(100);
	});
});
