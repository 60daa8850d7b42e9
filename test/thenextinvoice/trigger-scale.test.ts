/** Triggers at scale: newest-first reads that stop at the cursor, constant cursors, migration, out-of-order drafts. */
import { TheNextInvoiceApi } from '../../packages/n8n-nodes-thenextinvoice/credentials/TheNextInvoiceApi.credentials';
import { TheNextInvoiceLoginApi } from '../../packages/n8n-nodes-thenextinvoice/credentials/TheNextInvoiceLoginApi.credentials';
import { TheNextInvoiceTrigger } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoiceTrigger.node';
import { pollTrigger, type NodeUnderTest } from '../helpers/n8n';
import { useTni } from './setup';

const f = useTni({ seedInvoices: 250, seedCustomers: 250 });
let trigger: NodeUnderTest;
beforeAll(() => {
	trigger = { ...f.node, nodeType: new TheNextInvoiceTrigger(), typeName: 'theNextInvoiceTrigger', credentialTypes: [new TheNextInvoiceApi(), new TheNextInvoiceLoginApi()] };
});

type Static = Record<string, unknown> | undefined;
const poll = async (event: string, staticData?: Static, mode: 'trigger' | 'manual' = 'trigger') => {
	const before = f.apiCalls().length;
	const run = await pollTrigger(trigger, { authentication: 'apiToken', event }, { staticData: staticData as never, mode });
	return { ...run, requests: f.apiCalls().slice(before), staticData: run.staticData as Static };
};
const bytes = (data: unknown) => JSON.stringify(data).length;
const ids = (items: Array<{ id?: unknown }> | null | undefined) => (items ?? []).map((i) => Number(i.id));
const company = () => f.sandbox.companyIds[0];

