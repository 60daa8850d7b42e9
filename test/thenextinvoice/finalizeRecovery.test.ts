/**
 * Finalize (`POST /invoice/{id}/send`) is not idempotent, but TheNextInvoice refuses a second one ("already
 * finalized"). After an unknown outcome the node reads the invoice: finalized → success; still a draft → read again
 * after the settle delay (the finalize may still land), then sent again. A re-run over a finalized invoice succeeds
 * with alreadyDone: true (If Already Done = Succeed) or fails saying so (Fail).
 */
import { sleep, type INodeParameters } from 'n8n-workflow';

import { idLocator, useTni } from './setup';

const f = useTni();
let company: number;
let draftParameters: INodeParameters;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
	const first = <T extends { companyId: number; id: number }>(map: Map<number, T>) => [...map.values()].find((r) => r.companyId === company)!.id;
	const customer = Number(f.sandbox.control.createCustomer({ companyname: 'Finalize B.V.' }).id);
	draftParameters = {
		resource: 'invoice',
		operation: 'create',
		receiverMode: 'id',
		receiver: idLocator(customer),
		senderMode: 'id',
		sender: idLocator(first(f.sandbox.state.profiles)),
		lines: { line: [{ description: 'Consulting', quantity: 1, price: 100, vat: first(f.sandbox.state.vatCodes), ledger: first(f.sandbox.state.ledgerNumbers), descriptionOnly: false }] },
		meta: { currency: 'EUR' },
	};
});

async function newDraft(): Promise<number> {
	const { json } = await f.run(draftParameters);
	return Number(json[0].invoiceId);
}

const finalizePath = '/api/v1/invoice/:id/send';
const finalize = (id: number, requestOptions: Record<string, number> = { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 5 }) =>
	f.run({ resource: 'invoice', operation: 'finalize', invoiceId: String(id), requestOptions });
/** Finalizing takes the next invoice number: how many numbers were used tells how many finalizations were applied. */
const nextNumber = () => f.sandbox.state.settings.get(company)!.numbers.invoice;
/** The invoice took the number that was next, and only that one: the next draft finalized gets the very next number. */
async function expectFinalizedOnce(id: number, numberBefore: string): Promise<void> {
	expect(f.sandbox.state.invoices.get(id)).toMatchObject({ status: 1, number: numberBefore });
	const other = await newDraft();
	await finalize(other);
	expect(Number(f.sandbox.state.invoices.get(other)!.number)).toBe(Number(numberBefore) + 1);
}
const finalizeCalls = (id: number) => f.apiCalls().filter((c) => c === `POST /invoice/${id}/send`);

describe('TheNextInvoice finalize after an unknown outcome', () => {
	it('connection dropped after TheNextInvoice finalized: the invoice is read, the item succeeds, one finalize applied', async () => {
		const id = await newDraft();
		const numberBefore = nextNumber();
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: finalizePath } });
		const { json, error } = await finalize(id);
		expect(error).toBeUndefined();
		expect(json).toEqual([{ invoiceId: id, finalized: true, alreadyDone: false }]);
		expect(f.apiCalls().slice(-2)).toEqual([`POST /invoice/${id}/send`, `GET /invoice/${id}`]);
		expect(finalizeCalls(id)).toHaveLength(1);
		await expectFinalizedOnce(id, numberBefore);
	});

	it('500 from a gateway (never reached TheNextInvoice): the draft is read, again after the settle delay, and finalize is sent again once', async () => {
		const id = await newDraft();
		f.sandbox.faults.add({ kind: 'status500', match: { method: 'POST', path: finalizePath } });
		const { json, error } = await finalize(id);
		expect(error).toBeUndefined();
		expect(json).toEqual([{ invoiceId: id, finalized: true, alreadyDone: false }]);
		expect(f.apiCalls().slice(-4)).toEqual([`POST /invoice/${id}/send`, `GET /invoice/${id}`, `GET /invoice/${id}`, `POST /invoice/${id}/send`]);
		expect(f.sandbox.state.invoices.get(id)?.status).toBe(1);
	});

	it('a finalize that lands only after its time-out: not there at once, found after the settle delay, not sent again', async () => {
		const id = await newDraft();
		const numberBefore = nextNumber();
		f.sandbox.faults.add({ kind: 'slow', delayMs: 1500, match: { method: 'POST', path: finalizePath } });
		const { json, error } = await finalize(id, { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 1 });
		expect(error).toBeUndefined();
		expect(json).toEqual([{ invoiceId: id, finalized: true, alreadyDone: false }]);
		expect(f.apiCalls().slice(-3)).toEqual([`POST /invoice/${id}/send`, `GET /invoice/${id}`, `GET /invoice/${id}`]);
		expect(finalizeCalls(id)).toHaveLength(1);
		await expectFinalizedOnce(id, numberBefore);
	});

	it('with Settle Delay 0 the same late finalize is sent again, and the late one is refused: still finalized once', async () => {
		const id = await newDraft();
		const numberBefore = nextNumber();
		f.sandbox.faults.add({ kind: 'slow', delayMs: 1500, match: { method: 'POST', path: finalizePath } });
		const { json, error } = await finalize(id, { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 1, settleSeconds: 0 });
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ invoiceId: id, finalized: true });
		await sleep(800); // the first request's handler runs 1.5 s after it arrived
		expect(finalizeCalls(id)).toHaveLength(2);
		await expectFinalizedOnce(id, numberBefore);
	});

	it('when the invoice cannot be read either, the outcome stays unknown and finalize is not sent again', async () => {
		const id = await newDraft();
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: finalizePath } });
		f.sandbox.faults.add({ kind: 'status503', times: 10, retryAfterSeconds: 0, match: { method: 'GET', path: '/api/v1/invoice/:id' } });
		const { error } = await finalize(id);
		expect(error?.description).toMatch(/OUTCOME UNKNOWN/);
		expect(finalizeCalls(id)).toHaveLength(1);
	});

	it('a re-run over a finalized invoice: refused by TheNextInvoice, confirmed by reading it, the item succeeds with alreadyDone', async () => {
		const id = await newDraft();
		await finalize(id);
		const numberBefore = nextNumber();
		const { json, error } = await finalize(id);
		expect(error).toBeUndefined();
		expect(json).toEqual([{ invoiceId: id, finalized: true, alreadyDone: true }]);
		expect(f.apiCalls().slice(-2)).toEqual([`POST /invoice/${id}/send`, `GET /invoice/${id}`]);
		expect(nextNumber()).toBe(numberBefore);
	});

	it('If Already Done = Fail: the same re-run fails saying the invoice is already finalized', async () => {
		const id = await newDraft();
		await finalize(id);
		const { error } = await f.run({ resource: 'invoice', operation: 'finalize', invoiceId: String(id), ifAlreadyDone: 'fail' });
		expect(error?.message).toBe('Already finalized: nothing was sent');
	});

	it('a refusal for another reason still fails: a finalize of an invoice that does not exist', async () => {
		const { error } = await finalize(99_999_999);
		expect(error?.message).toMatch(/not found/i);
	});
});
