import type { AxiosInstance } from 'axios';
import { startFiskalySandbox, type FiskalySandbox } from '../sandbox/fiskaly';
import { expectVendorError, login, UUID_PATTERN, validOrganization } from './helpers';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let sandbox: FiskalySandbox;
let api: AxiosInstance;

beforeEach(async () => {
	sandbox = await startFiskalySandbox();
	({ api } = await login(sandbox));
});
afterEach(() => sandbox.close());

describe('fiskaly sandbox: API keys', () => {
	const keysOf = (organizationId: string) => `/organizations/${organizationId}/api-keys`;
	const ownKeys = () => keysOf(sandbox.ownOrganizationId);

	it('lists the sandbox key of the own organization without its secret', async () => {
		const list = await api.get(ownKeys());
		expect(list.status).toBe(200);
		expect(list.data).toMatchObject({ count: 1, _type: 'API_KEY_LIST' });
		expect(list.data.data[0]).toMatchObject({ key: sandbox.apiKey, name: 'sandbox-main-key', status: 'enabled', _type: 'API_KEY' });
		expect(list.data.data[0]).not.toHaveProperty('secret');
		expect(list.data.data[0]).not.toHaveProperty('organization_id');
	});

	it('returns the secret only when creating a key', async () => {
		const created = await api.post(ownKeys(), { name: 'erp-sync-1', status: 'enabled', metadata: { owner: 'erp' } });
		expect(created.status).toBe(200);
		expect(created.data).toEqual({
			_id: expect.stringMatching(UUID_PATTERN),
			_type: 'API_KEY',
			_envs: ['TEST'],
			key: expect.any(String),
			secret: expect.any(String),
			created_at: expect.any(Number),
			created_by_user: expect.stringMatching(UUID_PATTERN),
			name: 'erp-sync-1',
			status: 'enabled',
			metadata: { owner: 'erp' },
		});
		expect(Math.abs(created.data.created_at - Date.now() / 1000)).toBeLessThan(5);

		const { secret, ...withoutSecret } = created.data;
		expect(secret.length).toBeGreaterThan(20);
		expect((await api.get(`${ownKeys()}/${created.data._id}`)).data).toEqual(withoutSecret);
		const listed = (await api.get(ownKeys())).data.data;
		expect(listed.every((key: object) => !('secret' in key))).toBe(true);
		expect(sandbox.state.apiKeys.get(created.data._id)).toMatchObject({ secret, organization_id: sandbox.ownOrganizationId });
	});

	it('creates MANAGED_API_KEYs for managed organizations', async () => {
		const { data: managed } = await api.post('/organizations', validOrganization({ managed_by_organization_id: sandbox.ownOrganizationId }));
		const created = await api.post(keysOf(managed._id), { name: 'pos-1', status: 'disabled' });
		expect(created.data).toMatchObject({ _type: 'MANAGED_API_KEY', managed_by_organization_id: sandbox.ownOrganizationId, status: 'disabled' });
	});

	it.each([
		['an upper-case name', { name: 'ERP', status: 'enabled' }, 'name'],
		['a 2-character name', { name: 'ab', status: 'enabled' }, 'name'],
		['a 31-character name', { name: 'a'.repeat(31), status: 'enabled' }, 'name'],
		['an underscore', { name: 'erp_sync', status: 'enabled' }, 'name'],
		['a missing status', { name: 'erp' }, 'status'],
		['an unknown status', { name: 'erp', status: 'paused' }, 'status'],
		['oversized metadata', { name: 'erp', status: 'enabled', metadata: { k: 'v'.repeat(501) } }, 'metadata.k'],
	])('rejects %s with 400', async (_case, body, field) => {
		const response = await api.post(ownKeys(), body);
		expectVendorError(response, 400, 'E_VALIDATION');
		expect(response.data.message).toContain(`${field}:`);
	});

	it('answers 409 for a duplicate name within the organization only', async () => {
		expect((await api.post(ownKeys(), { name: 'erp', status: 'enabled' })).status).toBe(200);
		expectVendorError(await api.post(ownKeys(), { name: 'erp', status: 'disabled' }), 409, 'E_CONFLICT');
		const { data: other } = await api.post('/organizations', validOrganization());
		expect((await api.post(keysOf(other._id), { name: 'erp', status: 'enabled' })).status).toBe(200);
	});

	it('answers 404 for unknown organizations and keys of other organizations', async () => {
		expectVendorError(await api.get(keysOf(UNKNOWN_ID)), 404, 'E_NOT_FOUND');
		expectVendorError(await api.post(keysOf(UNKNOWN_ID), { name: 'erp', status: 'enabled' }), 404, 'E_NOT_FOUND');
		expectVendorError(await api.get(`${ownKeys()}/${UNKNOWN_ID}`), 404, 'E_NOT_FOUND');
		expectVendorError(await api.get(`${ownKeys()}/not-a-uuid`), 400, 'E_VALIDATION');
		const { data: other } = await api.post('/organizations', validOrganization());
		const { data: foreignKey } = await api.post(keysOf(other._id), { name: 'foreign', status: 'enabled' });
		expectVendorError(await api.get(`${ownKeys()}/${foreignKey._id}`), 404, 'E_NOT_FOUND');
	});

	it('updates status and metadata with PATCH, nothing else', async () => {
		const { data: created } = await api.post(ownKeys(), { name: 'erp', status: 'enabled' });
		const patched = await api.patch(`${ownKeys()}/${created._id}`, { status: 'disabled', metadata: { reason: 'rotation' } });
		expect(patched.data).toMatchObject({ _id: created._id, status: 'disabled', metadata: { reason: 'rotation' } });
		expect(patched.data).not.toHaveProperty('secret');
		expectVendorError(await api.patch(`${ownKeys()}/${created._id}`, { name: 'renamed' }), 400, 'E_VALIDATION');
		expectVendorError(await api.patch(`${ownKeys()}/${created._id}`, { status: 'off' }), 400, 'E_VALIDATION');
	});

	it('filters by status, sorts, pages (limit <= 100) and counts', async () => {
		for (const [name, status] of [
			['charlie', 'enabled'],
			['alpha', 'disabled'],
			['bravo', 'disabled'],
		]) {
			await api.post(ownKeys(), { name, status });
		}
		const disabled = await api.get(ownKeys(), { params: { status: 'disabled', order_by: 'name' } });
		expect(disabled.data.data.map((k: { name: string }) => k.name)).toEqual(['alpha', 'bravo']);
		expect(disabled.data.count).toBe(2);
		const page = await api.get(ownKeys(), { params: { order_by: 'name', order: 'desc', limit: 2, offset: 1 } });
		expect(page.data.data.map((k: { name: string }) => k.name)).toEqual(['charlie', 'bravo']);
		expect(page.data.count).toBe(4);
		expectVendorError(await api.get(ownKeys(), { params: { limit: 101 } }), 400, 'E_VALIDATION');
		expectVendorError(await api.get(ownKeys(), { params: { status: 'active' } }), 400, 'E_VALIDATION');
		expectVendorError(await api.get(ownKeys(), { params: { order_by: 'key' } }), 400, 'E_VALIDATION');
	});
});

