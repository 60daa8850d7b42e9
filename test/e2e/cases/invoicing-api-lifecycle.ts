/** Invoicing API in real n8n: create only, send, then poll the status (Wait + IF loop) until the invoice is paid. */
import type { E2eCase } from '../harness';

const NODE = 'n8n-nodes-regtech-invoicing.invoicingApi';
const credentials = { invoicingApi: { id: '{{INVOICING_API_CREDENTIAL_ID}}', name: '{{INVOICING_API_CREDENTIAL_NAME}}' } };
const invoicing = (name: string, x: number, parameters: Record<string, unknown>) => ({ id: name.toLowerCase().replace(/\W/g, ''), name, type: NODE, typeVersion: 1, position: [x, 0], parameters, credentials });
const createdId = "={{ $('Create').first().json.customInvoiceId }}";

const nodes = [
	{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	invoicing('Create', 220, {
		resource: 'invoice',
		operation: 'create',
		createOnly: true,
		invoiceNumber: 'E2E-1',
		customerType: '1',
		recipientBusinessId: '559988-7766',
		recipientCompanyName: 'Bullerbyn AB',
		recipientPhoneNumber: '+46701234567',
		invoiceSendType: '1',
		recipientEmail: 'billing@bullerbyn.example',
		invoicerCompanyName: 'Vimmerby Trading AB',
		invoicerBusinessId: '556677-8899',
		invoiceDate: '={{ DateTime.fromISO("2026-12-01") }}',
		dueDate: '2026-12-31T00:00:00',
		total: 1250,
		currency: 'SEK',
		invoiceRows: { row: [{ productCode: 'CONS', description: 'Consulting', quantity: 10, unitPrice: 100, vatPerc: 25, priceNoVat: 1000, price: 1250 }] },
		smsDetails: { senderName: 'Vimmerby', freeText: 'Your invoice from Vimmerby Trading' },
		options: { checkTotal: true, language: 'sv' },
	}),
	invoicing('Send', 440, { resource: 'invoice', operation: 'send', customInvoiceId: createdId }),
	invoicing('Get Status', 660, { resource: 'invoice', operation: 'getStatus', customInvoiceId: createdId }),
	{
		id: 'paid',
		name: 'Paid?',
		type: 'n8n-nodes-base.if',
		typeVersion: 2,
		position: [880, 0],
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
				conditions: [
					{ id: 'state', leftValue: '={{ $json.state }}', rightValue: 'paid', operator: { type: 'string', operation: 'equals' } },
					// A guard: the sandbox pays after 3 s, so 20 rounds of 1 s means something is broken.
					{ id: 'guard', leftValue: '={{ $runIndex }}', rightValue: 20, operator: { type: 'number', operation: 'gte' } },
				],
				combinator: 'or',
			},
			options: {},
		},
	},
	{ id: 'done', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [1100, -100], parameters: {} },
	{ id: 'wait', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [1100, 100], webhookId: '5f1c9e52-1d2b-4c4b-9a55-5a7d4e2b1c01', parameters: { amount: 1, unit: 'seconds' } },
];
const link = (node: string, index = 0) => ({ node, type: 'main', index });

const testCase: E2eCase = {
	name: 'Invoicing API: create only, send, poll the status until paid',
	workflow: {
		id: 'e2eInvoicingLife01',
		name: 'e2e: Invoicing API invoice lifecycle',
		nodes,
		connections: {
			Start: { main: [[link('Create')]] },
			Create: { main: [[link('Send')]] },
			Send: { main: [[link('Get Status')]] },
			'Get Status': { main: [[link('Paid?')]] },
			'Paid?': { main: [[link('Done')], [link('Wait')]] },
			Wait: { main: [[link('Get Status')]] },
		},
	} as unknown as E2eCase['workflow'],
	check(run, { invoicingApi, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [created] = run.output('Create');
		const id = String(created?.customInvoiceId ?? '');
		expect(/^[0-9a-f-]{36}$/.test(id), 'a custom invoice id was generated and returned');
		equal(created?.message, 'Invoice created', 'created only');
		const stored = invoicingApi.invoices.get(id);
		if (!stored) {
			expect(false, 'the sandbox holds the invoice');
			return;
		}
		equal(stored.sendCount, 1, 'it went out exactly once');
		equal(stored.body.invoiceDetails?.invoiceDate, '01-12-2026', 'a DateTime from an expression went out as DD-MM-YYYY');
		equal(stored.body.invoiceDetails?.dueDate, '31-12-2026', 'the date picker value went out as DD-MM-YYYY');
		equal(run.output('Send')[0]?.statusCode, 200, 'sent');
		const rounds = run.runData['Get Status']?.length ?? 0;
		expect(rounds >= 2, `the status was polled more than once (${rounds} rounds)`);
		const last = run.output('Get Status', 0, rounds - 1)[0];
		equal(last?.state, 'paid', 'the last status says paid');
		expect(typeof last?.deliveredAt === 'string' && typeof last?.openedAt === 'string' && typeof last?.paidAt === 'string', 'every event has its date');
		equal(run.output('Done')[0]?.state, 'paid', 'the loop ended through the paid branch');
		// Other cases (the examples) create invoices in the same sandbox: count this invoice's creates only.
		const creates = invoicingApi.requests.filter((r) => r.path === '/api/invoice/create' && (r.body as { invoiceDetails?: { customInvoiceId?: string } })?.invoiceDetails?.customInvoiceId === id);
		equal(creates.length, 1, 'one create request');
		equal(invoicingApi.stats.unauthorized, 0, 'no request was refused for its token');
	},
};

export default testCase;
