import { useTni } from './setup';

const f = useTni();

describe('TheNextInvoice payment method', () => {
	it('creates, lists, renames and deletes (DELETE ?id=) a payment method', async () => {
		const created = await f.run({ resource: 'paymentMethod', operation: 'create', name: 'Mollie iDeal' });
		expect(f.apiCalls()).toEqual(['POST /settings/paymentmethods']);
		expect(f.lastRequest()!.body).toEqual({ name: 'Mollie iDeal' });
		const id = created.json[0].id as number;
		expect(created.json[0]).toEqual({ id, name: 'Mollie iDeal' });

		const listed = await f.run({ resource: 'paymentMethod', operation: 'getAll', returnAll: true });
		expect(f.apiCalls().at(-1)).toBe('GET /settings/paymentmethods');
		expect(listed.json.map((m) => m.name)).toEqual(['Bank transfer', 'Mollie iDeal']);
		const first = await f.run({ resource: 'paymentMethod', operation: 'getAll', returnAll: false, limit: 1 });
		expect(first.json.map((m) => m.name)).toEqual(['Bank transfer']);

		f.sandbox.clearRequests();
		const renamed = await f.run({ resource: 'paymentMethod', operation: 'update', paymentMethodId: String(id), name: 'iDeal' });
		expect(f.apiCalls()).toEqual([`PUT /settings/paymentmethods/${id}`]);
		expect(f.lastRequest()!.body).toEqual({ name: 'iDeal' });
		expect(renamed.json).toEqual([{ id, name: 'iDeal' }]);

		f.sandbox.clearRequests();
		const deleted = await f.run({ resource: 'paymentMethod', operation: 'delete', paymentMethodId: String(id) });
		expect(f.apiCalls()).toEqual(['DELETE /settings/paymentmethods']);
		expect(f.lastRequest()!.query).toEqual({ id: String(id) });
		expect(deleted.json).toEqual([{ paymentMethodId: id, deleted: true, message: 'Payment method has been removed' }]);
		expect(f.sandbox.state.paymentMethods.has(id)).toBe(false);
	});

	it('refuses an empty name and a bad id without sending', async () => {
		const name = await f.run({ resource: 'paymentMethod', operation: 'update', paymentMethodId: '8', name: ' ' });
		expect(name.error?.message).toMatch(/"Name": must not be empty/);
		const id = await f.run({ resource: 'paymentMethod', operation: 'delete', paymentMethodId: '0' });
		expect(id.error?.message).toMatch(/"Payment Method Name or ID": must be a positive whole number/);
		expect(f.apiCalls()).toEqual([]);
	});
});
