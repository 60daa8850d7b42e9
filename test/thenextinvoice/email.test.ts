import { useTni, type TniFixture } from './setup';

const f = useTni();
let company: number;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
});

const op = (operation: string, parameters: Record<string, unknown> = {}, options?: Parameters<TniFixture['run']>[1]) =>
	f.run({ resource: 'emailSetting', operation, ...parameters } as never, options);

describe('TheNextInvoice e-mail settings: addresses', () => {
	it('adds a from address (with redirect), lists it, verifies it with the key, deletes it', async () => {
		const added = await op('addAddress', { addressType: 'from', email: ' facturen@bakkerij.nl ', additionalFields: { redirect: 'https://bakkerij.nl/ok' } });
		expect(added.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/settings/email/address', body: { type: 'from', email: 'facturen@bakkerij.nl', redirect: 'https://bakkerij.nl/ok' } });
		const address = added.json[0] as { id: number };
		expect(added.json[0]).toMatchObject({ type: 'from', email: 'facturen@bakkerij.nl', verified: false });

		const cc = await op('addAddress', { addressType: 'cc', email: 'boekhouding@bakkerij.nl', additionalFields: {} });
		expect(f.lastRequest()!.body).toEqual({ type: 'cc', email: 'boekhouding@bakkerij.nl' });

		f.sandbox.clearRequests();
		const list = await op('getManyAddresses', { returnAll: true });
		expect(f.apiCalls()).toEqual(['GET /settings/email/address']);
		expect(list.json.map((a) => a.email)).toEqual(expect.arrayContaining(['facturen@bakkerij.nl', 'boekhouding@bakkerij.nl']));
		const limited = await op('getManyAddresses', { returnAll: false, limit: 1 });
		expect(limited.json).toHaveLength(1);

		const key = f.sandbox.control.emailVerificationKey(address.id)!;
		const verified = await op('verifyAddress', { email: 'facturen@bakkerij.nl', key, companyId: company });
		expect(verified.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/settings/email/verify', body: { email: 'facturen@bakkerij.nl', key, company } });
		expect(verified.json[0]).toMatchObject({ id: address.id, verified: true });

		const deleted = await op('deleteAddress', { addressId: String(cc.json[0].id), addressType: 'cc' });
		expect(deleted.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: `/api/v1/settings/email/address/${cc.json[0].id}/cc` });
		expect(deleted.json[0]).toMatchObject({ addressId: cc.json[0].id, type: 'cc', deleted: true });
		expect(f.sandbox.state.emailAddresses.has(cc.json[0].id as number)).toBe(false);
	});

	it('checks the e-mail, the redirect URL and the key before sending', async () => {
		const badEmail = await op('addAddress', { addressType: 'from', email: 'not-an-address', additionalFields: {} });
		expect(badEmail.error?.message).toMatch(/"Email": must be an e-mail address/);
		const badRedirect = await op('addAddress', { addressType: 'from', email: 'a@b.nl', additionalFields: { redirect: 'bakkerij.nl' } });
		expect(badRedirect.error?.message).toMatch(/Redirect URL: must be a URL/);
		const badKey = await op('verifyAddress', { email: 'a@b.nl', key: 'abc', companyId: company });
		expect(badKey.error?.message).toMatch(/"Key": must be the 64-character SHA-256 key/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('a wrong type for an address id is the API\'s 404', async () => {
		const added = await op('addAddress', { addressType: 'from', email: 'x@bakkerij.nl', additionalFields: {} });
		const { error } = await op('deleteAddress', { addressId: String(added.json[0].id), addressType: 'cc' });
		expect(error?.description).toMatch(/HTTP 404 · DELETE \/settings\/email\/address\/\d+\/cc/);
	});
});

describe('TheNextInvoice e-mail settings: templates', () => {
	it('creates, gets, lists, updates one field (others kept) and deletes a template', async () => {
		const created = await op('createTemplate', { name: 'Default', subject: 'Invoice {invoicenumber}', templateText: '<p>Dear {companyname}</p>' });
		expect(created.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/settings/email/text', body: { name: 'Default', subject: 'Invoice {invoicenumber}', text: '<p>Dear {companyname}</p>' } });
		const id = created.json[0].id as number;
		expect(id).toBeGreaterThan(0);

		const got = await op('getTemplate', { templateId: String(id) });
		expect(f.lastRequest()).toMatchObject({ method: 'GET', path: `/api/v1/settings/email/text/${id}` });
		expect(got.json[0]).toEqual({ id, name: 'Default', subject: 'Invoice {invoicenumber}', text: '<p>Dear {companyname}</p>' });

		const list = await op('getManyTemplates', { returnAll: true });
		expect(list.json.map((t) => t.id)).toContain(id);

		f.sandbox.clearRequests();
		const updated = await op('updateTemplate', { templateId: String(id), updateFields: { subject: 'Factuur {invoicenumber}' } });
		expect(updated.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /settings/email/text/${id}`, `PUT /settings/email/text/${id}`]);
		expect(f.lastRequest()!.body).toEqual({ name: 'Default', subject: 'Factuur {invoicenumber}', text: '<p>Dear {companyname}</p>' });
		expect(updated.json[0]).toMatchObject({ id, subject: 'Factuur {invoicenumber}', name: 'Default' });
		await op('updateTemplate', { templateId: String(id), updateFields: { templateText: '<p>Beste {companyname}</p>' } });
		expect(f.lastRequest()!.body).toEqual({ name: 'Default', subject: 'Factuur {invoicenumber}', text: '<p>Beste {companyname}</p>' });

		const deleted = await op('deleteTemplate', { templateId: String(id) });
		expect(deleted.json[0]).toMatchObject({ templateId: id, deleted: true });
		const gone = await op('getTemplate', { templateId: String(id) });
		expect(gone.error?.description).toMatch(/HTTP 404/);
	});

	it('requires every field on create and at least one on update, per item', async () => {
		const { items } = await op('createTemplate', { name: 'A', subject: '={{ $json.subject }}', templateText: 'Body' }, { input: [{ subject: 'S' }, { subject: '' }], continueOnFail: true });
		expect(items[0].json).toMatchObject({ name: 'A', subject: 'S' });
		expect(items[1].json.error).toMatch(/Invalid input in item 1: "Subject": must not be empty/);
		expect(f.apiCalls()).toEqual(['POST /settings/email/text']);
		const none = await op('updateTemplate', { templateId: '1', updateFields: {} });
		expect(none.error?.message).toMatch(/add at least one field to change/);
	});

	it('a create whose connection drops after the server saved it is not repeated: one template, outcome unknown', async () => {
		const before = f.sandbox.state.emailTexts.size;
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/v1/settings/email/text' } });
		const { error } = await op('createTemplate', { name: 'Once', subject: 'S', templateText: 'T' });
		expect(error?.description).toMatch(/OUTCOME UNKNOWN/);
		expect(f.apiCalls()).toEqual(['POST /settings/email/text']);
		expect(f.sandbox.state.emailTexts.size).toBe(before + 1);
	});

	it('an update (read, then PUT of the whole template) retries the PUT when the service is busy', async () => {
		const { json } = await op('createTemplate', { name: 'Busy', subject: 'S', templateText: 'T' });
		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'status503', retryAfterSeconds: 0, match: { method: 'PUT' } });
		const { error } = await op('updateTemplate', { templateId: String(json[0].id), updateFields: { name: 'Less busy' } });
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /settings/email/text/${json[0].id}`, `PUT /settings/email/text/${json[0].id}`, `PUT /settings/email/text/${json[0].id}`]);
		expect(f.sandbox.state.emailTexts.get(json[0].id as number)).toMatchObject({ name: 'Less busy', subject: 'S', text: 'T' });
	});
});
