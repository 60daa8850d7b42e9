import { loadOptions } from '../helpers/n8n';
import { idLocator, useTni } from './setup';

const f = useTni({ seedInvoices: 120, seedCustomers: 120, seedProducts: 130 });

const ofFirstCompany = <T extends { companyId: number }>(map: Map<number, T>) => [...map.values()].filter((r) => r.companyId === f.sandbox.companyIds[0]);

describe('TheNextInvoice pickers loaded from the account', () => {
	it('customers: searchable list, 100 per page with a next-page token', async () => {
		const first = await f.search('searchCustomers');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const found = await f.search('searchCustomers', {}, 'Seed Customer 00007');
		expect(found.results.map((r) => r.name)).toContain('Seed Customer 00007');
	});

	it('invoices: newest first', async () => {
		const { results } = await f.search('searchInvoices');
		const ids = results.map((r) => Number(r.value));
		expect(ids.length).toBe(100);
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
	});

	it('invoice profiles', async () => {
		const { results } = await f.search('searchProfiles');
		expect(results.map((r) => r.value).sort()).toEqual(ofFirstCompany(f.sandbox.state.profiles).map((p) => String(p.id)).sort());
	});

	it('VAT codes, ledger numbers and payment methods as dropdowns', async () => {
		const parameters = { authentication: 'apiToken' };
		const vat = await loadOptions(f.node, 'getVatCodes', parameters);
		expect(vat.map((o) => o.value).sort()).toEqual(ofFirstCompany(f.sandbox.state.vatCodes).map((v) => v.id).sort());
		const ledgers = await loadOptions(f.node, 'getLedgerNumbers', parameters);
		expect(ledgers.map((o) => o.value).sort()).toEqual(ofFirstCompany(f.sandbox.state.ledgerNumbers).map((l) => l.id).sort());
		// Named as the user knows them (the ledger number and its name), not by the internal id.
		for (const ledger of ofFirstCompany(f.sandbox.state.ledgerNumbers)) {
			expect(ledgers).toContainEqual({ name: `${ledger.ledgernumber} ${ledger.name}`, value: ledger.id });
		}
		const methods = await loadOptions(f.node, 'getPaymentMethods', parameters);
		expect(methods.map((o) => o.name)).toContain('Bank transfer');
	});

	it('products: searchable list, 100 per page with a next-page token; the picked value drives the node', async () => {
		const first = await f.search('searchProducts');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(f.lastRequest()).toMatchObject({ path: '/api/v1/product/search', query: expect.objectContaining({ page: '1', limit: '100' }) });
		const second = await f.search('searchProducts', {}, undefined, first.paginationToken);
		const ids = [...first.results, ...second.results].map((r) => r.value);
		expect(second.paginationToken).toBeUndefined();
		expect(ids.sort()).toEqual(ofFirstCompany(f.sandbox.state.products).map((p) => String(p.id)).sort());

		const product = ofFirstCompany(f.sandbox.state.products)[7];
		const found = await f.search('searchProducts', {}, String(product.description));
		expect(found.results.map((r) => r.value)).toContain(String(product.id));
		const picked = { __rl: true, mode: 'list', value: found.results[0].value };
		const got = await f.run({ resource: 'product', operation: 'get', productId: picked });
		expect(got.error).toBeUndefined();
		expect(f.lastRequest()!.path).toBe(`/api/v1/product/${found.results[0].value}`);
	});

	it('companies: the companies of the user, filtered by name; Switch Company takes the picked one', async () => {
		const { results } = await f.search('searchCompanies');
		expect(results.map((r) => Number(r.value))).toEqual(f.sandbox.companyIds);
		const second = f.sandbox.state.companies.get(f.sandbox.companyIds[1])!;
		const filtered = await f.search('searchCompanies', {}, 'SECOND');
		expect(filtered.results).toEqual([{ name: second.name, value: String(second.id) }]);

		const switched = await f.run({ authentication: 'emailPassword', resource: 'session', operation: 'switchCompany', company: { __rl: true, mode: 'list', value: filtered.results[0].value } });
		expect(switched.error).toBeUndefined();
		expect(switched.json[0]).toEqual({ company: second.id, switched: true });
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/session/jwt/switch', body: { company: second.id } });
		f.sandbox.control.expireJwts();
	});

	it.each([
		['e-mail', 'emailSetting', 'searchEmailTemplates', { subject: 'Invoice {invoicenumber}', templateText: '<p>Dear customer</p>' }, '/settings/email/text'],
		['SMS', 'smsSetting', 'searchSmsTemplates', { templateText: 'Please pay via {paymentlink}' }, '/settings/sms/text'],
	])('%s templates: every template of the company, filtered by name; the picked one is used', async (_kind, resource, method, fields, path) => {
		const created: string[] = [];
		for (const name of ['Reminder', 'Welcome']) {
			const { json, error } = await f.run({ resource, operation: 'createTemplate', name: `${name} ${method}`, ...fields });
			expect(error).toBeUndefined();
			created.push(String(json[0].id));
		}
		const all = await f.search(method);
		expect(all.results.map((r) => r.value)).toEqual(created);
		expect(all.results.map((r) => r.name)).toEqual([`Reminder ${method}`, `Welcome ${method}`]);
		const filtered = await f.search(method, {}, 'welc');
		expect(filtered.results.map((r) => r.value)).toEqual([created[1]]);

		const got = await f.run({ resource, operation: 'getTemplate', templateId: { __rl: true, mode: 'list', value: created[1] } });
		expect(got.json[0]).toMatchObject({ id: Number(created[1]), name: `Welcome ${method}` });
		expect(f.lastRequest()!.path).toBe(`/api/v1${path}/${created[1]}`);
		const byId = await f.run({ resource, operation: 'deleteTemplate', templateId: idLocator(created[0]) });
		expect(byId.json[0]).toMatchObject({ templateId: Number(created[0]), deleted: true });
	});

	it('profiles as the id of profile operations, "default" by ID', async () => {
		const { results } = await f.search('searchProfiles');
		const got = await f.run({ resource: 'invoiceProfile', operation: 'get', profileId: { __rl: true, mode: 'list', value: results[0].value } });
		expect(got.json[0].id).toBe(Number(results[0].value));
		const byDefault = await f.run({ resource: 'invoiceProfile', operation: 'get', profileId: idLocator('default') });
		expect(byDefault.json[0].default).toBe(true);
	});
});
