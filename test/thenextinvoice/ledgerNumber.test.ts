import { useTni } from './setup';

const f = useTni();
let company: number;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
});

const ledgersOfCompany = () => [...f.sandbox.state.ledgerNumbers.values()].filter((l) => l.companyId === company);

describe('TheNextInvoice ledger number', () => {
	it('lists all ledger numbers, or the first ones with Limit', async () => {
		const all = await f.run({ resource: 'ledgerNumber', operation: 'getAll', returnAll: true });
		expect(f.apiCalls()).toEqual(['GET /settings/ledgernumbers']);
		expect(all.json).toEqual(ledgersOfCompany().map(({ id, name, ledgernumber, costcenter }) => ({ id, name, ledgernumber, costcenter })));
		expect(all.json.length).toBeGreaterThan(1);

		const one = await f.run({ resource: 'ledgerNumber', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.json).toEqual([all.json[0]]);
	});

	it('creates, updates (unchanged fields kept) and deletes with the documented DELETE ?id= shape', async () => {
		const created = await f.run({ resource: 'ledgerNumber', operation: 'create', name: 'Consultancy', additionalFields: { ledgernumber: '8010', costcenter: 'KPL0001' } });
		expect(f.apiCalls()).toEqual(['POST /settings/ledgernumbers']);
		expect(f.lastRequest()!.body).toEqual({ name: 'Consultancy', ledgernumber: '8010', costcenter: 'KPL0001' });
		const id = created.json[0].id as number;
		expect(created.json[0]).toEqual({ id, name: 'Consultancy', ledgernumber: '8010', costcenter: 'KPL0001' });

		f.sandbox.clearRequests();
		const updated = await f.run({ resource: 'ledgerNumber', operation: 'update', ledgerId: String(id), updateFields: { name: 'Advice' } });
		expect(updated.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/ledgernumbers', `PUT /settings/ledgernumbers/${id}`]);
		expect(f.lastRequest()!.body).toEqual({ name: 'Advice', ledgernumber: '8010', costcenter: 'KPL0001' });
		expect(updated.json[0]).toEqual({ id, name: 'Advice', ledgernumber: '8010', costcenter: 'KPL0001' });
		expect(f.sandbox.state.ledgerNumbers.get(id)).toMatchObject({ name: 'Advice', ledgernumber: '8010', costcenter: 'KPL0001' });

		f.sandbox.clearRequests();
		const deleted = await f.run({ resource: 'ledgerNumber', operation: 'delete', ledgerId: String(id) });
		expect(f.apiCalls()).toEqual(['DELETE /settings/ledgernumbers']);
		expect(f.lastRequest()!.query).toEqual({ id: String(id) });
		expect(deleted.json).toEqual([{ ledgerId: id, deleted: true, message: 'Ledgernumber has been removed' }]);
		expect(f.sandbox.state.ledgerNumbers.has(id)).toBe(false);

		const again = await f.run({ resource: 'ledgerNumber', operation: 'delete', ledgerId: String(id) });
		expect(again.error?.message).toMatch(/Ledger not found/);
	});

	it('refuses bad input and sends nothing', async () => {
		const name = await f.run({ resource: 'ledgerNumber', operation: 'create', name: '   ' });
		expect(name.error?.message).toMatch(/"Name": must not be empty/);
		const empty = await f.run({ resource: 'ledgerNumber', operation: 'update', ledgerId: '76', updateFields: {} });
		expect(empty.error?.message).toMatch(/"Update Fields": add at least one field to change/);
		const id = await f.run({ resource: 'ledgerNumber', operation: 'delete', ledgerId: '8000x' });
		expect(id.error?.message).toMatch(/"Ledger Number Name or ID": must be a positive whole number/);
		expect(f.apiCalls()).toEqual([]);
	});
});