describe('fiskaly sandbox: users', () => {
	const usersOf = (organizationId: string) => `/organizations/${organizationId}/users`;
	const ownUsers = () => usersOf(sandbox.ownOrganizationId);

	it('lists the owner of the own organization', async () => {
		const list = await api.get(ownUsers());
		expect(list.data).toEqual({
			data: [{ _id: expect.stringMatching(UUID_PATTERN), _type: 'USER', _envs: ['TEST'], email: expect.any(String), first_name: 'Sandbox', last_name: 'Owner' }],
			count: 1,
			_type: 'USER_LIST',
		});
	});

	it('invites users and answers 409 when they are already members', async () => {
		const invited = await api.post(ownUsers(), { email: 'Jane.Doe@example.com', first_name: 'Jane', last_name: 'Doe' });
		expect(invited.data).toEqual({
			_id: expect.stringMatching(UUID_PATTERN),
			_type: 'USER',
			_envs: ['TEST'],
			email: 'Jane.Doe@example.com',
			first_name: 'Jane',
			last_name: 'Doe',
		});
		expectVendorError(await api.post(ownUsers(), { email: 'jane.doe@EXAMPLE.com' }), 409, 'E_CONFLICT');

		// The same person in a second organization stays one user.
		const { data: other } = await api.post('/organizations', validOrganization());
		const again = await api.post(usersOf(other._id), { email: 'jane.doe@example.com' });
		expect(again.data._id).toBe(invited.data._id);
	});

	it.each([
		['a missing email', { first_name: 'X' }],
		['an invalid email', { email: 'not-an-email' }],
		['a non-string name', { email: 'a@b.de', first_name: 5 }],
		['an unknown field', { email: 'a@b.de', role: 'admin' }],
	])('rejects %s with 400', async (_case, body) => {
		expectVendorError(await api.post(ownUsers(), body), 400, 'E_VALIDATION');
	});

	it('filters case-insensitively by substring, sorts and pages', async () => {
		for (const [email, first_name, last_name] of [
			['anna@shop.de', 'Anna', 'Zeller'],
			['bernd@shop.de', 'Bernd', 'Albers'],
			['carla@other.at', 'Carla', 'Huber'],
		]) {
			await api.post(ownUsers(), { email, first_name, last_name });
		}
		const emails = async (params: Record<string, unknown>) => {
			const response = await api.get(ownUsers(), { params });
			return { emails: response.data.data.map((u: { email: string }) => u.email), count: response.data.count };
		};
		expect(await emails({ email: 'SHOP' })).toEqual({ emails: ['anna@shop.de', 'bernd@shop.de'], count: 2 });
		expect(await emails({ first_name: 'ar' })).toEqual({ emails: ['carla@other.at'], count: 1 });
		expect(await emails({ last_name: 'ALB', email: 'shop' })).toEqual({ emails: ['bernd@shop.de'], count: 1 });
		expect(await emails({ order_by: 'last_name', limit: 2 })).toEqual({ emails: ['bernd@shop.de', 'carla@other.at'], count: 4 });
		expectVendorError(await api.get(ownUsers(), { params: { limit: 5001 } }), 400, 'E_VALIDATION');
		expectVendorError(await api.get(ownUsers(), { params: { order_by: 'role' } }), 400, 'E_VALIDATION');
	});

	it('removes users from an organization, 404 when not a member', async () => {
		const { data: user } = await api.post(ownUsers(), { email: 'temp@example.com' });
		const removed = await api.delete(`${ownUsers()}/${user._id}`);
		expect(removed.data).toEqual({ _success: true });
		expect((await api.get(ownUsers(), { params: { email: 'temp' } })).data.count).toBe(0);
		expectVendorError(await api.delete(`${ownUsers()}/${user._id}`), 404, 'E_NOT_FOUND');
		expectVendorError(await api.delete(`${usersOf(UNKNOWN_ID)}/${user._id}`), 404, 'E_NOT_FOUND');
		expectVendorError(await api.get(usersOf(UNKNOWN_ID)), 404, 'E_NOT_FOUND');
		// Removed from the organization, not from the system: inviting again gives the same user.
		expect((await api.post(ownUsers(), { email: 'temp@example.com' })).data._id).toBe(user._id);
	});
});

