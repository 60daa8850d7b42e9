import { loadOptions } from '../helpers/n8n';
import { useTni } from './setup';

const f = useTni({ seedInvoices: 120, seedCustomers: 120 });

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
		const methods = await loadOptions(f.node, 'getPaymentMethods', parameters);
		expect(methods.map((o) => o.name)).toContain('Bank transfer');
	});
});
