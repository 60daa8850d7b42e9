import { tniClient } from '../sandbox/thenextinvoice/test-client';
import { useTni } from './setup';

const f = useTni({ seedInvoices: 105 });
let batchIds: number[];

beforeAll(async () => {
	const client = tniClient(f.sandbox);
	const invoices = [...f.sandbox.state.invoices.values()].filter((i) => i.companyId === f.sandbox.companyIds[0]).map((i) => i.id);
	batchIds = [];
	// One batch per invoice: collection dates spread over three months.
	for (const [n, id] of invoices.entries()) {
		const answer = await client.post(`/invoice/${id}/sepa`, { date: `2026-0${1 + (n % 3)}-15` });
		if (answer.status !== 200) throw new Error(JSON.stringify(answer.data));
		batchIds.push(answer.data.data.id as number);
	}
});

const op = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'sepaBatch', operation, ...extra });

describe('TheNextInvoice SEPA batch', () => {
	it('Return All pages through the search 100 at a time; Limit asks for one short page', async () => {
		const all = await f.run(op('getAll', { returnAll: true, filters: {} }));
		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(105);
		expect(f.sandbox.requests.map((r) => [r.path, r.query.page, r.query.limit])).toEqual([
			['/api/v1/sepa/search', '1', '100'],
			['/api/v1/sepa/search', '2', '100'],
		]);
		expect(all.json[0]).toMatchObject({ id: expect.any(Number), count: 1, currency: 'EUR' });

		f.sandbox.clearRequests();
		const some = await f.run(op('getAll', { returnAll: false, limit: 7, filters: {} }));
		expect(some.json).toHaveLength(7);
		expect(f.sandbox.requests.map((r) => r.query.limit)).toEqual(['7']);
	});

	it('filters by date and amount and orders', async () => {
		const january = await f.run(op('getAll', { returnAll: true, filters: { mindate: '2026-01-01T00:00:00', maxdate: '2026-01-31', minamount: 10, order: 'amount', reverse: true } }));
		expect(f.lastRequest()!.query).toMatchObject({ mindate: '2026-01-01', maxdate: '2026-01-31', minamount: '10', order: 'amount', reverse: 'true' });
		expect(f.lastRequest()!.query.maxamount).toBeUndefined();
		expect(january.json.length).toBe(35);
		expect(january.json.every((b) => b.date === '2026-01-15')).toBe(true);
		const amounts = january.json.map((b) => b.amount_incl as number);
		expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
	});

	it('totals per currency, one item each, with the same filters', async () => {
		const { json, error } = await f.run(op('getTotals', { filters: { mindate: '2026-02-01', maxdate: '2026-02-28' } }));
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /sepa/totals']);
		expect(f.lastRequest()!.query).toEqual({ mindate: '2026-02-01', maxdate: '2026-02-28' });
		const february = [...f.sandbox.state.sepaBatches.values()].filter((b) => b.date === '2026-02-15');
		expect(json).toEqual([{ currency: 'EUR', amount_incl: expect.closeTo(february.reduce((s, b) => s + b.amount_incl, 0), 2), amount_excl: expect.any(Number) }]);
	});

	it('downloads the pain.008 XML as binary data; an unknown batch is a 404', async () => {
		const id = batchIds[0];
		const { items, error } = await f.run(op('download', { batchId: String(id), binaryPropertyName: 'sepa' }));
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /sepa/${id}/view`]);
		expect(items[0].json).toMatchObject({ fileName: `sepa-${id}.xml`, mimeType: 'application/xml' });
		const xml = Buffer.from(items[0].binary!.sepa.data, 'base64').toString('utf8');
		expect(xml).toMatch(/^<\?xml/);
		expect(xml).toMatch(/pain\.008/);

		const missing = await f.run(op('download', { batchId: '999999', binaryPropertyName: 'data' }));
		// The vendor's own JSON error is read from the binary answer, with its code.
		expect(missing.error?.message).toMatch(/TheNextInvoice: .*999999.*\[404\]$/i);
		expect(missing.error?.description).toMatch(/HTTP 404/);
	});
});