describe('fiskaly sandbox: billing addresses', () => {
	const address = (overrides: Record<string, unknown> = {}) => ({
		recipient: 'Acme GmbH',
		address_line1: 'Hauptstraße 1',
		zip: '10115',
		town: 'Berlin',
		country_code: 'DEU',
		...overrides,
	});

	it('creates, lists, retrieves and updates billing addresses', async () => {
		expect((await api.get('/billing-addresses')).data).toEqual({ data: [], count: 0, _type: 'BILLING_ADDRESS_LIST' });

		const body = address({
			vat_id: 'DE123456789',
			recipient_additions: 'Buchhaltung',
			billing_contact_id: UNKNOWN_ID,
			organization_id: sandbox.ownOrganizationId,
			metadata: { cost_center: '42' },
		});
		const created = await api.post('/billing-addresses', body);
		expect(created.status).toBe(200);
		expect(created.data).toEqual({
			...body,
			vat_id_valid: true,
			_id: expect.stringMatching(UUID_PATTERN),
			_type: 'BILLING_ADDRESS',
			_envs: ['TEST'],
		});
		const second = await api.post('/billing-addresses', address({ recipient: 'Second', vat_id: 'de1' }));
		expect(second.data.vat_id_valid).toBe(false);

		const list = await api.get('/billing-addresses');
		expect(list.data.count).toBe(2);
		expect(list.data.data.map((a: { _id: string }) => a._id)).toEqual([created.data._id, second.data._id]);
		expect((await api.get(`/billing-addresses/${created.data._id}`)).data).toEqual(created.data);

		const patched = await api.patch(`/billing-addresses/${second.data._id}`, { vat_id: 'ATU12345678', town: 'Wien' });
		expect(patched.data).toMatchObject({ vat_id: 'ATU12345678', vat_id_valid: true, town: 'Wien', recipient: 'Second' });
		const put = await api.put(`/billing-addresses/${second.data._id}`, { zip: '1010' });
		expect(put.data).toMatchObject({ zip: '1010', vat_id_valid: true });
	});

	it.each([
		['a missing recipient', { recipient: undefined }],
		['an empty recipient', { recipient: '' }],
		['a missing zip', { zip: undefined }],
		['an unknown country', { country_code: 'GER' }],
		['a non-UUID billing contact', { billing_contact_id: 'jane' }],
		['a non-UUID organization', { organization_id: 'acme' }],
	])('rejects %s with 400', async (_case, overrides) => {
		expectVendorError(await api.post('/billing-addresses', address(overrides)), 400, 'E_VALIDATION');
	});

	it('answers 404 for unknown addresses and organizations', async () => {
		expectVendorError(await api.get(`/billing-addresses/${UNKNOWN_ID}`), 404, 'E_NOT_FOUND');
		expectVendorError(await api.patch(`/billing-addresses/${UNKNOWN_ID}`, { town: 'X' }), 404, 'E_NOT_FOUND');
		expectVendorError(await api.get('/billing-addresses/abc'), 400, 'E_VALIDATION');
		expectVendorError(await api.post('/billing-addresses', address({ organization_id: UNKNOWN_ID })), 404, 'E_NOT_FOUND');
		expect(sandbox.state.billingAddresses.size).toBe(0);
	});
});
