import { useTni } from './setup';

const f = useTni({ seedInvoices: 40 });

beforeAll(() => {
	const company = f.sandbox.companyIds[0];
	const first = <T extends { companyId: number; id: number }>(map: Map<number, T>) => [...map.values()].find((r) => r.companyId === company)!.id;
	const other = f.sandbox.control.createCustomer({ companyname: 'Groothandel De Vries' });
	f.sandbox.control.createInvoice({
		receiver: Number(other.id),
		lines: [{ description: 'Big order', quantity: 1, price: 99999, vat: first(f.sandbox.state.vatCodes), ledger: first(f.sandbox.state.ledgerNumbers) }],
	});
});

describe('TheNextInvoice analytics and prognosis', () => {
	it('turnover per month and per year: one item per period, oldest first', async () => {
		const month = await f.run({ resource: 'analytics', operation: 'getTurnover', interval: 'month' });
		expect(month.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /analytics/turnover/month']);
		expect(month.json).toHaveLength(12);
		expect(month.json[0]).toEqual({ period: expect.stringMatching(/^[A-Z][a-z]{2} \d{4}$/), turnover: expect.any(Number) });
		// The big order is sent today; seeded invoices of this month add to it (there may be none on the 1st).
		expect(month.json.at(-1)!.turnover as number).toBeGreaterThanOrEqual(99999);

		const year = await f.run({ resource: 'analytics', operation: 'getTurnover', interval: 'year' });
		expect(f.lastRequest()!.path).toBe('/api/v1/analytics/turnover/year');
		expect(year.json.map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => String(new Date().getUTCFullYear() - 11 + i)));
	});

	it('top customers, highest first, up to the number asked', async () => {
		const { json, error } = await f.run({ resource: 'analytics', operation: 'getTopCustomers', count: 3 });
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /analytics/customers/3']);
		expect(json.length).toBeGreaterThanOrEqual(1);
		expect(json.length).toBeLessThanOrEqual(3);
		expect(json[0]).toMatchObject({ companyname: 'Groothandel De Vries', customerid: expect.any(Number), amount: expect.any(Number) });
		const bad = await f.run({ resource: 'analytics', operation: 'getTopCustomers', count: 51 });
		expect(bad.error?.message).toMatch(/"Number of Customers": must be 1 to 50/);
	});

	it('prognosis: none yet, then saved (PUT) and read back', async () => {
		const none = await f.run({ resource: 'prognosis', operation: 'get' });
		expect(none.json).toEqual([{ exists: false }]);
		expect(f.apiCalls()).toEqual(['GET /prognosis']);

		const saved = await f.run({ resource: 'prognosis', operation: 'save', start_month: 3, start_year: 2026, revenue: '3000, 3200.5, 4100', costs: '1000;1000 1200', debts: '0, 500, 0' });
		expect(saved.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', path: '/api/v1/prognosis' });
		expect(f.lastRequest()!.body).toEqual({ start_month: 3, start_year: 2026, revenue: [3000, 3200.5, 4100], costs: [1000, 1000, 1200], debts: [0, 500, 0] });
		expect(saved.json[0]).toMatchObject({ start_month: 3, revenue: [3000, 3200.5, 4100] });

		const got = await f.run({ resource: 'prognosis', operation: 'get' });
		expect(got.json[0]).toMatchObject({ exists: true, start_year: 2026, costs: [1000, 1000, 1200] });

		const bad = await f.run({ resource: 'prognosis', operation: 'save', start_month: 13, start_year: 2026, revenue: '1, x', costs: ',', debts: '1' });
		expect(bad.error?.message).toMatch(/"Start Month": must be 1 to 12/);
		expect(bad.error?.description).toMatch(/"Revenue".*numbers separated by commas/s);
		expect(bad.error?.description).toMatch(/"Costs": add at least one monthly figure/);
	});
});
