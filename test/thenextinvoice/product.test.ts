import { useTni } from './setup';

const SEEDED = 250;
const f = useTni({ seedProducts: SEEDED });
let vat: number;
let ledger: number;

beforeAll(() => {
	const company = f.sandbox.companyIds[0];
	const first = <T extends { companyId: number; id: number }>(map: Map<number, T>) => [...map.values()].find((r) => r.companyId === company)!.id;
	vat = first(f.sandbox.state.vatCodes);
	ledger = first(f.sandbox.state.ledgerNumbers);
});

const body = () => f.lastRequest()!.body as Record<string, unknown>;
const findProduct = (description: string) => [...f.sandbox.state.products.values()].find((p) => p.description === description);

describe('TheNextInvoice product', () => {
	it('creates a product with VAT code and ledger, and without them (sent as null)', async () => {
		const created = await f.run({ resource: 'product', operation: 'create', description: 'Croissant', price: 2.5, additionalFields: { vat_id: vat, ledgernumber_id: String(ledger) } });
		expect(created.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /product']);
		expect(body()).toEqual({ description: 'Croissant', price: 2.5, vat_id: vat, ledgernumber_id: ledger });
		expect(created.json).toEqual([{ description: 'Croissant', price: 2.5, vat_id: vat, ledgernumber_id: ledger, created: true, message: 'Product has been created' }]);
		expect(findProduct('Croissant')).toMatchObject({ price: 2.5, vat_id: vat, ledgernumber_id: ledger });

		await f.run({ resource: 'product', operation: 'create', description: 'Baguette', price: 3 });
		expect(body()).toEqual({ description: 'Baguette', price: 3, vat_id: null, ledgernumber_id: null });
	});

	it('gets, updates only the given fields (PUT with the whole product) and deletes a product', async () => {
		await f.run({ resource: 'product', operation: 'create', description: 'Taart', price: 20, additionalFields: { vat_id: vat, ledgernumber_id: ledger } });
		const id = findProduct('Taart')!.id;

		const got = await f.run({ resource: 'product', operation: 'get', productId: String(id) });
		expect(f.apiCalls().at(-1)).toBe(`GET /product/${id}`);
		expect(got.json).toEqual([{ id, description: 'Taart', price: 20, vat_id: vat, ledgernumber_id: ledger }]);

		f.sandbox.clearRequests();
		const updated = await f.run({ resource: 'product', operation: 'update', productId: String(id), updateFields: { price: 22.5 } });
		expect(updated.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /product/${id}`, `PUT /product/${id}`]);
		expect(body()).toEqual({ description: 'Taart', price: 22.5, vat_id: vat, ledgernumber_id: ledger });
		expect(updated.json).toEqual([{ id, description: 'Taart', price: 22.5, vat_id: vat, ledgernumber_id: ledger }]);

		f.sandbox.clearRequests();
		const deleted = await f.run({ resource: 'product', operation: 'delete', productId: String(id) });
		expect(f.apiCalls()).toEqual([`DELETE /product/${id}`]);
		expect(deleted.json).toEqual([{ productId: id, deleted: true }]);
		expect(f.sandbox.state.products.has(id)).toBe(false);

		const missing = await f.run({ resource: 'product', operation: 'update', productId: String(id), updateFields: { price: 1 } });
		expect(missing.error?.message).toMatch(/Product does not exist/);
	});

	it('Get Many: Return All pages from 1 (page 0 would repeat the first page) until total_pages; Limit stops early', async () => {
		const all = await f.run({ resource: 'product', operation: 'getAll', options: { term: 'Product', order: 'id' }, returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(SEEDED);
		expect(new Set(all.json.map((p) => p.id)).size).toBe(SEEDED);
		expect(f.sandbox.requests.map((r) => [r.method, r.path, r.query])).toEqual(
			[1, 2, 3].map((page) => ['GET', '/api/v1/product/search', { term: 'Product', order: 'id', page: String(page), limit: '100' }]),
		);

		f.sandbox.clearRequests();
		const some = await f.run({ resource: 'product', operation: 'getAll', options: { order: 'price', reverse: true }, returnAll: false, limit: 4 });
		expect(f.sandbox.requests.map((r) => r.query)).toEqual([{ order: 'price', reverse: 'true', page: '1', limit: '4' }]);
		expect(some.json).toHaveLength(4);
		expect(some.json.every((p) => p.price === 59)).toBe(true);
	});

	it('refuses bad input with the field named and sends nothing', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ resource: 'product', operation: 'create', description: ' ', price: 1 }, /"Description": must not be empty/],
			[{ resource: 'product', operation: 'create', description: 'X', price: 1, additionalFields: { vat_id: 'abc' } }, /"Additional Fields" › VAT Code Name or ID: must be a positive whole number/],
			[{ resource: 'product', operation: 'update', productId: '1', updateFields: {} }, /"Update Fields": add at least one field to change/],
			[{ resource: 'product', operation: 'get', productId: '-3' }, /"Product": must be a positive whole number/],
		];
		for (const [parameters, message] of cases) {
			const { error } = await f.run(parameters as never);
			expect(error?.message).toMatch(message);
		}
		expect(f.apiCalls()).toEqual([]);
	});
});
