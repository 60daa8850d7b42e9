import { sleep } from 'n8n-workflow';

import { newInvoice, startInvoicing, type InvoicingFixture } from './setup';

let f: InvoicingFixture;
beforeAll(async () => {
	f = await startInvoicing();
});
afterAll(async () => await f.sandbox.close());
beforeEach(() => f.sandbox.faults.clear());

const createOnly = (customInvoiceId: string) =>
	f.run(newInvoice({ customInvoiceId, createOnly: true, smsDetails: { senderName: 'Vimmerby', freeText: 'Your invoice' } }));
const send = (customInvoiceId: string) => f.run({ resource: 'invoice', operation: 'send', customInvoiceId });
const status = (customInvoiceId: string, simplify = true) => f.run({ resource: 'invoice', operation: 'getStatus', customInvoiceId, simplify });

describe('Invoicing API: send', () => {
	it('sends an invoice created with Create Only', async () => {
		await createOnly('SEND-1');
		expect(f.sandbox.invoices.get('SEND-1')?.sendCount).toBe(0);
		const { json, error } = await send('SEND-1');
		expect(error).toBeUndefined();
		expect(json).toEqual([{ customInvoiceId: 'SEND-1', statusCode: 200, message: 'Invoice sent', invoiceUrl: f.sandbox.invoices.get('SEND-1')?.invoiceUrl, alreadyDone: false }]);
		expect(f.sandbox.invoices.get('SEND-1')?.sendCount).toBe(1);
	});

	it('a second send is refused by the API and reported while no delivery event confirms it', async () => {
		await createOnly('SEND-2');
		await send('SEND-2');
		const { error } = await send('SEND-2');
		expect(error?.message).toBe('Invoicing API: Invoice has already been sent [Bad Request]');
		expect(f.sandbox.invoices.get('SEND-2')?.sendCount).toBe(1);
	});

	it('an unknown id is reported with the API\'s message', async () => {
		const { error } = await send('NO-SUCH-INVOICE');
		expect(error?.message).toBe('Invoicing API: Invoice with customInvoiceId "NO-SUCH-INVOICE" not found [Bad Request]');
		expect(error?.description).toMatch(/HTTP 400/);
	});

	it('ids with special characters are escaped in the path', async () => {
		await createOnly('2026/12 #7');
		const { json } = await send('2026/12 #7');
		expect(json[0].statusCode).toBe(200);
		expect(f.apiCalls().at(-1)).toBe('POST /invoice/2026%2F12%20%237/send');
	});

	it('a send whose outcome is unknown is not repeated (it would message the customer twice)', async () => {
		await createOnly('SEND-DROP');
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/invoice/:id/send' } });
		const { error } = await send('SEND-DROP');
		expect(error?.description).toMatch(/OUTCOME UNKNOWN/);
		expect(f.apiCalls().filter((c) => c === 'POST /invoice/SEND-DROP/send')).toHaveLength(1);
		expect(f.sandbox.invoices.get('SEND-DROP')?.sendCount).toBe(1);
	});

	describe('after an unknown outcome, a delivery event proves the send', () => {
		// Delivery is reported as soon as the invoice went out.
		let delivering: InvoicingFixture;
		beforeAll(async () => {
			delivering = await startInvoicing({ lifecycleMs: { delivered: 0, opened: 86_400_000, paid: 86_400_000 } });
		});
		afterAll(async () => await delivering.sandbox.close());
		const sendVia = (id: string) => delivering.run({ resource: 'invoice', operation: 'send', customInvoiceId: id });
		const createOnlyVia = (id: string) => delivering.run(newInvoice({ customInvoiceId: id, createOnly: true, smsDetails: { senderName: 'Vimmerby', freeText: 'Your invoice' } }));

		it('connection dropped after the send went out: the status shows it delivered, the item succeeds, sent once', async () => {
			await createOnlyVia('PROVED-1');
			delivering.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/invoice/:id/send' } });
			const { json, error } = await sendVia('PROVED-1');
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ customInvoiceId: 'PROVED-1', recoveredAfterUnknownOutcome: true, status: { state: 'delivered' } });
			expect(delivering.apiCalls().slice(-2)).toEqual(['POST /invoice/PROVED-1/send', 'GET /invoice/PROVED-1/status']);
			expect(delivering.sandbox.invoices.get('PROVED-1')?.sendCount).toBe(1);
		});

		it('500 from a gateway (it did not go out): no event, none after the settle delay either: OUTCOME UNKNOWN and not sent again', async () => {
			await createOnlyVia('UNPROVED-1');
			delivering.sandbox.faults.add({ kind: 'status500', match: { method: 'POST', path: '/api/invoice/:id/send' } });
			const { error } = await sendVia('UNPROVED-1');
			expect(error?.description).toMatch(/OUTCOME UNKNOWN/);
			expect(delivering.apiCalls().slice(-3)).toEqual(['POST /invoice/UNPROVED-1/send', 'GET /invoice/UNPROVED-1/status', 'GET /invoice/UNPROVED-1/status']);
			expect(delivering.sandbox.invoices.get('UNPROVED-1')?.sendCount).toBe(0);
		});

		it('a send that lands only after its time-out: no event at once, one after the settle delay: sent once, the item succeeds', async () => {
			await createOnlyVia('LATE-SEND-1');
			delivering.sandbox.faults.add({ kind: 'slow', delayMs: 1500, match: { method: 'POST', path: '/api/invoice/:id/send' } });
			const { json, error } = await delivering.run({ resource: 'invoice', operation: 'send', customInvoiceId: 'LATE-SEND-1', requestOptions: { timeoutSeconds: 1 } });
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ customInvoiceId: 'LATE-SEND-1', recoveredAfterUnknownOutcome: true, alreadyDone: false });
			expect(delivering.apiCalls().filter((c) => c === 'POST /invoice/LATE-SEND-1/send')).toHaveLength(1);
			expect(delivering.sandbox.invoices.get('LATE-SEND-1')?.sendCount).toBe(1);
		});

		it('Send Again When Unproven: the same 500 is sent again once (the API would refuse a second send) and goes out once', async () => {
			await createOnlyVia('UNPROVED-2');
			delivering.sandbox.faults.add({ kind: 'status500', match: { method: 'POST', path: '/api/invoice/:id/send' } });
			const { json, error } = await delivering.run({ resource: 'invoice', operation: 'send', customInvoiceId: 'UNPROVED-2', sendAgainWhenUnproven: true });
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ customInvoiceId: 'UNPROVED-2', statusCode: 200, alreadyDone: false });
			expect(delivering.sandbox.invoices.get('UNPROVED-2')?.sendCount).toBe(1);
		});

		it('a re-run over a delivered invoice: the refusal, confirmed by its delivery event, is alreadyDone', async () => {
			await createOnlyVia('RERUN-1');
			await sendVia('RERUN-1');
			const { json, error } = await sendVia('RERUN-1');
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ customInvoiceId: 'RERUN-1', status: { state: 'delivered' }, alreadyDone: true });
			expect(delivering.sandbox.invoices.get('RERUN-1')?.sendCount).toBe(1);
		});
	});
});

