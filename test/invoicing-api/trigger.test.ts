import { newInvoice, startInvoicing, type InvoicingFixture } from './setup';

let f: InvoicingFixture;
beforeAll(async () => {
	f = await startInvoicing();
	for (const id of ['TRIG-A', 'TRIG-B']) await f.run(newInvoice({ customInvoiceId: id }));
});
afterAll(async () => await f.sandbox.close());

const statusCalls = (id: string) => f.apiCalls().filter((c) => c === `GET /invoice/${id}/status`).length;

describe('Invoicing API Trigger', () => {
	it('emits each new event of the watched invoices once, and stops polling a paid invoice', async () => {
		const watch = { customInvoiceIds: 'TRIG-A, TRIG-B' };
		const first = await f.poll(watch);
		expect(first.items).toBeNull();

		const delivered = f.sandbox.control.markDelivered('TRIG-A');
		const second = await f.poll(watch, { staticData: first.staticData });
		expect(second.items).toEqual([{ customInvoiceId: 'TRIG-A', event: 'delivered', date: delivered.deliveredAt, state: 'delivered' }]);
		expect((await f.poll(watch, { staticData: second.staticData })).items).toBeNull();

		f.sandbox.control.markOpened('TRIG-A');
		const paidB = f.sandbox.control.markPaid('TRIG-B');
		const third = await f.poll(watch, { staticData: second.staticData });
		expect(third.items?.map((i) => `${i.customInvoiceId} ${i.event}`).sort()).toEqual(['TRIG-A opened', 'TRIG-B delivered', 'TRIG-B opened', 'TRIG-B paid']);
		expect(third.items?.find((i) => i.event === 'paid')).toEqual({ customInvoiceId: 'TRIG-B', event: 'paid', date: paidB.paidAt, state: 'paid' });

		const callsForB = statusCalls('TRIG-B');
		const fourth = await f.poll(watch, { staticData: third.staticData });
		expect(fourth.items).toBeNull();
		expect(statusCalls('TRIG-B')).toBe(callsForB); // paid: no longer asked about
		expect(third.staticData.paid).toEqual(['TRIG-B']);
	});

	it('takes the ids from an expression returning a list, and only the chosen events', async () => {
		await f.run(newInvoice({ customInvoiceId: 'TRIG-C' }));
		const watch = { customInvoiceIds: '={{ ["TRIG-C"] }}', events: ['paid'] };
		const first = await f.poll(watch);
		f.sandbox.control.markDelivered('TRIG-C');
		const second = await f.poll(watch, { staticData: first.staticData });
		expect(second.items).toBeNull();
		f.sandbox.control.markPaid('TRIG-C');
		const third = await f.poll(watch, { staticData: second.staticData });
		expect(third.items?.map((i) => i.event)).toEqual(['paid']);
	});

	it('an id the API does not know yet is skipped without error and picked up once it exists', async () => {
		const watch = { customInvoiceIds: 'TRIG-LATER\nTRIG-A' };
		const first = await f.poll(watch);
		expect(first.items?.map((i) => i.customInvoiceId)).toEqual(['TRIG-A', 'TRIG-A']);
		await f.run(newInvoice({ customInvoiceId: 'TRIG-LATER' }));
		f.sandbox.control.markDelivered('TRIG-LATER');
		const second = await f.poll(watch, { staticData: first.staticData });
		expect(second.items?.map((i) => `${i.customInvoiceId} ${i.event}`)).toEqual(['TRIG-LATER delivered']);
	});

	it('a failed status request does not lose events: they come with the next poll', async () => {
		await f.run(newInvoice({ customInvoiceId: 'TRIG-D' }));
		await f.run(newInvoice({ customInvoiceId: 'TRIG-E' }));
		const watch = { customInvoiceIds: 'TRIG-D, TRIG-E' };
		const armed = await f.poll(watch);
		f.sandbox.control.markDelivered('TRIG-D');
		f.sandbox.control.markDelivered('TRIG-E');
		f.sandbox.faults.add({ kind: 'htmlError', times: 10, match: { path: '/api/invoice/TRIG-E/status' } });
		await expect(f.poll(watch, { staticData: armed.staticData })).rejects.toThrow(/Invoicing API/);
		f.sandbox.faults.clear();
		const next = await f.poll(watch, { staticData: armed.staticData });
		expect(next.items?.map((i) => `${i.customInvoiceId} ${i.event}`).sort()).toEqual(['TRIG-D delivered', 'TRIG-E delivered']);
	});

	it('manual runs return a sample and leave the cursor alone', async () => {
		const watch = { customInvoiceIds: 'TRIG-B' };
		const armed = await f.poll(watch);
		const before = JSON.stringify(armed.staticData);
		const manual = await f.poll(watch, { mode: 'manual', staticData: armed.staticData });
		expect(manual.items).toEqual([expect.objectContaining({ customInvoiceId: 'TRIG-B', event: 'paid' })]);
		expect(JSON.stringify(manual.staticData)).toBe(before);
	});

	it('asks several watched invoices at a time and keeps only unpaid invoices with an event (paid ones as ids)', async () => {
		const ids = f.sandbox.control.bulkSent(12, 'PAR');
		const watch = { customInvoiceIds: ids.join(',') };
		const armed = await f.poll(watch);
		expect(armed.items).toBeNull();
		expect(armed.staticData).toEqual({ emitted: {}, paid: [] });
		f.sandbox.control.markDelivered(ids[0]);
		f.sandbox.control.markPaid(ids[1]);
		f.sandbox.clearRequests();
		// Every status answer held back 200 ms: one after the other, 12 would take 2.4 s.
		f.sandbox.faults.add({ kind: 'slow', delayMs: 200, times: 12, match: { method: 'GET' } });
		const started = Date.now();
		const next = await f.poll(watch, { staticData: armed.staticData });
		const arrivals = f.sandbox.requests.filter((r) => r.path.endsWith('/status')).map((r) => r.at);
		expect(arrivals).toHaveLength(12);
		expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(2 * 200 * 12 / 3);
		expect(Date.now() - started).toBeLessThan(200 * 12);
		expect(next.items?.map((i) => `${i.customInvoiceId} ${i.event}`).sort()).toEqual([`${ids[0]} delivered`, `${ids[1]} delivered`, `${ids[1]} opened`, `${ids[1]} paid`]);
		expect(next.staticData).toEqual({ emitted: { [ids[0]]: ['delivered'] }, paid: [ids[1]] });
		f.sandbox.clearRequests();
		expect((await f.poll(watch, { staticData: next.staticData })).items).toBeNull();
		expect(f.apiCalls()).toHaveLength(11); // the paid one is no longer asked about
	});

	it('refuses an empty watch list', async () => {
		await expect(f.poll({ customInvoiceIds: ' , ' })).rejects.toThrow('No invoices to watch');
	});
});