describe('TheNextInvoice Trigger at scale', () => {
	it('new customer: first poll one request and nothing emitted; then ceil(new / 100) + 1 requests, each once, constant cursor', async () => {
		const armed = await poll('newCustomer');
		expect(armed.items).toBeNull();
		expect(armed.requests).toHaveLength(1);
		const size = bytes(armed.staticData);

		const quiet = await poll('newCustomer', armed.staticData);
		expect(quiet.items).toBeNull();
		expect(quiet.requests).toHaveLength(1);

		// 200 new = two full pages of new records, then the page that reaches the mark.
		const created = Array.from({ length: 200 }, (_, i) => Number(f.sandbox.control.createCustomer({ companyname: `Scale ${i}` }).id));
		const next = await poll('newCustomer', quiet.staticData);
		expect(ids(next.items)).toEqual(created);
		expect(next.requests).toHaveLength(Math.ceil(200 / 100) + 1);
		expect(bytes(next.staticData)).toBeLessThanOrEqual(size + 3);
		expect((await poll('newCustomer', next.staticData)).items).toBeNull();
	});

	it('new customer: deleted records (also the newest seen one) neither stop nor repeat anything', async () => {
		const armed = await poll('newCustomer');
		const newest = [...f.sandbox.state.customers.values()].filter((c) => c.companyId === company()).at(-1)!;
		f.sandbox.state.customers.delete(newest.id);
		const one = Number(f.sandbox.control.createCustomer({ companyname: 'After delete' }).id);
		const two = Number(f.sandbox.control.createCustomer({ companyname: 'Deleted before the poll' }).id);
		f.sandbox.state.customers.delete(two);
		const next = await poll('newCustomer', armed.staticData);
		expect(ids(next.items)).toEqual([one]);
		expect(next.requests).toHaveLength(1);
	});

	it('new invoice: each finalized invoice once, also a draft created before the mark and finalized after it', async () => {
		const draft = f.sandbox.control.createInvoice({ status: 0 });
		const armed = await poll('newInvoice');
		expect(armed.items).toBeNull();
		// One page of drafts, one page of invoices.
		expect(armed.requests).toHaveLength(2);
		const size = bytes(armed.staticData);

		const fresh = Array.from({ length: 200 }, () => Number(f.sandbox.control.createInvoice().id));
		const next = await poll('newInvoice', armed.staticData);
		expect(ids(next.items)).toEqual(fresh);
		// The drafts page, then ceil(new / 100) + 1 pages of invoices.
		expect(next.requests).toHaveLength(1 + Math.ceil(200 / 100) + 1);
		// The mark plus the one draft below it: the size does not depend on how many invoices there are.
		expect(next.staticData).toEqual({ key: 'newInvoice', mark: fresh.at(-1), pending: [Number(draft.id)] });
		expect(bytes(next.staticData)).toBeLessThanOrEqual(size + 10);

		// The old draft (id below the mark) is finalized now: emitted once, read by its id.
		const finalize = await f.run({ resource: 'invoice', operation: 'finalize', invoiceId: Number(draft.id) }).catch(() => undefined);
		if (!finalize) f.sandbox.state.invoices.get(Number(draft.id))!.status = 1;
		const late = await poll('newInvoice', next.staticData);
		expect(ids(late.items)).toEqual([Number(draft.id)]);
		expect((await poll('newInvoice', late.staticData)).items).toBeNull();
	});

	it('new invoice: a pending draft that is deleted is dropped, not emitted', async () => {
		const draft = f.sandbox.control.createInvoice({ status: 0 });
		f.sandbox.control.createInvoice();
		const armed = await poll('newInvoice');
		expect(armed.staticData?.pending).toContain(Number(draft.id));
		f.sandbox.state.invoices.get(Number(draft.id))!.deleted = true;
		const next = await poll('newInvoice', armed.staticData);
		expect(next.items).toBeNull();
		expect(next.staticData?.pending).not.toContain(Number(draft.id));
	});

	it('old-format cursor ({ key, seen }) migrates: nothing old again, nothing new lost', async () => {
		const everything = [...f.sandbox.state.invoices.values()].filter((i) => i.companyId === company() && i.status === 1 && i.kind === 'invoice' && !i.deleted);
		const old = { key: 'newInvoice', seen: everything.map((i) => String(i.id)) };
		const added = Number(f.sandbox.control.createInvoice().id);
		const migrated = await poll('newInvoice', old);
		expect(ids(migrated.items)).toEqual([added]);
		expect(migrated.staticData?.seen).toBeUndefined();
		expect(typeof migrated.staticData?.mark).toBe('number');
		expect((await poll('newInvoice', migrated.staticData)).items).toBeNull();

		const customers = [...f.sandbox.state.customers.values()].filter((c) => c.companyId === company());
		const oldCustomers = { key: 'newCustomer', seen: customers.map((c) => String(c.id)) };
		const customer = Number(f.sandbox.control.createCustomer({ companyname: 'Migrated' }).id);
		const migratedCustomers = await poll('newCustomer', oldCustomers);
		expect(ids(migratedCustomers.items)).toEqual([customer]);
		expect(bytes(migratedCustomers.staticData)).toBeLessThan(60);
	});

	it('manual mode: one request, a sample, the cursor untouched', async () => {
		const armed = await poll('newCustomer');
		const cursor = JSON.stringify(armed.staticData);
		f.sandbox.control.createCustomer({ companyname: 'Sample' });
		const manual = await poll('newCustomer', armed.staticData, 'manual');
		expect(manual.items).toHaveLength(1);
		expect(manual.requests).toHaveLength(1);
		expect(JSON.stringify(manual.staticData)).toBe(cursor);
	});

	it('new notification: one request, a constant cursor', async () => {
		const armed = await poll('newNotification');
		const size = bytes(armed.staticData);
		for (let i = 0; i < 3; i++) f.sandbox.control.addNotification({ message: `Event ${i}` });
		const next = await poll('newNotification', armed.staticData);
		expect(next.items?.map((n) => n.message)).toEqual(['Event 0', 'Event 1', 'Event 2']);
		expect(next.requests).toHaveLength(1);
		expect(bytes(next.staticData)).toBeLessThanOrEqual(size + 3);
	});

	it('invoice paid: an old invoice (low id, out of order) paid later is emitted once; the read is bounded', async () => {
		const armed = await poll('invoicePaid');
		const oldest = [...f.sandbox.state.invoices.values()].find((i) => i.companyId === company() && i.status === 1 && !i.payment)!;
		f.sandbox.control.markPaid(oldest.id);
		const next = await poll('invoicePaid', armed.staticData);
		expect(ids(next.items)).toEqual([oldest.id]);
		expect(next.requests.length).toBeLessThanOrEqual(10);
		expect((await poll('invoicePaid', next.staticData)).items).toBeNull();
		const legacy = await poll('invoicePaid', { key: 'invoicePaid', seen: [] });
		expect(ids(legacy.items)).toContain(oldest.id);
	});
});
