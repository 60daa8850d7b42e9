/**
 * TheNextInvoice in real n8n, the invoice lifecycle: create a draft, finalize it, e-mail it, download its PDF,
 * register the payment, read its status, search paid invoices.
 */
import type { E2eCase } from '../harness';
import { byId, tniChain } from '../thenextinvoice-workflow';

const created = "={{ $('Create').item.json.invoiceId }}";

const testCase: E2eCase = {
	name: 'TheNextInvoice: create, finalize, e-mail, PDF, payment, status, search',
	workflow: tniChain('e2eTniInvoice0001', 'e2e: TheNextInvoice invoice lifecycle', [
		[
			'Create',
			{
				resource: 'invoice',
				operation: 'create',
				receiverMode: 'id',
				receiver: byId('{{THE_NEXT_INVOICE_CUSTOMER_ID}}'),
				senderMode: 'id',
				sender: byId('{{THE_NEXT_INVOICE_PROFILE_ID}}'),
				lines: { line: [{ description: 'E2E consulting', quantity: 3, price: 120, vat: '{{THE_NEXT_INVOICE_VAT_CODE_ID}}', ledger: '{{THE_NEXT_INVOICE_LEDGER_ID}}' }] },
				meta: { currency: 'EUR', language: 'en' },
			},
		],
		['Finalize', { resource: 'invoice', operation: 'finalize', invoiceId: created }],
		['Email', { resource: 'invoice', operation: 'sendEmail', invoiceId: created, subject: 'Invoice {invoicenumber}', body: '<p>Please pay via {paymentlink}</p>' }],
		['PDF', { resource: 'invoice', operation: 'downloadPdf', invoiceId: created, binaryPropertyName: 'pdf' }],
		['Pay', { resource: 'invoice', operation: 'registerPayment', invoiceId: created, method: '{{THE_NEXT_INVOICE_PAYMENT_METHOD_ID}}', date: '2026-11-23' }],
		['Status', { resource: 'invoice', operation: 'getStatus', invoiceId: created }],
		['Search', { resource: 'invoice', operation: 'getAll', returnAll: false, limit: 5, filters: { status: ['paid'] } }],
	]),
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const id = Number(run.output('Create')[0]?.invoiceId);
		expect(id > 0, 'an invoice id came back');
		const stored = theNextInvoice.state.invoices.get(id);
		equal(stored?.status, 1, 'the sandbox holds it finalized');
		expect(stored?.payment, 'the payment is registered');
		// Other cases create invoices in the same sandbox: this workflow's are the ones with its line.
		const creates = theNextInvoice.requests.filter(
			(r) => r.method === 'POST' && r.path === '/api/v1/invoice' && (r.body as { lines?: Array<{ description?: string }> })?.lines?.[0]?.description === 'E2E consulting',
		);
		equal(creates.length, 1, 'one create request');
		expect(/^[0-9a-f-]{36}$/.test(String((creates[0]?.body as { creationToken?: string })?.creationToken)), 'the create carried a creation token');

		equal(run.output('Email')[0], { invoiceId: id, success: true, alreadyDone: false }, 'the e-mail step reports success (sent now, not found sent before)');
		const mail = theNextInvoice.requests.find((r) => r.method === 'POST' && r.path === `/api/v1/invoice/${id}/send/mail`);
		equal(mail?.body, { subject: 'Invoice {invoicenumber}', body: '<p>Please pay via {paymentlink}</p>' }, 'send/mail got subject and body');
		expect(stored?.sentVia.includes('mail'), 'the sandbox sent it by e-mail');

		equal(run.output('PDF')[0]?.mimeType, 'application/pdf', 'the PDF came back as binary data');
		const status = run.output('Status')[0] as { payment?: { status?: boolean }; mail?: { status?: boolean; events?: Array<{ event: string }> } } | undefined;
		equal(status?.payment?.status, true, 'the status shows the payment');
		equal(status?.mail?.status, true, 'the status shows the e-mail');
		expect(status?.mail?.events?.some((e) => e.event === 'delivered'), 'the e-mail was delivered');
		expect(run.output('Search').length > 0, 'paid invoices are found');
	},
};

export default testCase;
