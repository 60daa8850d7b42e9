import type { AxiosInstance } from 'axios';
import { startTheNextInvoiceSandbox, totpCode, type TheNextInvoiceSandbox } from '../sandbox/thenextinvoice';
import { tniClient, tniLogin } from '../sandbox/thenextinvoice/test-client';

describe('TheNextInvoice sandbox: analytics, SEPA, verification, integrations, users, 2FA, notifications', () => {
	let sandbox: TheNextInvoiceSandbox;
	let api: AxiosInstance;

	beforeEach(async () => {
		sandbox = await startTheNextInvoiceSandbox({ seedInvoices: 12 });
		api = tniClient(sandbox);
	});
	afterEach(() => sandbox.close());

	it('seeds finalized invoices (every third paid) without counting them as API creates', async () => {
		const all = (await api.get('/invoice/search', { params: { limit: 100 } })).data.data;
		expect(all.total_items).toBe(12);
		expect((await api.get('/invoice/search', { params: { status: 'paid' } })).data.data.total_items).toBe(4);
		expect(sandbox.stats.creates).toEqual({});
	});

	it('reports turnover over 12 periods and the top customers', async () => {
		const month = (await api.get('/analytics/turnover/month')).data.data;
		expect(month.labels).toHaveLength(12);
		expect(month.values).toHaveLength(12);
		expect(month.labels[11]).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
		const year = (await api.get('/analytics/turnover/year')).data.data;
		expect(year.labels[11]).toBe(String(new Date().getUTCFullYear()));
		const total = (await api.get('/invoice/totals')).data.data.EUR.amount_excl;
		expect(year.values.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(total, 2);
		expect((await api.get('/analytics/turnover/week')).status).toBe(400);

		const top = (await api.get('/analytics/customers/5')).data.data;
		expect(top).toEqual([{ customerid: expect.any(Number), companyname: 'Sandbox Customer B.V.', amount: expect.any(Number) }]);
		expect((await api.get('/analytics/customers/51')).status).toBe(400);
	});

	it('saves one prognosis per company', async () => {
		expect((await api.get('/prognosis')).data).toEqual({ success: true, data: null });
		const body = { start_month: 1, start_year: 2026, costs: [1000, 1000, 1200], debts: [0, 500, 0], revenue: [3000, 3200, 4100] };
		const saved = (await api.post('/prognosis', body)).data.data;
		expect(saved).toEqual({ id: expect.any(Number), company_id: sandbox.companyIds[0], ...body });
		expect((await api.put('/prognosis', { ...body, start_month: 2 })).data.data).toMatchObject({ id: saved.id, start_month: 2 });
		expect((await api.put('/prognosis', { ...body, start_month: 13 })).status).toBe(400);
		expect((await api.put('/prognosis', { ...body, costs: ['a'] })).status).toBe(400);
	});

	it('lists SEPA batches like invoice search, totals them and serves the pain.008 XML', async () => {
		const ids = (await api.get('/invoice/search', { params: { status: 'open' } })).data.data.items.map((i: any) => i.id);
		await api.post(`/invoice/${ids[0]},${ids[1]}/sepa`, { date: '2026-12-01' });
		await api.post(`/invoice/${ids[2]}/sepa`, { date: '2026-12-15' });
		const page = (await api.get('/sepa/search', { params: { limit: 1, order: 'date', reverse: true } })).data.data;
		expect(page).toMatchObject({ current: 1, first: 1, previous: 1, next: 2, last: 2, limit: 1, total_items: 2 });
		expect(page.items[0]).toMatchObject({ date: '2026-12-15', invoices: [ids[2]] });
		const totals = (await api.get('/sepa/totals')).data.data;
		expect(Object.keys(totals)).toEqual(['EUR']);
		const xml = await api.get(`/sepa/${page.items[0].id}/view`);
		expect(xml.headers['content-type']).toBe('application/xml');
		expect(xml.headers['content-disposition']).toBe(`attachment; filename="sepa-${page.items[0].id}.xml"`);
		expect(String(xml.data)).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
		expect((await api.get('/sepa/999/view')).status).toBe(404);
		expect((await api.get('/invoice/search', { params: { status: 'sepa' } })).data.data.total_items).toBe(3);
	});

	it('verifies a profile address with the letter code and enables Peppol sending', async () => {
		const profile = (await api.get('/settings/profile/default')).data.data.id;
		const started = (await api.post(`/settings/verification/${profile}/initiate`)).data.data;
		expect(started).toMatchObject({ profile_id: profile, status: 'sent', attempts_remaining: 5, can_resend: false, address: 'Condensatorweg 54' });
		expect((await api.post(`/settings/verification/${profile}/initiate`)).status).toBe(429);
		expect((await api.post(`/settings/verification/${started.id}/resend`)).status).toBe(429);
		expect((await api.post(`/settings/verification/${started.id}/confirm`, { code: 'WRONG123' })).status).toBe(400);
		expect((await api.post(`/settings/verification/${started.id}/confirm`, {})).status).toBe(400);
		const confirmed = await api.post(`/settings/verification/${started.id}/confirm`, { code: sandbox.control.verificationCode(started.id) });
		expect(confirmed.data.data).toEqual({ success: true, message: 'Address successfully verified', verification: { id: started.id, profile_id: profile, status: 'verified' } });
		expect((await api.get('/settings/verification')).data.data[0]).toMatchObject({ status: 'verified', attempts_remaining: 4 });
		expect((await api.get('/settings/profile/default')).data.data.peppol_verified).toBe(true);
		const invoice = (await api.get('/invoice/search')).data.data.items[0].id;
		expect((await api.post(`/invoice/${invoice}/send/peppol`)).data.data).toBe('Sent');
		expect((await api.post('/settings/verification/999/initiate')).status).toBe(404);
	});

	it('connects integrations: OAuth2 redirect + callback, credential connectors, check/test/remove', async () => {
		const listed = (await api.get('/settings/integrations', { params: { class: 'payment' } })).data.data;
		expect(listed.map((i: any) => i.name)).toEqual(['mollie', 'multisafepay']);
		expect(listed[0]).toEqual({ name: 'mollie', enabled: false, office: null, option: null, free: true, config: {} });
		expect((await api.get('/settings/integrations/check')).status).toBe(404);

		const added = (await api.post('/settings/integrations/twinfield', {})).data.data;
		expect(added).toMatchObject({ done: false, popup: true, openConfig: true });
		const redirect = new URL(added.redirect);
		expect(redirect.origin).toBe('https://login.twinfield.com');
		expect((await api.get('/settings/integrations/twinfield/test')).status).toBe(404); // not active before the callback
		expect((await api.get('/settings/integrations/callback/twinfield')).status).toBe(400);
		const callback = await api.get('/settings/integrations/callback/twinfield', { params: { code: 'abc', state: redirect.searchParams.get('state') } });
		expect(callback.data.data.enabled).toBe(true);
		expect((await api.get('/settings/integrations/check')).data.data.name).toBe('twinfield');
		expect((await api.get('/settings/integrations/twinfield/test')).data.data).toEqual({ ok: true });
		expect((await api.put('/settings/integrations/twinfield', { office: '123', option: { ledgernumbers: { 76: '8000' } } })).data.data).toMatchObject({ office: '123' });

		const invoice = (await api.get('/invoice/search')).data.data.items[0].id;
		await api.post(`/invoice/${invoice}/book`);
		expect((await api.get(`/invoice/${invoice}/status`)).data.data.booking).toMatchObject({ status: true, method: 'twinfield' });

		expect((await api.post('/settings/integrations/yuki', { apiKey: 'k' })).data.data.done).toBe(true);
		expect((await api.post('/settings/integrations/thenextinvoice', {})).status).toBe(200);
		expect((await api.post('/settings/integrations/thenextinvoice', {})).status).toBe(409);
		expect((await api.post('/settings/integrations/bogus', {})).status).toBe(404);
		expect((await api.delete('/settings/integrations/twinfield')).status).toBe(200);
		expect((await api.delete('/settings/integrations/twinfield')).status).toBe(404);
	});

	it('manages company users and their roles; the sole owner stays', async () => {
		expect((await api.get('/settings/user')).data.data).toEqual([{ id: 1, email: sandbox.email, name: expect.any(String), role: 'owner', language: 'en' }]);
		expect((await api.post('/settings/user', { email: 'staff@example.com', role: 'employee' })).status).toBe(400);
		const added = (await api.post('/settings/user', { email: 'staff@example.com', role: 'employee', password: 'pw', name: 'Jane Staff', language: 'en' })).data.data;
		expect(added).toEqual({ id: 2, email: 'staff@example.com', name: 'Jane Staff', language: 'en' });
		expect((await api.post('/settings/user', { email: 'staff@example.com', role: 'employee' })).status).toBe(403);
		expect((await api.delete('/settings/user/1')).status).toBe(403);
		expect((await api.put('/settings/user/1', { role: 'employee' })).status).toBe(403);
		expect((await api.put('/settings/user/2', { role: 'owner' })).data.data.role).toBe('owner');
		expect((await api.put('/settings/user/2', { role: 'boss' })).status).toBe(400);
		expect((await api.delete('/settings/user/2')).status).toBe(200);
		expect((await api.delete('/settings/user/2')).status).toBe(404);
	});

	it('enrolls TOTP 2FA, issues recovery codes and disables it', async () => {
		const jwt = tniClient(sandbox, { jwt: await tniLogin(sandbox) });
		expect((await jwt.get('/settings/2fa')).data.data).toEqual({ status: 'disabled' });
		const enrollment = (await jwt.post('/settings/2fa')).data.data;
		expect(enrollment.secret).toMatch(/^[a-z2-7]{4}( [a-z2-7]{4}){3}$/);
		expect(enrollment.url).toMatch(/^otpauth:\/\/totp\/TheNextInvoice:owner%40example\.com\?secret=[A-Z2-7]{16}&issuer=TheNextInvoice$/);
		expect((await jwt.get('/settings/2fa')).data.data.status).toBe('connecting');
		const code = Number(totpCode(enrollment.secret));
		expect((await jwt.put('/settings/2fa', { code: (code + 1) % 1_000_000 })).status).toBe(400);
		expect((await jwt.put('/settings/2fa', { code })).data.data).toBe('Connected!');
		expect((await jwt.post('/settings/2fa')).status).toBe(409);
		const codes = (await jwt.post('/settings/2fa/recovery')).data.data;
		expect(codes).toHaveLength(8);
		expect(codes[0]).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
		expect((await jwt.delete('/settings/2fa')).data.data).toBe('TOTP disabled');
		expect((await jwt.post('/settings/2fa/recovery')).status).toBe(400);
	});

	it('lists notifications added by the control helpers and dismisses them all', async () => {
		expect((await api.get('/notifications')).data.data).toEqual([]);
		const invoice = (await api.get('/invoice/search', { params: { status: 'open' } })).data.data.items[0];
		sandbox.control.markPaid(invoice.id);
		const other = sandbox.control.createInvoice();
		sandbox.control.markPastDue(other.id as number, { notify: true, daysOverdue: 3 });
		sandbox.control.addNotification({ message: 'Hello', data: { foo: 1 } });
		sandbox.control.addNotification({ message: 'Other company', companyId: sandbox.companyIds[1] });
		const list = (await api.get('/notifications')).data.data;
		expect(list).toEqual([
			{ id: 42, company_id: sandbox.companyIds[0], message: `Invoice ${invoice.number} has been paid`, data: { invoice_id: invoice.id }, time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
			{ id: 43, company_id: sandbox.companyIds[0], message: `Invoice ${other.number} is past due`, data: { invoice_id: other.id }, time: expect.any(String) },
			{ id: 44, company_id: sandbox.companyIds[0], message: 'Hello', data: { foo: 1 }, time: expect.any(String) },
		]);
		expect((await api.get('/invoice/search', { params: { status: 'pastdue' } })).data.data.items.map((i: any) => i.id)).toContain(other.id);
		expect((await api.delete('/notifications')).data.data).toBe('Notifications have been removed');
		expect((await api.get('/notifications')).data.data).toEqual([]);
		expect(sandbox.state.notifications.size).toBe(1); // the other company's notification stays
		expect((await api.get('/token/lilium')).data.data).toEqual(expect.any(String));
	});
});
