/**
 * The TheNextInvoice Trigger in real n8n, run like the editor's "Execute workflow": a polling trigger then returns
 * one sample record (newest first) without moving its cursor, and the next node works on it. Once with the API
 * token (New Invoice), once with the e-mail & password credential (Invoice Paid).
 */
import * as path from 'node:path';
import { ROOT } from '../../../scripts/n8n-runtime';
import { readWorkflowFiles } from '../../../scripts/workflow-files';
import type { E2eCase } from '../harness';
import { tniChain, tniTrigger } from '../thenextinvoice-workflow';

const LOGIN_CREDENTIAL = { id: 'tniLoginE2eCred', name: 'TheNextInvoice Login (e2e)' };
const login = { theNextInvoiceLoginApi: LOGIN_CREDENTIAL };

const invoiceSample: E2eCase = {
	name: 'TheNextInvoice Trigger: New Invoice returns the newest invoice as a sample; the next node reads its status',
	mode: 'manual',
	workflow: tniChain('e2eTniTrigger0001', 'e2e: TheNextInvoice trigger new invoice', [['Status', { resource: 'invoice', operation: 'getStatus', invoiceId: '={{ $json.id }}' }]], { start: tniTrigger({ event: 'newInvoice' }) }),
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, `the workflow succeeds (status ${run.status}${run.error() ? `: ${run.error()!.message}` : ''})`)) return;
		const sample = run.output('Trigger');
		equal(sample.length, 1, 'the trigger returns one sample');
		const id = Number(sample[0]?.id);
		const stored = theNextInvoice.state.invoices.get(id);
		equal(stored?.kind, 'invoice', 'the sample is an invoice of the sandbox');
		const poll = theNextInvoice.requests.find((r) => r.path === '/api/v1/invoice/search' && r.query.type === 'invoice' && r.query.reverse === 'true' && !r.query.status);
		equal(poll?.query.order, 'id', 'the trigger asked for the newest invoices first');
		expect(stored && !stored.deleted, 'the sample is a live invoice of the sandbox');
		expect(run.output('Status')[0]?.invoice, `the status of invoice ${id} was read`);
	},
};

const paidSample: E2eCase = {
	name: 'TheNextInvoice Trigger with the e-mail & password credential: Invoice Paid returns a paid invoice',
	mode: 'manual',
	credentials: [
		{
			...LOGIN_CREDENTIAL,
			type: 'theNextInvoiceLoginApi',
			data: { email: '{{THE_NEXT_INVOICE_EMAIL}}', password: '{{THE_NEXT_INVOICE_PASSWORD}}', company: 0, baseUrl: '{{THE_NEXT_INVOICE_BASE_URL}}' },
		},
	],
	workflow: tniChain(
		'e2eTniTrigger0002',
		'e2e: TheNextInvoice trigger invoice paid (login)',
		[['Invoice', { authentication: 'emailPassword', resource: 'invoice', operation: 'get', invoiceId: '={{ $json.id }}' }]],
		{ start: tniTrigger({ authentication: 'emailPassword', event: 'invoicePaid' }, login), credentials: login },
	),
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, `the workflow succeeds (status ${run.status}${run.error() ? `: ${run.error()!.message}` : ''})`)) return;
		const sample = run.output('Trigger');
		equal(sample.length, 1, 'the trigger returns one sample');
		const stored = theNextInvoice.state.invoices.get(Number(sample[0]?.id));
		expect(stored?.payment, 'the sample is a paid invoice');
		equal(run.output('Invoice')[0]?.id, stored?.id, 'the next node got the same invoice with the login credential');
		expect(theNextInvoice.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/session/jwt'), 'the node logged in with e-mail and password');
	},
};

const EXAMPLE = 'thenextinvoice-paid-invoices.json';
const example = readWorkflowFiles(path.join(ROOT, 'packages', 'n8n-nodes-thenextinvoice', 'examples')).find((w) => w.file === EXAMPLE)!.workflow;

/** The trigger example (not run by the n8n-examples case, which runs Manual Trigger examples only). */
const exampleRuns: E2eCase = {
	name: `example ${EXAMPLE} runs in manual mode (trigger sample, its status, its PDF)`,
	mode: 'manual',
	workflow: example,
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, `the workflow succeeds (status ${run.status}${run.error() ? `: ${run.error()!.message}` : ''})`)) return;
		const [sample] = run.output('Invoice paid');
		expect(theNextInvoice.state.invoices.get(Number(sample?.id))?.payment, 'the sample is a paid invoice');
		equal((run.output('Payment status')[0]?.payment as { status?: boolean } | undefined)?.status, true, 'its status shows the payment');
		equal(run.output('PDF')[0]?.mimeType, 'application/pdf', 'its PDF as binary data');
	},
};

export default [invoiceSample, paidSample, exampleRuns];