describe('Invoicing API: get status', () => {
	it('follows an invoice from sent to delivered, opened and paid, with each date', async () => {
		await f.run(newInvoice({ customInvoiceId: 'LIFE-1' }));
		expect((await status('LIFE-1')).json).toEqual([{ customInvoiceId: 'LIFE-1', state: 'sent', deliveredAt: null, openedAt: null, paidAt: null }]);
		const delivered = f.sandbox.control.markDelivered('LIFE-1');
		expect((await status('LIFE-1')).json[0]).toEqual({ customInvoiceId: 'LIFE-1', state: 'delivered', deliveredAt: delivered.deliveredAt, openedAt: null, paidAt: null });
		f.sandbox.control.markOpened('LIFE-1');
		expect((await status('LIFE-1')).json[0].state).toBe('opened');
		const paid = f.sandbox.control.markPaid('LIFE-1');
		expect((await status('LIFE-1')).json[0]).toEqual({ customInvoiceId: 'LIFE-1', state: 'paid', ...paid });
	});

	it('the raw answer has only the events that happened', async () => {
		await f.run(newInvoice({ customInvoiceId: 'RAW-1' }));
		const delivered = f.sandbox.control.markDelivered('RAW-1');
		const { json } = await status('RAW-1', false);
		expect(json).toEqual([{ customInvoiceId: 'RAW-1', deliveredAt: delivered.deliveredAt }]);
	});

	it('an unknown id is an error', async () => {
		const { error } = await status('NOPE-1');
		expect(error?.message).toMatch(/not found/);
	});

	it('a status request is safe to repeat: 502 and dropped connections are retried', async () => {
		await f.run(newInvoice({ customInvoiceId: 'RETRY-1' }));
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'GET' } });
		f.sandbox.faults.add({ kind: 'dropBeforeHandling', match: { method: 'GET' } });
		const { json } = await status('RETRY-1');
		expect(json[0].state).toBe('sent');
		expect(f.apiCalls().slice(-3)).toEqual(Array(3).fill('GET /invoice/RETRY-1/status'));
	});

	it('statuses advance by themselves on the sandbox clock after a send', async () => {
		const clocked = await startInvoicing({ lifecycleMs: { delivered: 100, opened: 300, paid: 600 } });
		try {
			await clocked.run(newInvoice({ customInvoiceId: 'CLOCK-1', createOnly: true, smsDetails: { senderName: 'Vimmerby', freeText: 'Hi' } }));
			await sleep(700);
			const stillUnsent = await clocked.run({ resource: 'invoice', operation: 'getStatus', customInvoiceId: 'CLOCK-1' });
			expect(stillUnsent.json[0].state).toBe('sent'); // created only: the clock starts with the send
			await clocked.run({ resource: 'invoice', operation: 'send', customInvoiceId: 'CLOCK-1' });
			const states: string[] = [];
			for (let i = 0; i < 20 && states.at(-1) !== 'paid'; i++) {
				const { json } = await clocked.run({ resource: 'invoice', operation: 'getStatus', customInvoiceId: 'CLOCK-1' });
				if (states.at(-1) !== json[0].state) states.push(String(json[0].state));
				await sleep(100);
			}
			expect(states[0]).toMatch(/^(sent|delivered)$/);
			expect(states.at(-1)).toBe('paid');
			expect(states).toEqual([...states].sort((a, b) => ['sent', 'delivered', 'opened', 'paid'].indexOf(a) - ['sent', 'delivered', 'opened', 'paid'].indexOf(b)));
		} finally {
			await clocked.sandbox.close();
		}
	});
});
