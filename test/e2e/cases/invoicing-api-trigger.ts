/** The Invoicing API Trigger in real n8n: a manual run returns a sample event of a watched invoice. */
import type { E2eCase } from '../harness';

const credentials = { invoicingApi: { id: '{{INVOICING_API_CREDENTIAL_ID}}', name: '{{INVOICING_API_CREDENTIAL_NAME}}' } };

const testCase: E2eCase = {
	name: 'Invoicing API Trigger sample (manual run) and the status of the sampled invoice',
	workflow: {
		id: 'e2eInvoicingTrig01',
		name: 'e2e: Invoicing API trigger',
		nodes: [
			{
				id: 'trigger',
				name: 'Invoice Events',
				type: 'n8n-nodes-regtech-invoicing.invoicingApiTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { customInvoiceIds: '{{INVOICING_API_PAID_INVOICE_ID}}, not-created-yet', events: ['delivered', 'opened', 'paid'] },
				credentials,
			},
			{
				id: 'status',
				name: 'Status',
				type: 'n8n-nodes-regtech-invoicing.invoicingApi',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'invoice', operation: 'getStatus', customInvoiceId: '={{ $json.customInvoiceId }}' },
				credentials,
			},
		],
		connections: { 'Invoice Events': { main: [[{ node: 'Status', type: 'main', index: 0 }]] } },
	} as unknown as E2eCase['workflow'],
	check(run, { placeholders, expect, equal }) {
		if (!expect(run.ok, `the workflow succeeds (status ${run.status})`)) return;
		const paidId = placeholders.INVOICING_API_PAID_INVOICE_ID;
		const sample = run.output('Invoice Events');
		equal(sample.length, 1, 'the trigger returns one sample event');
		equal(sample[0]?.customInvoiceId, paidId, 'of the watched invoice that has events');
		equal(sample[0]?.event, 'paid', 'its latest event');
		expect(!Number.isNaN(Date.parse(String(sample[0]?.date))), 'with the event date');
		equal(run.output('Status')[0]?.state, 'paid', 'the node reads the same invoice as paid');
	},
};

export default testCase;
