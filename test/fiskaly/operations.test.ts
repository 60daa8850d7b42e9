import { knownSecrets, startFiskaly, newOrganization, orgLocator, type FiskalyFixture } from './setup';

let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly();
});
afterAll(async () => await f.sandbox.close());
beforeEach(() => f.sandbox.clearRequests());

const lastBody = () => f.sandbox.requests.filter((r) => !r.path.endsWith('/auth')).at(-1)?.body as Record<string, unknown>;

describe('organization', () => {
	it('creates an organization with additional fields, billing options and metadata', async () => {
		const { json, error } = await f.run(
			newOrganization('Bäckerei Schmidt GmbH', {
				additionalFields: { display_name: 'Schmidt', vat_id: 'DE123456789', state: 'Berlin' },
				billing_options: { withhold_billing: true, gln: '9012345000004' },
				metadata: { entries: [{ key: 'erp_id', value: 'C-1001' }] },
			}),
		);
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /api/v0/organizations']);
		expect(lastBody()).toEqual({
			name: 'Bäckerei Schmidt GmbH',
			address_line1: 'Hauptstrasse 1',
			zip: '10115',
			town: 'Berlin',
			country_code: 'DEU',
			display_name: 'Schmidt',
			vat_id: 'DE123456789',
			state: 'Berlin',
			billing_options: { withhold_billing: true, gln: '9012345000004' },
			// The creation key lets a create whose answer was lost be found again (see transport.test.ts).
			metadata: { erp_id: 'C-1001', n8n_creation_key: expect.stringMatching(/^[0-9a-f-]{36}$/) },
		});
		expect(json[0]).toMatchObject({ _type: 'ORGANIZATION', name: 'Bäckerei Schmidt GmbH', metadata: { erp_id: 'C-1001' } });
		expect(f.sandbox.state.organizations.has(json[0]._id as string)).toBe(true);
	});

	it('with an Idempotency Key, a second run (another execution, an agent retrying) returns the first organization and creates none', async () => {
		const key = `customer-${Date.now()}`;
		const before = f.sandbox.state.organizations.size;
		const first = await f.run(newOrganization('Konditorei Weber', { idempotencyKey: key }));
		expect(first.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /api/v0/organizations', 'POST /api/v0/organizations']);
		expect((lastBody().metadata as Record<string, string>).n8n_creation_key).toBe(key);
		f.sandbox.clearRequests();
		const again = await f.run(newOrganization('Konditorei Weber', { idempotencyKey: key }));
		expect(again.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /api/v0/organizations']);
		expect(again.json[0]._id).toBe(first.json[0]._id);
		expect(f.sandbox.state.organizations.size).toBe(before + 1);
		// Another key is another organization.
		const other = await f.run(newOrganization('Konditorei Weber', { idempotencyKey: `${key}-b` }));
		expect(other.json[0]._id).not.toBe(first.json[0]._id);
		expect(f.sandbox.state.organizations.size).toBe(before + 2);
	});

	it('creates a managed organization and gets, updates, enables and deletes it', async () => {
		const created = await f.run(newOrganization('Filiale Nord', { additionalFields: { managed_by_organization_id: f.sandbox.ownOrganizationId } }));
		const id = created.json[0]._id as string;
		expect(created.json[0]).toMatchObject({ _type: 'MANAGED_ORGANIZATION', managed_by_organization_id: f.sandbox.ownOrganizationId });

		const got = await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(id) });
		expect(got.json[0]).toMatchObject({ _id: id, name: 'Filiale Nord' });

		const updated = await f.run({ resource: 'organization', operation: 'update', organizationId: orgLocator(id), updateFields: { town: 'Hamburg', zip: '20095' } });
		expect(f.sandbox.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/api/v0/organizations/${id}`, body: { town: 'Hamburg', zip: '20095' } });
		expect(updated.json[0]).toMatchObject({ town: 'Hamburg', name: 'Filiale Nord' });

		const enabled = await f.run({ resource: 'organization', operation: 'enableEnvironment', organizationId: orgLocator(id), env: 'LIVE' });
		expect(enabled.json[0]).toEqual({ success: true, organizationId: id, env: 'LIVE', alreadyEnabled: false, alreadyDone: false });
		expect(f.sandbox.state.organizations.get(id)._envs).toContain('LIVE');
		// Already enabled (a new organization has TEST, and LIVE now): read, not sent again.
		for (const env of ['TEST', 'LIVE']) {
			f.sandbox.clearRequests();
			const again = await f.run({ resource: 'organization', operation: 'enableEnvironment', organizationId: orgLocator(id), env });
			expect(again.json[0]).toEqual({ success: true, organizationId: id, env, alreadyEnabled: true, alreadyDone: true });
			expect(f.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v0/organizations/${id}`]);
		}
		const strict = await f.run({ resource: 'organization', operation: 'enableEnvironment', organizationId: orgLocator(id), env: 'LIVE', ifAlreadyDone: 'fail' });
		expect(strict.error?.message).toBe('Already enabled: nothing was sent');

		const deleted = await f.run({ resource: 'organization', operation: 'delete', organizationId: orgLocator(id) });
		expect(deleted.json[0]).toEqual({ success: true, organizationId: id, deleted: true });
		expect(f.sandbox.state.organizations.has(id)).toBe(false);
	});

	it('lists with every filter and order option sent as documented', async () => {
		const { json } = await f.run({
			resource: 'organization',
			operation: 'getAll',
			returnAll: true,
			filters: { env: 'TEST', type: 'ORGANIZATION', managed_by_organization_id: '' },
			order_by: 'town',
			order: 'desc',
		});
		expect(json.length).toBeGreaterThan(0);
		expect(json.every((o) => o._type === 'ORGANIZATION')).toBe(true);
		expect(f.sandbox.requests.at(-1)!.query).toMatchObject({ env: 'TEST', type: 'ORGANIZATION', order_by: 'town', order: 'desc', limit: '5000', offset: '0' });
	});

	it('reports a missing organization with the vendor message, status and request id', async () => {
		const { error } = await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator('00000000-0000-4000-8000-000000000099') });
		expect(error?.message).toMatch(/^fiskaly: .+ \[E_NOT_FOUND\]$/);
		expect(error?.description).toMatch(/HTTP 404 · GET \/organizations\/00000000-0000-4000-8000-000000000099 · request id [0-9a-f-]{36} · item 0/);
	});
});

