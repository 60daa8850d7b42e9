/** TheNextInvoice in real n8n: create a draft, finalize it, download its PDF, register the payment, search. */
import type { E2eCase } from '../harness';

const node = (name: string, x: number, parameters: Record<string, unknown>) => ({
	id: name.toLowerCase().replace(/\W/g, ''),
	name,
	type: 'n8n-nodes-eu-finance.theNextInvoice',
	typeVersion: 1,
	position: [x, 0],
	parameters: { authentication: 'apiToken', ...parameters },
	credentials: { theNextInvoiceApi: { id: '{{THE_NEXT_INVOICE_CREDENTIAL_ID}}', name: '{{THE_NEXT_INVOICE_CREDENTIAL_NAME}}' } },
});
const created = "={{ $('Create').item.json.invoiceId }}";
const steps = [
	node('Create', 220, {
		resource: 'invoice',
		operation: 'create',
		receiverMode: 'id',
		receiver: { __rl: true, mode: 'id', value: '{{THE_NEXT_INVOICE_CUSTOMER_ID}}' },
		senderMode: 'id',
		sender: { __rl: true, mode: 'id', value: '{{THE_NEXT_INVOICE_PROFILE_ID}}' },
		lines: { line: [{ description: 'E2E consulting', quantity: 3, price: 120, vat: '{{THE_NEXT_INVOICE_VAT_CODE_ID}}', ledger: '{{THE_NEXT_INVOICE_LEDGER_ID}}' }] },
		meta: { currency: 'EUR', language: 'en' },
	}),
	node('Finalize', 440, { resource: 'invoice', operation: 'finalize', invoiceId: created }),
	node('PDF', 660, { resource: 'invoice', operation: 'downloadPdf', invoiceId: created, binaryPropertyName: 'pdf' }),
	node('Pay', 880, { resource: 'invoice', operation: 'registerPayment', invoiceId: created, method: '{{THE_NEXT_INVOICE_PAYMENT_METHOD_ID}}', date: '2026-11-23' }),
	node('Search', 1100, { resource: 'invoice', operation: 'getAll', returnAll: false, limit: 5, filters: { status: ['paid'] } }),
];
const names = ['Start', ...steps.map((s) => s.name)];

const testCase: E2eCase = {
	name: 'TheNextInvoice: create, finalize, PDF, payment, search',
	workflow: {
		id: 'e2eTniInvoice0001',
		name: 'e2e: TheNextInvoice invoice lifecycle',
		nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...steps],
		connections: Object.fromEntries(names.slice(0, -1).map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }])),
	} as unknown as E2eCase['workflow'],
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const id = Number(run.output('Create')[0]?.invoiceId);
		expect(id > 0, 'an invoice id came back');
		const stored = theNextInvoice.state.invoices.get(id);
		equal(stored?.status, 1, 'the sandbox holds it finalized');
		expect(stored?.payment, 'the payment is registered');
		const creates = theNextInvoice.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/invoice');
		equal(creates.length, 1, 'one create request');
		expect(/^[0-9a-f-]{36}$/.test(String((creates[0]?.body as { creationToken?: string })?.creationToken)), 'the create carried a creation token');
		equal(run.output('PDF')[0]?.mimeType, 'application/pdf', 'the PDF came back as binary data');
		expect(run.output('Search').length > 0, 'paid invoices are found');
	},
};

export default testCase;
