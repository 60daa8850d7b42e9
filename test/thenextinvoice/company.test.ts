import { useTni } from './setup';

const f = useTni();

describe('TheNextInvoice company', () => {
	it('lists the companies the user has access to, or the first ones with Limit', async () => {
		const all = await f.run({ resource: 'company', operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /company']);
		expect(all.json.map((c) => c.id)).toEqual(f.sandbox.companyIds);
		expect(all.json[0]).toMatchObject({ name: 'TNI Sandbox B.V.', country: 'NL', next_number: expect.any(String) });

		const one = await f.run({ resource: 'company', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.json).toEqual([all.json[0]]);

		const viaLogin = await f.run({ authentication: 'emailPassword', resource: 'company', operation: 'getAll', returnAll: true });
		expect(viaLogin.json.map((c) => c.id)).toEqual(f.sandbox.companyIds);
	});
});
