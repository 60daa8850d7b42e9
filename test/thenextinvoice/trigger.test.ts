import { TheNextInvoiceApi } from '../../packages/n8n-nodes-thenextinvoice/credentials/TheNextInvoiceApi.credentials';
import { TheNextInvoiceLoginApi } from '../../packages/n8n-nodes-thenextinvoice/credentials/TheNextInvoiceLoginApi.credentials';
import { TheNextInvoiceTrigger } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoiceTrigger.node';
import { pollTrigger, type NodeUnderTest } from '../helpers/n8n';
import { useTni } from './setup';

const f = useTni({ seedInvoices: 12 });
let trigger: NodeUnderTest;
beforeAll(() => {
	trigger = { ...f.node, nodeType: new TheNextInvoiceTrigger(), typeName: 'theNextInvoiceTrigger', credentialTypes: [new TheNextInvoiceApi(), new TheNextInvoiceLoginApi()] };
});

const poll = (event: string, staticData?: Record<string, unknown>, mode: 'trigger' | 'manual' = 'trigger') =>
	pollTrigger(trigger, { authentication: 'apiToken', event }, { staticData: staticData as never, mode });

const unpaidInvoice = () => [...f.sandbox.state.invoices.values()].find((i) => i.companyId === f.sandbox.companyIds[0] && i.status === 1 && !i.payment)!;

describe('TheNextInvoice Trigger', () => {
	it('invoice paid: armed on the first poll, then each newly paid invoice exactly once', async () => {
		const armed = await poll('invoicePaid');
		expect(armed.items).toBeNull();
		const invoice = unpaidInvoice();
		f.sandbox.control.markPaid(invoice.id);
		const next = await poll('invoicePaid', armed.staticData);
		expect(next.items?.map((i) => i.id)).toEqual([invoice.id]);
		expect((await poll('invoicePaid', next.staticData)).items).toBeNull();
	});

	it('invoice past due', async () => {
		const armed = await poll('invoicePastDue');
		const invoice = unpaidInvoice();
		f.sandbox.control.markPastDue(invoice.id);
		const next = await poll('invoicePastDue', armed.staticData);
		expect(next.items?.map((i) => i.id)).toEqual([invoice.id]);
	});

	it('new customer and new notification', async () => {
		const customers = await poll('newCustomer');
		const customer = f.sandbox.control.createCustomer({ companyname: 'Nieuwe Klant BV' });
		expect((await poll('newCustomer', customers.staticData)).items?.map((c) => String(c.id))).toEqual([String(customer.id)]);

		const notifications = await poll('newNotification');
		f.sandbox.control.addNotification({ message: 'Invoice 2026001 has been paid', data: { invoice_id: 1 } });
		const next = await poll('newNotification', notifications.staticData);
		expect(next.items?.map((n) => n.message)).toEqual(['Invoice 2026001 has been paid']);
	});

	it('new invoice; a manual run returns a sample and keeps the cursor', async () => {
		const armed = await poll('newInvoice');
		const cursor = JSON.stringify(armed.staticData);
		const manual = await poll('newInvoice', armed.staticData, 'manual');
		expect(manual.items).toHaveLength(1);
		expect(JSON.stringify(manual.staticData)).toBe(cursor);
	});
});
