import { useTni } from './setup';

const f = useTni();

const op = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'integration', operation, ...extra });

describe('TheNextInvoice integration', () => {
	it('lists all connectors, by class, and with a limit', async () => {
		const all = await f.run(op('getAll', { class: '', returnAll: true }));
		expect(all.error).toBeUndefined();
		expect(f.lastRequest()!.query).toEqual({});
		expect(all.json.map((i) => i.name)).toEqual(expect.arrayContaining(['twinfield', 'exact', 'xero', 'yuki', 'visma', 'mollie', 'multisafepay', 'lightspeed', 'lsretail', 'lskseries', 'untill', 'thenextinvoice']));
		const payment = await f.run(op('getAll', { class: 'payment', returnAll: true }));
		expect(f.lastRequest()!.query).toEqual({ class: 'payment' });
		expect(payment.json.map((i) => i.name).sort()).toEqual(['mollie', 'multisafepay']);
		const two = await f.run(op('getAll', { class: '', returnAll: false, limit: 2 }));
		expect(two.json).toHaveLength(2);
	});

	it('connects an OAuth2 connector: returns the authorization URL; the callback completes it; test, update, disconnect', async () => {
		const none = await f.run(op('getActiveBookkeeping'));
		expect(none.json[0]).toEqual({ active: false });
		expect(f.apiCalls()).toEqual(['GET /settings/integrations/check']);

		f.sandbox.clearRequests();
		const connected = await f.run(op('connect', { integrationType: 'twinfield', fields: '{}' }));
		expect(connected.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /settings/integrations/twinfield']);
		expect(f.lastRequest()!.body ?? {}).toEqual({});
		const url = connected.json[0].authorizationUrl as string;
		expect(connected.json[0]).toMatchObject({ integration: 'twinfield', done: false, authorizationRequired: true, redirect: url });
		expect(url).toMatch(/^https:\/\/login\.twinfield\.com\//);
		const state = new URL(url).searchParams.get('state')!;

		const pending = await f.run(op('get', { integrationType: 'twinfield' }));
		expect(pending.json[0]).toMatchObject({ integration: 'twinfield', name: 'twinfield', enabled: false });

		const callback = await f.run(op('completeOAuth', { integrationType: 'twinfield', code: 'auth-code-1', state }));
		expect(callback.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'GET', path: '/api/v1/settings/integrations/callback/twinfield', query: { code: 'auth-code-1', state } });
		expect(callback.json[0]).toMatchObject({ integration: 'twinfield', enabled: true });

		const active = await f.run(op('getActiveBookkeeping'));
		expect(active.json[0]).toMatchObject({ active: true, name: 'twinfield', enabled: true });

		const tested = await f.run(op('test', { integrationType: 'twinfield' }));
		expect(tested.json[0]).toEqual({ integration: 'twinfield', ok: true });
		expect(f.lastRequest()!.path).toBe('/api/v1/settings/integrations/twinfield/test');

		const updated = await f.run(op('update', { integrationType: 'twinfield', configuration: '{"office": "123", "option": {"ledgernumbers": {"1": "8000"}}}' }));
		expect(updated.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', body: { office: '123', option: { ledgernumbers: { '1': '8000' } } } });
		expect(updated.json[0]).toMatchObject({ integration: 'twinfield', office: '123' });

		const removed = await f.run(op('disconnect', { integrationType: 'twinfield' }));
		expect(removed.json[0]).toEqual({ integration: 'twinfield', disconnected: true, message: 'Integration removed' });
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: '/api/v1/settings/integrations/twinfield' });
	});

	it('connects a credential connector at once; thenextinvoice twice is a 409', async () => {
		const yuki = await f.run(op('connect', { integrationType: 'yuki', fields: { apikey: 'yuki-key', administration: 'A1' } }));
		expect(f.lastRequest()!.body).toEqual({ apikey: 'yuki-key', administration: 'A1' });
		expect(yuki.json[0]).toMatchObject({ integration: 'yuki', done: true, authorizationRequired: false, authorizationUrl: null });

		await f.run(op('connect', { integrationType: 'thenextinvoice', fields: '' }));
		const again = await f.run(op('connect', { integrationType: 'thenextinvoice', fields: '' }));
		expect(again.error?.message).toMatch(/API token already exists/);
		expect(again.error?.description).toMatch(/HTTP 409/);
	});

	it('checks input before sending and reports connector errors', async () => {
		const badJson = await f.run(op('connect', { integrationType: 'yuki', fields: '{"a":' }));
		expect(badJson.error?.message).toMatch(/"Connection Fields \(JSON\)": must be valid JSON/);
		const empty = await f.run(op('update', { integrationType: 'yuki', configuration: '{}' }));
		expect(empty.error?.message).toMatch(/add at least one setting/);
		const badType = await f.run(op('get', { integrationType: 'sap' }));
		expect(badType.error?.message).toMatch(/"Integration"/);
		expect(f.apiCalls()).toEqual([]);

		const notConfigured = await f.run(op('test', { integrationType: 'xero' }));
		expect(notConfigured.error?.description).toMatch(/HTTP 404/);
		const badCallback = await f.run(op('completeOAuth', { integrationType: 'exact', code: 'x' }));
		expect(badCallback.error?.message).toMatch(/no authorization of 'exact' is pending/);
	});
});
