/**
 * Our nodes as MCP tools, in real n8n: a published workflow with n8n's MCP Server Trigger and six of our operations
 * attached as tools (TheNextInvoice get many invoices / get invoice / register payment, fiskaly get organization,
 * Invoicing API get status, Semansys validation status). The official MCP client (@modelcontextprotocol/sdk) connects
 * over Streamable HTTP, lists the tools with their schemas, calls each with arguments and gets the sandboxes' data;
 * bad arguments come back as tool errors the client can read, and the server keeps answering.
 * Runs only with all four packages installed (its tools come from all of them).
 */
import { SAMPLE_INSTANCE } from '../../sandbox/semansys';
import { mcpWorkflow, TOOLS, toolDescriptionOf, toolName, type ToolSpec } from '../ai-tools';
import type { E2eCase, E2eContext } from '../harness';
import { callTool, connectMcp, mcpUrl } from '../live';

const PATH = 'e2e-eu-finance-tools';
const tools: ToolSpec[] = [TOOLS.getManyInvoices, TOOLS.getInvoice, TOOLS.registerPayment, TOOLS.getOrganization, TOOLS.getInvoicingStatus, TOOLS.getValidationStatus];
const SEEDED_JOB = 'E2EMCPJOB0000001';

const testCase: E2eCase = {
	name: 'MCP Server Trigger: an MCP client lists and calls our nodes as tools',
	published: true,
	workflow: mcpWorkflow('e2eAiMcpTools001', 'e2e: our nodes as MCP tools', PATH, tools),
	async check(_run, ctx: E2eContext) {
		const { theNextInvoice, fiskaly, invoicingApi, semansys, expect, equal } = ctx;
		if (!expect(ctx.n8n, 'n8n is running')) return;
		const started = Date.now();
		const client = await connectMcp(mcpUrl(ctx.n8n!.url, PATH));
		try {
			// --- tools/list: names, our descriptions, the $fromAI parameters as a JSON schema
			const { tools: listed } = await client.listTools();
			equal(listed.map((t) => t.name).sort(), tools.map((t) => toolName(t.name)).sort(), 'the MCP server lists exactly our six tools');
			const byName = new Map(listed.map((t) => [t.name, t]));
			for (const spec of tools) {
				const listedTool = byName.get(toolName(spec.name));
				equal(listedTool?.description, toolDescriptionOf(spec), `${toolName(spec.name)} is described by its operation's description`);
			}
			const schemaOf = (name: string) => byName.get(name)?.inputSchema as { properties?: Record<string, { type?: string; description?: string }>; required?: string[] } | undefined;
			equal(schemaOf('Get_invoice')?.properties?.invoiceId?.type, 'number', 'Get_invoice takes invoiceId as a number');
			expect(/whole number/.test(schemaOf('Get_invoice')?.properties?.invoiceId?.description ?? ''), 'invoiceId carries its description');
			equal(Object.keys(schemaOf('Get_many_invoices')?.properties ?? {}).sort(), ['limit', 'minDate', 'status'], 'Get_many_invoices takes limit, status and minDate');
			equal(Object.keys(schemaOf('Register_payment')?.properties ?? {}).sort(), ['invoiceId', 'paymentDate'], 'Register_payment takes invoiceId and paymentDate');
			equal(schemaOf('Get_organization')?.required, ['organizationId'], 'Get_organization requires organizationId');

			const call = (name: string, args: Record<string, unknown>) => callTool(client, name, args);
			const companyId = theNextInvoice.companyIds[0];
			const ownInvoices = [...theNextInvoice.state.invoices.values()].filter((i) => i.companyId === companyId);

			// --- TheNextInvoice: search with filters
			const searchesBefore = theNextInvoice.requests.length;
			const listResult = await call('Get_many_invoices', { limit: 3, status: 'paid', minDate: '2000-01-01' });
			const found = listResult.json as Array<{ id: number }> | undefined;
			expect(!listResult.isError && Array.isArray(found) && found.length > 0 && found.length <= 3, `Get_many_invoices answers 1-3 invoices (${listResult.text.slice(0, 120)})`);
			const search = theNextInvoice.requests.slice(searchesBefore).find((r) => r.method === 'GET' && r.path === '/api/v1/invoice/search');
			equal([search?.query.status, search?.query.mindate], ['paid', '2000-01-01'], 'the sandbox got the search with status=paid and mindate=2000-01-01');
			const paidIds = new Set(ownInvoices.filter((i) => i.payment).map((i) => i.id));
			expect(found?.every((i) => paidIds.has(i.id)), 'every invoice found is paid in the sandbox');

			// --- TheNextInvoice: one invoice
			const firstId = found?.[0]?.id;
			const invoiceResult = await call('Get_invoice', { invoiceId: firstId });
			equal(invoiceResult.first?.id, firstId, 'Get_invoice answers that invoice');
			expect(theNextInvoice.requests.some((r) => r.method === 'GET' && r.path === `/api/v1/invoice/${firstId}`), 'the sandbox got GET /invoice/{id}');

			// --- TheNextInvoice: register a payment on an open invoice
			const open = ownInvoices.find((i) => i.status === 1 && !i.payment);
			if (expect(open, 'the sandbox has an open finalized invoice to pay')) {
				const paid = await call('Register_payment', { invoiceId: open!.id, paymentDate: '2026-11-30' });
				expect(!paid.isError, `Register_payment succeeds (${paid.text.slice(0, 160)})`);
				const post = theNextInvoice.requests.find((r) => r.method === 'POST' && r.path === `/api/v1/invoice/${open!.id}/payment`);
				equal(post?.body, { method: Number(ctx.placeholders.THE_NEXT_INVOICE_PAYMENT_METHOD_ID), date: '2026-11-30' }, 'the sandbox got the payment with the method and the ISO date');
				expect(theNextInvoice.state.invoices.get(open!.id)?.payment, 'the invoice is paid in the sandbox');
			}

			// --- fiskaly, Invoicing API, Semansys
			const org = await call('Get_organization', { organizationId: fiskaly.ownOrganizationId });
			equal(org.first?._id, fiskaly.ownOrganizationId, 'Get_organization answers the sandbox organization');
			expect(fiskaly.requests.some((r) => r.method === 'GET' && r.path === `/api/v0/organizations/${fiskaly.ownOrganizationId}`), 'the fiskaly sandbox got GET /organizations/{id}');

			const status = (await call('Get_invoice_delivery_status', { customInvoiceId: ctx.placeholders.INVOICING_API_PAID_INVOICE_ID })).first;
			equal([status?.customInvoiceId, status?.state], [ctx.placeholders.INVOICING_API_PAID_INVOICE_ID, 'paid'], 'Get_invoice_delivery_status answers the seeded invoice as paid');
			expect(invoicingApi.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/invoice/${ctx.placeholders.INVOICING_API_PAID_INVOICE_ID}/status`)), 'the Invoicing API sandbox got GET /invoice/{id}/status');

			semansys.state.jobs.set(SEEDED_JOB, { jobId: SEEDED_JOB, kind: 'xbrl-calculation', createdAt: Date.now() - 60_000, polls: 1000, content: SAMPLE_INSTANCE, fileName: 'mcp.xbrl' });
			const job = (await call('Get_validation_status', { jobId: SEEDED_JOB })).first;
			equal([job?.jobId, job?.finished, Array.isArray(job?.validations)], [SEEDED_JOB, true, true], 'Get_validation_status answers the finished job with its validations');
			expect(semansys.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/validation/status/${SEEDED_JOB}`)), 'the Semansys sandbox got GET /validation/status/{id}');

			// --- bad arguments: readable tool errors, not a crash
			const wrongType = await call('Get_invoice', { invoiceId: 'the big one' });
			expect(wrongType.isError && /invoiceId/i.test(wrongType.text), `a non-number invoiceId is a tool error naming invoiceId (${wrongType.text.slice(0, 160)})`);
			const unknown = await call('Get_invoice', { invoiceId: 987654321 });
			expect(unknown.isError && /not found|404|does not exist|no invoice/i.test(unknown.text), `an unknown invoice is a tool error saying so (${unknown.text.slice(0, 160)})`);
			const paymentsBefore = theNextInvoice.requests.filter((r) => r.path.endsWith('/payment')).length;
			const badDate = await call('Register_payment', { invoiceId: firstId, paymentDate: 'last Tuesday' });
			expect(badDate.isError && /date/i.test(badDate.text), `a payment date that is not ISO is a tool error about the date (${badDate.text.slice(0, 160)})`);
			equal(theNextInvoice.requests.filter((r) => r.path.endsWith('/payment')).length, paymentsBefore, 'the bad payment never reached the sandbox');
			const again = await call('Get_invoice', { invoiceId: firstId });
			expect(!again.isError, 'after the errors the server still answers');
			expect(Date.now() - started < 60_000, `the MCP session took ${((Date.now() - started) / 1000).toFixed(1)} s`);
		} finally {
			await client.close();
		}
	},
};

export default testCase;
