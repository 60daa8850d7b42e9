import { useTni } from './setup';

const f = useTni();
let company: number;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
});

const vatsOfCompany = () => [...f.sandbox.state.vatCodes.values()].filter((v) => v.companyId === company);

describe('TheNextInvoice VAT code', () => {
	it('lists VAT codes with the rate as a factor (/settings/vatcodes) or a percentage (/vatcodes)', async () => {
		const factors = await f.run({ resource: 'vatCode', operation: 'getAll', rateFormat: 'factor', returnAll: true });
		expect(f.apiCalls()).toEqual(['GET /settings/vatcodes']);
		expect(factors.json).toEqual(vatsOfCompany().map(({ id, name, code, factor, type }) => ({ id, name, code, factor, type })));
		expect(factors.json.find((v) => v.code === 'VH')).toMatchObject({ factor: 1.21 });

		const percentages = await f.run({ resource: 'vatCode', operation: 'getAll', rateFormat: 'percentage', returnAll: false, limit: 2 });
		expect(f.apiCalls().at(-1)).toBe('GET /vatcodes');
		expect(percentages.json).toHaveLength(2);
		expect(percentages.json.map((v) => v.id)).toEqual(factors.json.slice(0, 2).map((v) => v.id));
		const all = await f.run({ resource: 'vatCode', operation: 'getAll', rateFormat: 'percentage', returnAll: true });
		expect(all.json.find((v) => v.code === 'VH')).toMatchObject({ factor: 21 });
	});

	it('creates, updates (unchanged fields kept) and deletes a VAT code', async () => {
		const created = await f.run({ resource: 'vatCode', operation: 'create', name: '6% BTW', factor: 1.06, type: 'low', additionalFields: { code: 'VL6' } });
		expect(created.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /settings/vatcodes']);
		expect(f.lastRequest()!.body).toEqual({ name: '6% BTW', factor: 1.06, type: 'low', code: 'VL6' });
		const id = created.json[0].id as number;
		expect(created.json[0]).toEqual({ id, name: '6% BTW', code: 'VL6', factor: 1.06, type: 'low' });

		f.sandbox.clearRequests();
		const updated = await f.run({ resource: 'vatCode', operation: 'update', vatCodeId: String(id), updateFields: { factor: 1.09, name: '9% BTW' } });
		expect(updated.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/vatcodes', `PUT /settings/vatcodes/${id}`]);
		expect(f.lastRequest()!.body).toEqual({ name: '9% BTW', code: 'VL6', factor: 1.09, type: 'low' });
		expect(updated.json[0]).toEqual({ id, name: '9% BTW', code: 'VL6', factor: 1.09, type: 'low' });

		f.sandbox.clearRequests();
		const deleted = await f.run({ resource: 'vatCode', operation: 'delete', vatCodeId: String(id) });
		expect(f.apiCalls()).toEqual([`DELETE /settings/vatcodes/${id}`]);
		expect(deleted.json).toEqual([{ vatCodeId: id, deleted: true, message: 'Vatcode has been removed' }]);
		expect(f.sandbox.state.vatCodes.has(id)).toBe(false);
	});

	it('refuses a percentage given as factor, an unknown type and empty updates without sending', async () => {
		const percent = await f.run({ resource: 'vatCode', operation: 'create', name: '21%', factor: 21, type: 'high' });
		expect(percent.error?.message).toMatch(/"Factor": must be a multiplier such as 1.21 for 21% VAT, not a percentage/);
		const below = await f.run({ resource: 'vatCode', operation: 'create', name: 'Odd', factor: 0.21, type: 'high' });
		expect(below.error?.message).toMatch(/"Factor": must be a multiplier of at least 1/);
		const type = await f.run({ resource: 'vatCode', operation: 'create', name: 'X', factor: 1.21, type: 'reduced' });
		expect(type.error?.message).toMatch(/"Type": must be one of high, low, exempt, none, ICPS, ICPG, EBU/);
		const empty = await f.run({ resource: 'vatCode', operation: 'update', vatCodeId: '154', updateFields: {} });
		expect(empty.error?.message).toMatch(/"Update Fields": add at least one field to change/);
		expect(f.apiCalls()).toEqual([]);
	});
});
