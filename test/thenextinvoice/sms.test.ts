import { useTni } from './setup';

const f = useTni();
let company: number;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
});

const op = (operation: string, parameters: Record<string, unknown> = {}) => f.run({ resource: 'smsSetting', operation, ...parameters } as never);

describe('TheNextInvoice SMS settings', () => {
	it('gets and updates the SMS setting', async () => {
		expect((await op('getSettings')).json[0]).toMatchObject({ enabled: false });
		const on = await op('updateSettings', { enabled: true });
		expect(on.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', path: '/api/v1/settings/sms', body: { enabled: true } });
		expect(on.json[0]).toMatchObject({ enabled: true });
		expect(f.sandbox.state.settings.get(company)!.sms.enabled).toBe(true);
	});

	it('gets the usage', async () => {
		Object.assign(f.sandbox.state.settings.get(company)!.smsCount, { last: 150, current: 320, total: 5234 });
		const { json, error } = await op('getUsage');
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/sms/count']);
		expect(json[0]).toEqual({ last: 150, current: 320, total: 5234 });
	});

	it('creates, gets, lists, updates (others kept) and deletes a template', async () => {
		const created = await op('createTemplate', { name: 'Payment reminder', templateText: 'Please pay via {paymentlink}' });
		expect(created.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/settings/sms/text', body: { name: 'Payment reminder', text: 'Please pay via {paymentlink}' } });
		const id = created.json[0].id as number;

		expect((await op('getTemplate', { templateId: String(id) })).json[0]).toEqual({ id, name: 'Payment reminder', text: 'Please pay via {paymentlink}' });
		expect((await op('getManyTemplates', { returnAll: true })).json.map((t) => t.id)).toContain(id);

		f.sandbox.clearRequests();
		const updated = await op('updateTemplate', { templateId: String(id), updateFields: { name: 'Herinnering' } });
		expect(updated.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /settings/sms/text/${id}`, `PUT /settings/sms/text/${id}`]);
		expect(f.lastRequest()!.body).toEqual({ name: 'Herinnering', text: 'Please pay via {paymentlink}' });

		const deleted = await op('deleteTemplate', { templateId: String(id) });
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: `/api/v1/settings/sms/text/${id}` });
		expect(deleted.json[0]).toMatchObject({ templateId: id, deleted: true });
	});

	it('refuses a text without a payment or invoice link placeholder before sending', async () => {
		const created = await op('createTemplate', { name: 'X', templateText: 'Please pay soon' });
		expect(created.error?.message).toMatch(/"Text": must contain a payment or invoice link placeholder/);
		const updated = await op('updateTemplate', { templateId: '1', updateFields: { templateText: 'Please pay soon' } });
		expect(updated.error?.message).toMatch(/"Update Fields" › Text: must contain a payment or invoice link placeholder/);
		expect(f.apiCalls()).toEqual([]);
		// Dutch and upper-case placeholders count too.
		expect((await op('createTemplate', { name: 'NL', templateText: 'Bekijk {BekijkFactuur}' })).error).toBeUndefined();
	});
});
