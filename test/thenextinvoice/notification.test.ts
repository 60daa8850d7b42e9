import { useTni } from './setup';

const f = useTni();

describe('TheNextInvoice notification', () => {
	it('lists the notifications (all, or up to a limit) and dismisses them all', async () => {
		const first = f.sandbox.control.addNotification({ message: 'Invoice 202600001 has been paid', data: { invoice_id: 12 } });
		f.sandbox.control.addNotification({ message: 'Invoice 202600002 is past due', data: { invoice_id: 13 } });
		f.sandbox.control.addNotification({ message: 'Other company', companyId: f.sandbox.companyIds[1] });

		const all = await f.run({ resource: 'notification', operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /notifications']);
		expect(all.json).toHaveLength(2);
		expect(all.json[0]).toEqual({ id: first.id, company_id: f.sandbox.companyIds[0], message: 'Invoice 202600001 has been paid', data: { invoice_id: 12 }, time: expect.any(String) });
		const one = await f.run({ resource: 'notification', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.json).toHaveLength(1);

		f.sandbox.clearRequests();
		const dismissed = await f.run({ resource: 'notification', operation: 'dismissAll' });
		expect(f.apiCalls()).toEqual(['DELETE /notifications']);
		expect(dismissed.json).toEqual([{ dismissed: true, message: 'Notifications have been removed' }]);
		expect((await f.run({ resource: 'notification', operation: 'getAll', returnAll: true })).json).toEqual([]);
	});
});
