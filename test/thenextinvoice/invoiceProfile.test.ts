import { uploadLogo } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/resources/invoiceProfile/logo';
import { multipartBody, parseDataUri } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/files';
import { loadOptions, runNode } from '../helpers/n8n';
import { parseMultipart } from '../sandbox/framework/multipart';
import { tniClient } from '../sandbox/thenextinvoice/test-client';
import { quickRetries, useTni } from './setup';

const f = useTni();
let company: number;
let defaultProfile: number;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(() => {
	company = f.sandbox.companyIds[0];
	defaultProfile = [...f.sandbox.state.profiles.values()].find((p) => p.companyId === company && p.fields.default)!.id;
});

const op = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'invoiceProfile', operation, ...extra });

async function createProfile(name: string): Promise<number> {
	const { json, error } = await f.run(op('create', { additionalFields: { name } }));
	expect(error).toBeUndefined();
	return json[0].profileId as number;
}

describe('TheNextInvoice invoice profile', () => {
	it('creates, lists, gets (also "default") and updates name, language and due period', async () => {
		const { json, error } = await f.run(op('create', { additionalFields: { name: 'Webshop', language: 'EN', expiration: 30 } }));
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /settings/profile']);
		expect(f.lastRequest()!.body).toEqual({ name: 'Webshop', language: 'en', expiration: 30 });
		const id = json[0].profileId as number;
		expect(id).toBeGreaterThan(0);

		const list = await f.run(op('getAll', { returnAll: true }));
		expect(list.json.map((p) => p.id)).toEqual(expect.arrayContaining([defaultProfile, id]));
		const limited = await f.run(op('getAll', { returnAll: false, limit: 1 }));
		expect(limited.json).toHaveLength(1);

		const got = await f.run(op('get', { profileId: String(id) }));
		expect(got.json[0]).toMatchObject({ id, name: 'Webshop', language: 'en', expiration: 30, default: false });
		const byDefault = await f.run(op('get', { profileId: 'default' }));
		expect(f.lastRequest()!.path).toBe('/api/v1/settings/profile/default');
		expect(byDefault.json[0]).toMatchObject({ id: defaultProfile, default: true });

		f.sandbox.clearRequests();
		const updated = await f.run(op('update', { profileId: String(id), updateFields: { name: 'Webshop NL', expiration: 21 } }));
		expect(updated.json[0]).toEqual({ profileId: id, success: true });
		expect(f.apiCalls()).toEqual([`PUT /settings/profile/${id}`]);
		expect(f.lastRequest()!.body).toEqual({ name: 'Webshop NL', expiration: 21 });
		expect(f.sandbox.state.profiles.get(id)!.fields).toMatchObject({ name: 'Webshop NL', expiration: 21 });
	});

	it('rejects an update without fields and a bad profile id before sending anything', async () => {
		const empty = await f.run(op('update', { profileId: '5', updateFields: {} }));
		expect(empty.error?.message).toMatch(/at least one field/);
		const bad = await f.run(op('get', { profileId: 'abc' }));
		expect(bad.error?.message).toMatch(/"Profile".*"default"/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('sets sender details, texts, layout and send settings', async () => {
		const id = await createProfile('Sender test');
		f.sandbox.clearRequests();
		const sender = await f.run(
			op('updateSender', {
				profileId: String(id),
				companyName: 'ACME B.V.',
				address: 'Condensatorweg 54',
				postalCode: '1014AX',
				city: 'Amsterdam',
				country: 'nl',
				email: 'info@acme.com',
				config: '{"vatNumber": true, "iban": false}',
				additionalFields: { vatNumber: 'NL857494454B01', iban: 'NL91ABNA0417164300', phone: '' },
			}),
		);
		expect(sender.error).toBeUndefined();
		expect(sender.json[0]).toEqual({ profileId: id, success: true });
		expect(f.lastRequest()!.body).toEqual({
			companyName: 'ACME B.V.',
			address: 'Condensatorweg 54',
			postalCode: '1014AX',
			city: 'Amsterdam',
			country: 'NL',
			email: 'info@acme.com',
			config: { vatNumber: true, iban: false },
			vatNumber: 'NL857494454B01',
			iban: 'NL91ABNA0417164300',
		});

		await f.run(op('updateTexts', { profileId: String(id), texts: { extratext: 'Thank you', footer: 'KvK 12345678' } }));
		expect(f.lastRequest()!.body).toEqual({ extratext: 'Thank you', footer: 'KvK 12345678' });

		const layout = await f.run(op('updateLayout', { profileId: String(id), logo_position: 'center', sender_position: 'left', margin_global: 12, margin_header: 8, additionalFields: { merge_mail_attachments: true } }));
		expect(layout.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ logo_position: 'center', sender_position: 'left', margin_global: 12, margin_header: 8, merge_mail_attachments: true });

		const sending = await f.run(op('updateSendSettings', { profileId: String(id), sending: { email_text_id: 0 } }));
		expect(sending.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ email_text_id: null });

		expect(f.apiCalls()).toEqual([`PUT /settings/profile/${id}/sender`, `PUT /settings/profile/${id}/text`, `PUT /settings/profile/${id}/invoice`, `PUT /settings/profile/${id}/sending`]);
		expect(f.sandbox.state.profiles.get(id)!.fields).toMatchObject({ companyName: 'ACME B.V.', country: 'NL', extratext: 'Thank you', logo_position: 'center', margin_global: 12, email_text_id: null });

		const badConfig = await f.run(op('updateSender', { profileId: String(id), companyName: 'A', address: 'B', postalCode: 'C', city: 'D', country: 'NL', email: 'a@b.nl', config: '[1' }));
		expect(badConfig.error?.message).toMatch(/"PDF Display Config": must be valid JSON/);
	});

	it('send settings: e-mail and SMS templates, addresses and attachments are dropdowns; the picked ID is linked', async () => {
		const emailText = await f.run({ resource: 'emailSetting', operation: 'createTemplate', name: 'Reminder', subject: 'Reminder {invoicenumber}', templateText: '<p>Please pay</p>' });
		const smsText = await f.run({ resource: 'smsSetting', operation: 'createTemplate', name: 'Short', templateText: 'Pay here: {paymentlink}' });
		expect([emailText.error, smsText.error]).toEqual([undefined, undefined]);
		const parameters = { authentication: 'apiToken' };
		const emailOptions = await loadOptions(f.node, 'getEmailTemplates', parameters);
		expect(emailOptions[0]).toEqual({ name: 'Remove the Link', value: 0 });
		const reminder = emailOptions.find((o) => o.name === 'Reminder')!;
		expect(reminder.value).toBe(Number(emailText.json[0].id));
		const smsOptions = await loadOptions(f.node, 'getSmsTemplates', parameters);
		const short = smsOptions.find((o) => o.name === 'Short')!;
		expect(short).toBeDefined();
		expect((await loadOptions(f.node, 'getEmailAddresses', parameters))[0].value).toBe(0);
		expect((await loadOptions(f.node, 'getAttachments', parameters))[0].value).toBe(0);

		const profile = String([...f.sandbox.state.profiles.values()].find((p) => p.companyId === f.sandbox.companyIds[0])!.id);
		const linked = await f.run(op('updateSendSettings', { profileId: profile, sending: { email_text_reminder_id: reminder.value, sms_text_id: short.value, email_from_id: '' } }));
		expect(linked.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ email_text_reminder_id: reminder.value, sms_text_id: short.value });
	});

	it('makes a profile the default; the default cannot be deleted (403), another one can', async () => {
		const id = await createProfile('New default');
		const made = await f.run(op('setDefault', { profileId: String(id) }));
		expect(made.json[0]).toEqual({ profileId: id, success: true });
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: `/api/v1/settings/profile/${id}/default` });
		expect(f.sandbox.state.profiles.get(id)!.fields.default).toBe(true);

		const refused = await f.run(op('delete', { profileId: String(id) }));
		expect(refused.error?.message).toMatch(/default profile cannot be deleted/);
		expect(refused.error?.description).toMatch(/HTTP 403/);

		await f.run(op('setDefault', { profileId: String(defaultProfile) }));
		const deleted = await f.run(op('delete', { profileId: String(id) }));
		expect(deleted.json[0]).toEqual({ profileId: id, deleted: true });
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: `/api/v1/settings/profile/${id}` });
		expect(f.sandbox.state.profiles.has(id)).toBe(false);
	});

	it('reads of an unknown profile (401) say "not found"; mutations say so with the vendor 404', async () => {
		const missing = await f.run(op('get', { profileId: '99999' }));
		expect(missing.error?.message).toBe('TheNextInvoice: profile 99999 not found');
		expect(missing.error?.description).toMatch(/HTTP 401/);
		expect(f.apiCalls()).toEqual(['GET /settings/profile/99999', 'GET /company']);

		const withLogin = await f.run(op('get', { profileId: '99999', authentication: 'emailPassword' }));
		expect(withLogin.error?.message).toBe('TheNextInvoice: profile 99999 not found');

		const update = await f.run(op('update', { profileId: '99999', updateFields: { name: 'x' } }));
		expect(update.error?.message).toMatch(/Profile 99999 not found/);
		expect(update.error?.description).toMatch(/HTTP 404/);
	});

	it('a 401 from a wrong API token stays an authentication error', async () => {
		const wrong = { ...f.node, credentials: { ...f.node.credentials, theNextInvoiceApi: { apiToken: 'wrong-token', baseUrl: f.sandbox.baseUrl } } };
		const { error } = await runNode(wrong, { ...quickRetries, ...op('get', { profileId: String(defaultProfile) }) });
		expect(error?.message).not.toMatch(/profile .* not found/);
		expect(error?.description).toMatch(/HTTP 401/);
	});

	it('builds the logo upload as multipart "file" (PUT) and downloads the logo from its data URI', async () => {
		const id = await createProfile('Logo test');
		const spec = await uploadLogo.request!({ profileId: String(id), binaryPropertyName: 'logo' }, {
			binary: async (name) => {
				expect(name).toBe('logo');
				return { data: PNG, fileName: 'logo "main".png', mimeType: 'image/png' };
			},
			uuid: () => 'unused',
		});
		expect(spec).toMatchObject({ method: 'PUT', path: `/settings/profile/${id}/logo` });
		const parts = parseMultipart(spec.headers!['Content-Type'], spec.rawBody!);
		expect(parts).toHaveLength(1);
		expect(parts![0]).toMatchObject({ name: 'file', filename: 'logo "main".png', contentType: 'image/png' });
		expect(parts![0].data.equals(PNG)).toBe(true);
		// The request the node would send, sent here as is (binary input items cannot be given to the test helper).
		const sent = await tniClient(f.sandbox).put(spec.path, spec.rawBody, { headers: spec.headers });
		expect(sent.status).toBe(200);

		f.sandbox.clearRequests();
		const auto = await f.run(op('downloadLogo', { profileId: String(id), type: 'auto', binaryPropertyName: 'logo' }));
		expect(auto.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /settings/profile/${id}`, `GET /settings/profile/${id}.png`]);
		// n8n binary data decoded from the data URI, with the logo's media type and a file name of its type.
		expect(auto.json[0]).toMatchObject({ profileId: id, fileName: `profile-${id}-logo.png`, mimeType: 'image/png' });
		expect(auto.json[0].data).toBeUndefined();
		const logo = auto.items[0].binary!.logo;
		expect(logo).toMatchObject({ fileName: `profile-${id}-logo.png`, mimeType: 'image/png', fileExtension: 'png' });
		expect(Buffer.from(logo.data, 'base64').equals(PNG)).toBe(true);

		const typed = await f.run(op('downloadLogo', { profileId: String(id), type: 'png' }));
		expect(typed.items[0].binary!.data).toMatchObject({ mimeType: 'image/png', fileName: `profile-${id}-logo.png` });
		expect(Buffer.from(typed.items[0].binary!.data.data, 'base64').equals(PNG)).toBe(true);

		const removed = await f.run(op('deleteLogo', { profileId: String(id) }));
		expect(removed.json[0]).toEqual({ profileId: id, logoDeleted: true });
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: `/api/v1/settings/profile/${id}/logo` });
		const none = await f.run(op('downloadLogo', { profileId: String(id), type: 'auto' }));
		expect(none.error?.message).toBe(`TheNextInvoice: profile ${id} has no logo`);
		const gone = await f.run(op('downloadLogo', { profileId: String(id), type: 'png' }));
		expect(gone.error?.description).toMatch(/HTTP 404/);
	});

	it('uploads a logo from an input binary property through the node (PUT multipart "file"); a non-image is a 415', async () => {
		const id = await createProfile('Upload test');
		f.sandbox.clearRequests();
		const input = [{ $binary: { logo: { base64: PNG.toString('base64'), fileName: 'logo.png', mimeType: 'image/png' } } }];
		const uploaded = await f.run(op('uploadLogo', { profileId: String(id), binaryPropertyName: 'logo' }), { input });
		expect(uploaded.error).toBeUndefined();
		expect(uploaded.json[0]).toEqual({ profileId: id, logoUploaded: true });
		expect(f.apiCalls()).toEqual([`PUT /settings/profile/${id}/logo`]);
		const request = f.lastRequest()!;
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.rawBody).toContain('Content-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n');
		// The request log keeps the body as text; the stored logo shows the bytes arrived intact.
		expect(f.sandbox.state.profiles.get(id)!.logoData!.data.equals(PNG)).toBe(true);
		expect(f.sandbox.state.profiles.get(id)!.fields.logo).toBe(`${id}.png`);

		const text = [{ $binary: { data: { base64: Buffer.from('hello').toString('base64'), fileName: 'a.txt', mimeType: 'text/plain' } } }];
		const refused = await f.run(op('uploadLogo', { profileId: String(id), binaryPropertyName: 'data' }), { input: text });
		expect(refused.error?.message).toMatch(/Unsupported logo media type/);
		expect(refused.error?.description).toMatch(/HTTP 415/);
		const missing = await f.run(op('uploadLogo', { profileId: String(id), binaryPropertyName: 'nope' }), { input });
		expect(missing.error?.message).toMatch(/nope/);
	});

	it('a company without profiles: the list answers 401, the node returns no items (last: removes every profile)', async () => {
		for (const profile of [...f.sandbox.state.profiles.values()]) if (profile.companyId === company) f.sandbox.state.profiles.delete(profile.id);
		const { json, error } = await f.run(op('getAll', { returnAll: true }));
		expect(error).toBeUndefined();
		expect(json).toEqual([]);
		expect(f.apiCalls()).toEqual(['GET /settings/profile', 'GET /company']);
	});

	it('multipart and data URI helpers', () => {
		const a = multipartBody({}, { data: PNG, fileName: 'a.png', mimeType: '' });
		const b = multipartBody({}, { data: PNG, fileName: 'a.png', mimeType: '' });
		expect(a.contentType).not.toBe(b.contentType);
		expect(parseMultipart(a.contentType, a.body)![0].contentType).toBe('application/octet-stream');
		expect(parseDataUri('data:image/svg+xml;base64,PHN2Zz4=')).toEqual({ mimeType: 'image/svg+xml', data: Buffer.from('<svg>') });
		expect(parseDataUri('not a uri')).toBeUndefined();
	});
});
