import type { AxiosInstance } from 'axios';
import { startTheNextInvoiceSandbox, type TheNextInvoiceSandbox } from '../sandbox/thenextinvoice';
import { tniClient } from '../sandbox/thenextinvoice/test-client';

const customer = (overrides: Record<string, unknown> = {}) => ({
	companyname: 'Company name',
	companycontact: 'Contact name',
	address: 'Address Street 101',
	postalcode: '1111AA',
	city: 'Amsterdam',
	country: 'NL',
	email: 'company@example.com',
	person: false,
	...overrides,
});

describe('TheNextInvoice sandbox: customers, products, bookkeeping, company', () => {
	let sandbox: TheNextInvoiceSandbox;
	let api: AxiosInstance;

	beforeEach(async () => {
		sandbox = await startTheNextInvoiceSandbox({ seedCustomers: 55, seedProducts: 23 });
		api = tniClient(sandbox);
	});
	afterEach(() => sandbox.close());

	it('paginates customer search with the numbers as strings (default limit 50)', async () => {
		const page1 = (await api.get('/customer/search')).data.data;
		expect(page1).toMatchObject({ current: '1', first: '1', previous: '1', next: '2', last: '2', limit: '50', total_items: '55' });
		expect(Object.keys(page1).sort()).toEqual(['current', 'first', 'items', 'last', 'limit', 'next', 'previous', 'total_items']);
		expect(page1.items).toHaveLength(50);
		expect(page1.items[0]).toMatchObject({ id: '1', person: '0', companyname: 'Seed Customer 00001', debnumber: null, option_currency: null });
		const page2 = (await api.get('/customer/search', { params: { page: 2 } })).data.data;
		expect(page2.items.map((c: any) => c.id)).toEqual(['51', '52', '53', '54', '55']);
		expect((await api.get('/customer/search', { params: { term: 'customer 0001' } })).data.data.total_items).toBe('10');
		expect((await api.get('/customer', { params: { term: 'Contact 00055' } })).data.data).toHaveLength(1);
	});

	it('creates, reads, replaces and deletes customers; validates bodies', async () => {
		const created = await api.post('/customer', customer({ phone: '+31699999999' }));
		expect(created.data).toEqual({ success: true, data: { id: 56 } });
		expect((await api.get('/customer/56')).data.data).toMatchObject({ id: '56', phone: '+31699999999', person: '0' });
		expect((await api.put('/customer/56', customer({ companyname: 'Renamed', person: true }))).data.data).toEqual({ id: 56 });
		expect((await api.get('/customer/56')).data.data).toMatchObject({ companyname: 'Renamed', phone: null, person: '1' }); // unsent fields reset
		const invalid = await api.post('/customer', customer({ email: 'not-an-email', person: 'no' }));
		expect(invalid.status).toBe(400);
		expect(invalid.data.error.message).toContain('email');
		expect((await api.delete('/customer/56')).status).toBe(200);
		expect((await api.get('/customer/56')).status).toBe(404);
		expect(sandbox.stats.creates.customer).toBe(1);
	});

	it('imports transactionally, merges duplicates and looks up VAT / CoC data', async () => {
		const failed = await api.post('/customer/import', [customer({ companyname: 'A' }), customer({ email: undefined })]);
		expect(failed.status).toBe(400);
		expect((await api.get('/customer/search')).data.data.total_items).toBe('55');
		expect((await api.post('/customer/import', [customer({ companyname: 'Dup' }), customer({ companyname: 'dup' })])).data.data).toEqual([{ id: 56 }, { id: 57 }]);
		const duplicates = (await api.get('/customer/duplicates')).data.data;
		expect(duplicates).toHaveLength(1);
		expect(duplicates[0].map((c: any) => c.id)).toEqual(['56', '57']);
		const invoice = sandbox.control.createInvoice({ receiver: 57 });
		expect((await api.put('/customer/merge/56', [57])).status).toBe(200);
		expect((await api.get('/customer/57')).status).toBe(404);
		expect((await api.get('/invoice/search', { params: { customer_id: 56 } })).data.data.items[0].id).toBe(invoice.id);

		expect((await api.get('/customer/checkvat', { params: { countryCode: 'NL', vatNumber: '857494454B01' } })).data.data).toEqual({
			name: 'Thenextinvoice b.v.',
			street: 'Condensatorweg 00054',
			zip: '1014AX',
			city: 'Amsterdam',
		});
		expect((await api.get('/customer/checkvat', { params: { countryCode: 'NL', vatNumber: '000' } })).status).toBe(404);
		expect((await api.get('/customer/checkvat')).status).toBe(400);
		expect((await api.get('/customer/checkcoc', { params: { number: '12345678' } })).data.data.name).toBe('Thenextinvoice b.v.');
		expect((await api.get('/customer/checkcoc')).status).toBe(400);
		expect((await api.get('/customer/verifypeppol/1')).status).toBe(403);
	});

	it('paginates products from page 0 (= page 1) with before/total_pages keys', async () => {
		const first = (await api.get('/product/search')).data.data;
		expect(Object.keys(first).sort()).toEqual(['before', 'current', 'first', 'items', 'last', 'limit', 'next', 'total_items', 'total_pages']);
		expect(first).toMatchObject({ before: 1, current: 1, first: 1, last: 3, limit: 10, next: 2, total_items: 23, total_pages: 3 });
		expect((await api.get('/product/search', { params: { page: 1 } })).data.data.items).toEqual(first.items);
		const third = (await api.get('/product/search', { params: { page: 3 } })).data.data;
		expect(third).toMatchObject({ before: 2, current: 3, next: 3 });
		expect(third.items).toHaveLength(3);
		const byPrice = (await api.get('/product/search', { params: { order: 'price', reverse: true, limit: 2 } })).data.data.items;
		expect(byPrice[0].price).toBeGreaterThanOrEqual(byPrice[1].price);
		expect((await api.get('/product/search', { params: { order: 'bogus' } })).status).toBe(400);
	});

	it('creates (message answer), updates, reads and deletes products', async () => {
		const vat = (await api.get('/settings/vatcodes')).data.data[0].id;
		expect((await api.post('/product', { description: 'Description', price: 100, vat_id: null, ledgernumber_id: null })).data).toEqual({
			success: true,
			data: 'Product has been created',
		});
		expect((await api.put('/product/24', { description: 'Updated', price: 1000, vat_id: vat, ledgernumber_id: null })).data.data).toEqual({
			id: 24,
			description: 'Updated',
			price: 1000,
			vat_id: vat,
			ledgernumber_id: null,
		});
		expect((await api.post('/product', { description: 'x', price: 1, vat_id: 999 })).status).toBe(400);
		expect((await api.delete('/product/24')).data.data).toBe('Product has been removed');
		expect((await api.get('/product/24')).status).toBe(404);
	});

	it('manages ledger numbers, VAT codes (factor vs percent) and payment methods', async () => {
		const ledger = (await api.post('/settings/ledgernumbers', { name: 'Revenue', ledgernumber: '8000' })).data.data;
		expect(ledger).toEqual({ id: expect.any(Number), name: 'Revenue', ledgernumber: '8000', costcenter: '' });
		expect((await api.put(`/settings/ledgernumbers/${ledger.id}`, { name: 'Shipping', costcenter: 'KPL0001' })).data.data.costcenter).toBe('KPL0001');
		expect((await api.delete('/settings/ledgernumbers', { params: { id: ledger.id } })).data.data).toBe('Ledgernumber has been removed');
		expect((await api.delete('/settings/ledgernumbers', { params: { id: ledger.id } })).status).toBe(404);

		const vat = (await api.post('/settings/vatcodes', { name: '6% BTW', code: 'VL', factor: 1.06, type: null })).data.data;
		expect(vat).toEqual({ id: expect.any(Number), name: '6% BTW', code: 'VL', factor: 1.06, type: null });
		expect((await api.post('/settings/vatcodes', { name: 'x', factor: 1.21, type: 'bogus' })).status).toBe(400);
		expect((await api.get('/vatcodes')).data.data.find((v: any) => v.id === vat.id).factor).toBe(6);
		expect((await api.put(`/settings/vatcodes/${vat.id}`, { name: '6%', factor: 1.06 })).data.data.name).toBe('6%');
		expect((await api.delete(`/settings/vatcodes/${vat.id}`)).data.data).toBe('Vatcode has been removed');

		const method = (await api.post('/settings/paymentmethods', { name: 'Mollie iDeal transfer' })).data.data;
		expect((await api.put(`/settings/paymentmethods/${method.id}`, { name: 'iDeal transfer' })).data.data).toEqual({ id: method.id, name: 'iDeal transfer' });
		for (const m of (await api.get('/settings/paymentmethods')).data.data) await api.delete('/settings/paymentmethods', { params: { id: m.id } });
		expect((await api.get('/settings/paymentmethods')).status).toBe(404);
	});

	it('lists companies with their next numbers and reads/updates preferences', async () => {
		const companies = (await api.get('/company')).data.data;
		expect(companies.map((c: any) => c.id)).toEqual(sandbox.companyIds);
		expect(companies[0]).toMatchObject({ name: expect.any(String), next_number: expect.any(String), next_qnumber: '00001', country: 'NL' });
		const prefs = (await api.get('/preferences')).data.data;
		expect(prefs).toEqual({ package: 'premium', addons: [], language: 'EN', confirmed: true, grace: 0, user_data: { name: expect.any(String), email: sandbox.email }, company_name: companies[0].name });
		expect((await api.put('/preferences', { language: 'NL' })).data.data.language).toBe('NL');
		expect((await api.put('/preferences', {})).status).toBe(400);
	});
});