describe('API key', () => {
	it('creates, gets, lists and updates keys; the secret stays out of the output unless asked for', async () => {
		const org = f.sandbox.ownOrganizationId;
		const created = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(org), name: 'erp-sync', status: 'enabled', metadata: { entries: [{ key: 'team', value: 'finance' }] } });
		expect(created.error).toBeUndefined();
		const key = created.json[0];
		expect(key).toMatchObject({ name: 'erp-sync', status: 'enabled', metadata: { team: 'finance' } });
		expect(key).not.toHaveProperty('secret');
		expect(lastBody()).toEqual({ name: 'erp-sync', status: 'enabled', metadata: { team: 'finance' } });

		const withSecret = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(org), name: 'vault-export', status: 'disabled', includeSecret: true });
		expect(typeof withSecret.json[0].secret).toBe('string');

		const got = await f.run({ resource: 'apiKey', operation: 'get', organizationId: orgLocator(org), keyId: orgLocator(key._id as string) });
		expect(got.json[0]).toMatchObject({ _id: key._id, name: 'erp-sync' });

		const updated = await f.run({ resource: 'apiKey', operation: 'update', organizationId: orgLocator(org), keyId: orgLocator(key._id as string), status: 'disabled' });
		expect(updated.json[0]).toMatchObject({ status: 'disabled' });
		expect(lastBody()).toEqual({ status: 'disabled' });

		const listed = await f.run({ resource: 'apiKey', operation: 'getAll', organizationId: orgLocator(org), returnAll: true, filters: { status: 'disabled' }, order_by: 'name', order: 'asc' });
		expect(listed.json.map((k) => k.name)).toEqual(['erp-sync', 'vault-export']);
		expect(f.sandbox.requests.at(-1)!.query).toMatchObject({ status: 'disabled', order_by: 'name', limit: '100' });
		expect(listed.json.some((k) => 'secret' in k)).toBe(false);
	});

	it('a re-run over a key name that exists: fiskaly answers 409, the key of that name is read → alreadyDone, no secret; Fail reports the 409', async () => {
		const org = f.sandbox.ownOrganizationId;
		const first = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(org), name: 'dup-name', status: 'enabled' });
		const again = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(org), name: 'dup-name', status: 'enabled' });
		expect(again.error).toBeUndefined();
		expect(again.json[0]).toMatchObject({ _id: first.json[0]._id, name: 'dup-name', alreadyDone: true });
		expect(again.json[0].secret).toBeUndefined();
		expect([...f.sandbox.state.apiKeys.values()].filter((key) => key.name === 'dup-name')).toHaveLength(1);
		const strict = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(org), name: 'dup-name', status: 'enabled', ifAlreadyDone: 'fail' });
		expect(strict.error?.message).toBe('Already created: nothing was sent');
	});

	it('onboards a merchant: managed organization, TEST enabled, managed API key with its secret only where asked for', async () => {
		const own = f.sandbox.ownOrganizationId;
		const merchant = await f.run(newOrganization('Merchant Onboarded', { additionalFields: { managed_by_organization_id: own } }));
		const merchantId = merchant.json[0]._id as string;
		const env = await f.run({ resource: 'organization', operation: 'enableEnvironment', organizationId: orgLocator(merchantId), env: 'TEST' });
		// A new organization has TEST already: read, nothing sent.
		expect(env.json[0]).toMatchObject({ success: true, alreadyEnabled: true, alreadyDone: true });
		const key = await f.run({
			resource: 'apiKey',
			operation: 'create',
			organizationId: orgLocator(merchantId),
			managedByOrganizationId: orgLocator(own),
			name: 'till-0001',
			status: 'enabled',
			includeSecret: true,
		});
		expect(key.error).toBeUndefined();
		expect(f.sandbox.requests.at(-1)).toMatchObject({
			method: 'POST',
			path: `/api/v0/organizations/${merchantId}/api-keys`,
			body: { name: 'till-0001', status: 'enabled', managed_by_organization_id: own },
		});
		expect(key.json[0]).toMatchObject({ _type: 'MANAGED_API_KEY', managed_by_organization_id: own, name: 'till-0001', secret: expect.any(String) });
		// The key logs in: what the till would do with it.
		const stored = f.sandbox.state.apiKeys.get(key.json[0]._id as string);
		expect(stored.secret).toBe(key.json[0].secret);

		// Without the locator: the plain body (no managed_by_organization_id), as fiskaly's reference shows it.
		const plain = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(own), name: 'plain-key', status: 'enabled' });
		expect(plain.json[0]).toMatchObject({ _type: 'API_KEY' });
		expect(f.sandbox.requests.at(-1)?.body).toEqual({ name: 'plain-key', status: 'enabled' });
		expect(plain.json[0].secret).toBeUndefined();
	});

	it('a managed key whose answer was lost is found by its name, not created twice', async () => {
		const own = f.sandbox.ownOrganizationId;
		const merchant = await f.run(newOrganization('Merchant Lost Answer', { additionalFields: { managed_by_organization_id: own } }));
		const merchantId = merchant.json[0]._id as string;
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: /api-keys$/ } });
		const key = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(merchantId), managedByOrganizationId: orgLocator(own), name: 'till-lost', status: 'enabled' });
		expect(key.error).toBeUndefined();
		expect(key.json[0]).toMatchObject({ name: 'till-lost', _type: 'MANAGED_API_KEY' });
		expect([...f.sandbox.state.apiKeys.values()].filter((k) => k.name === 'till-lost')).toHaveLength(1);
	});

	it('a managing organization that does not manage the key\'s organization is refused with fiskaly\'s validation error', async () => {
		const { error } = await f.run({
			resource: 'apiKey',
			operation: 'create',
			organizationId: orgLocator(f.sandbox.ownOrganizationId),
			managedByOrganizationId: orgLocator(f.sandbox.ownOrganizationId),
			name: 'not-managed',
			status: 'enabled',
		});
		expect(error?.message).toMatch(/managed_by_organization_id: this organization is not managed by that organization/);
		expect(error?.description).toMatch(/HTTP 400/);
	});

	it('deletes a key: its sessions end and a read afterwards answers 404', async () => {
		const org = f.sandbox.ownOrganizationId;
		const created = await f.run({ resource: 'apiKey', operation: 'create', organizationId: orgLocator(org), name: 'short-lived', status: 'enabled' });
		const keyId = created.json[0]._id as string;
		const deleted = await f.run({ resource: 'apiKey', operation: 'delete', organizationId: orgLocator(org), keyId: { __rl: true, mode: 'id', value: keyId } });
		expect(deleted.json[0]).toEqual({ success: true, organizationId: org, keyId, deleted: true });
		expect(f.sandbox.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v0/organizations/${org}/api-keys/${keyId}` });
		const read = await f.run({ resource: 'apiKey', operation: 'get', organizationId: orgLocator(org), keyId: { __rl: true, mode: 'id', value: keyId } });
		expect(read.error?.description).toMatch(/HTTP 404/);
	});
});

describe('user', () => {
	it('invites, lists with filters and removes a user', async () => {
		const org = f.sandbox.ownOrganizationId;
		const invited = await f.run({ resource: 'user', operation: 'invite', organizationId: orgLocator(org), email: 'anna@example.com', additionalFields: { first_name: 'Anna', last_name: 'Weber' } });
		expect(invited.json[0]).toMatchObject({ _type: 'USER', email: 'anna@example.com', first_name: 'Anna' });
		await f.run({ resource: 'user', operation: 'invite', organizationId: orgLocator(org), email: 'ben@example.com' });

		const listed = await f.run({ resource: 'user', operation: 'getAll', organizationId: orgLocator(org), returnAll: true, filters: { last_name: 'Weber' }, order_by: 'email', order: 'asc' });
		expect(listed.json.map((u) => u.email)).toEqual(['anna@example.com']);
		expect(f.sandbox.requests.at(-1)!.query).toMatchObject({ last_name: 'Weber', order_by: 'email', limit: '5000' });

		const removed = await f.run({ resource: 'user', operation: 'delete', organizationId: orgLocator(org), userId: invited.json[0]._id as string });
		expect(removed.json[0]).toMatchObject({ success: true, removed: true });
		const again = await f.run({ resource: 'user', operation: 'getAll', organizationId: orgLocator(org), returnAll: true, filters: {}, order_by: 'email', order: 'asc' });
		expect(again.json.map((u) => u.email)).not.toContain('anna@example.com');
	});
});

describe('billing address', () => {
	it('creates, gets, updates and lists billing addresses', async () => {
		const created = await f.run({
			resource: 'billingAddress',
			operation: 'create',
			recipient: 'Schmidt GmbH',
			address_line1: 'Ring 2',
			zip: '80331',
			town: 'München',
			country_code: 'DEU',
			additionalFields: { vat_id: 'DE123456789', organization_id: f.sandbox.ownOrganizationId },
		});
		expect(created.json[0]).toMatchObject({ _type: 'BILLING_ADDRESS', recipient: 'Schmidt GmbH', vat_id_valid: true });
		const id = created.json[0]._id as string;

		const got = await f.run({ resource: 'billingAddress', operation: 'get', addressId: id });
		expect(got.json[0]).toMatchObject({ _id: id, town: 'München' });

		const updated = await f.run({ resource: 'billingAddress', operation: 'update', addressId: id, updateFields: { recipient_additions: 'Buchhaltung' } });
		expect(updated.json[0]).toMatchObject({ recipient_additions: 'Buchhaltung' });
		expect(lastBody()).toEqual({ recipient_additions: 'Buchhaltung' });

		const listed = await f.run({ resource: 'billingAddress', operation: 'getAll', returnAll: false, limit: 10 });
		expect(listed.json.map((a) => a._id)).toContain(id);
	});
});

describe('token', () => {
	it('returns the claims of the API key in use, never the token', async () => {
		await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(f.sandbox.ownOrganizationId) });
		const { json } = await f.run({ resource: 'token', operation: 'getClaims' });
		expect(json[0]).toMatchObject({ env: 'TEST', organization_id: f.sandbox.ownOrganizationId });
		expect(Object.keys(json[0]).sort()).toEqual(['access_token_expires_at', 'env', 'organization_id']);
		const secrets = knownSecrets(f);
		expect(secrets.length).toBeGreaterThan(1);
		for (const secret of secrets) expect(JSON.stringify(json)).not.toContain(secret);
	});
});
