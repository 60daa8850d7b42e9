/**
 * Our nodes as tools of n8n's AI Agent, in real n8n: AI Agent + n8n's OpenAI Chat Model node whose credential's Base URL
 * points at the local OpenAI-compatible stub (test/e2e/openai-stub.ts). The stub plays a model that calls our tools in
 * four rounds: search open invoices + fiskaly organization + Invoicing API delivery status; get the newest invoice +
 * create an invoice with a creation token; the same create again (an agent retry); a final answer.
 * Checked: every tool call reached its sandbox with the model's arguments, the tool results went back to the model (the
 * stub sees them in the next request), and the repeated create made one invoice.
 * Runs only with all four packages installed.
 */
import { creationTokenFor } from '../../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/resources/invoice/single';
import { agentWorkflow, TOOLS, toolDescriptionOf, toolName, type ToolSpec } from '../ai-tools';
import type { E2eCase } from '../harness';
import type { Conversation, ModelScenario } from '../openai-stub';

const MATCH = '[e2e agent 1]';
const ORDER = 'order-A-1001';
const LINE = 'Consulting, 2 hours (agent e2e)';
const tools: ToolSpec[] = [TOOLS.getManyInvoices, TOOLS.getInvoice, TOOLS.createInvoice, TOOLS.getOrganization, TOOLS.getInvoicingStatus];

const resultOf = (conversation: Conversation, tool: string, nth = 0) => conversation.toolResults.filter((r) => r.name === tool)[nth];
const firstItem = (json: unknown) => (Array.isArray(json) ? json[0] : json) as Record<string, any> | undefined;

const createArgs = (vars: Record<string, string>) => ({ customerId: Number(vars.THE_NEXT_INVOICE_CUSTOMER_ID), lineDescription: LINE, quantity: 2, unitPrice: 95, creationToken: ORDER });

const scenario: ModelScenario = {
	match: MATCH,
	turns: [
		{
			toolCalls: [
				{ name: 'Get_many_invoices', arguments: { limit: 5, status: 'open', minDate: '2000-01-01' } },
				{ name: 'Get_organization', arguments: { organizationId: '{{FISKALY_OWN_ORGANIZATION_ID}}' } },
				{ name: 'Get_invoice_delivery_status', arguments: { customInvoiceId: '{{INVOICING_API_PAID_INVOICE_ID}}' } },
			],
		},
		(conversation) => {
			const newest = firstItem(resultOf(conversation, 'Get_many_invoices')?.json);
			if (!newest?.id) throw new Error(`no invoice in the search result: ${resultOf(conversation, 'Get_many_invoices')?.content.slice(0, 200)}`);
			return {
				toolCalls: [
					{ name: 'Get_invoice', arguments: { invoiceId: newest.id } },
					{ name: 'Create_invoice', arguments: createArgs(conversation.vars) },
				],
			};
		},
		// The agent "retries" the create: same arguments, same creation token.
		(conversation) => ({ toolCalls: [{ name: 'Create_invoice', arguments: createArgs(conversation.vars) }] }),
		(conversation) => {
			const ids = conversation.toolResults.filter((r) => r.name === 'Create_invoice').map((r) => firstItem(r.json)?.invoiceId);
			const open = resultOf(conversation, 'Get_many_invoices')?.json;
			return { content: `You have ${Array.isArray(open) ? open.length : 0} open invoices listed. I created invoice ${ids.join(' and ')} for ${ORDER}.` };
		},
	],
};

const testCase: E2eCase = {
	name: 'AI Agent: a model calls our nodes as tools (OpenAI Chat Model on a local stub)',
	workflow: agentWorkflow('e2eAiAgentTools01', 'e2e: AI Agent with our nodes as tools', `${MATCH} Which invoices are open, what is in the newest one, and please invoice customer {{THE_NEXT_INVOICE_CUSTOMER_ID}} for 2 hours of consulting at 95 EUR (${ORDER}). Also: was invoice {{INVOICING_API_PAID_INVOICE_ID}} delivered, and which fiskaly organization are we?`, tools),
	modelScenarios: [scenario],
	check(run, { theNextInvoice, fiskaly, invoicingApi, openAi, placeholders, expect, equal }) {
		const chats = openAi.chatsOf(MATCH);
		const stubErrors = chats.flatMap((c) => ('error' in c.reply ? [c.reply.error] : []));
		equal(stubErrors, [], 'the stub could answer every model call');
		if (!expect(run.ok, `the workflow succeeds (status ${run.status})`)) return;
		equal(chats.map((c) => c.turn), [0, 1, 2, 3], 'the model was called four times, one per scripted turn');

		// What the model was offered: our tools, with our descriptions and $fromAI parameters.
		const offered = new Map((chats[0]?.request.tools ?? []).map((t) => [t.function.name, t.function]));
		equal([...offered.keys()].sort(), tools.map((t) => toolName(t.name)).sort(), 'the model was offered exactly our five tools');
		for (const spec of tools) equal(offered.get(toolName(spec.name))?.description, toolDescriptionOf(spec), `${toolName(spec.name)} is described to the model by its operation's description`);
		equal(Object.keys(offered.get('Create_invoice')?.parameters?.properties ?? {}).sort(), ['creationToken', 'customerId', 'lineDescription', 'quantity', 'unitPrice'], 'Create_invoice asks the model for customer, line, quantity, price and creation token');

		// Round 1 reached the sandboxes with the model's arguments, and the results went back to the model.
		const search = theNextInvoice.requests.find((r) => r.method === 'GET' && r.path === '/api/v1/invoice/search' && r.query.status === 'open' && r.query.mindate === '2000-01-01');
		expect(search, 'TheNextInvoice got the search with status=open and mindate=2000-01-01');
		expect(fiskaly.requests.some((r) => r.method === 'GET' && r.path === `/api/v0/organizations/${fiskaly.ownOrganizationId}`), 'fiskaly got GET /organizations/{own id}');
		expect(invoicingApi.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/invoice/${placeholders.INVOICING_API_PAID_INVOICE_ID}/status`)), 'the Invoicing API got GET /invoice/{id}/status');
		const round2 = chats[1]?.request.messages.filter((m) => m.role === 'tool') ?? [];
		equal(round2.length, 3, 'the second model call carries the three tool results');
		const results = (n: number) => chats[n]?.request.messages.filter((m) => m.role === 'tool').map((m) => String(m.content)) ?? [];
		expect(results(1).some((text) => text.includes(fiskaly.ownOrganizationId)), 'the fiskaly organization went back to the model');
		expect(results(1).some((text) => text.includes('"state":"paid"') && text.includes(placeholders.INVOICING_API_PAID_INVOICE_ID)), 'the Invoicing API status (paid) went back to the model');
		const newestId = (chats[1]?.reply as { toolCalls?: Array<{ name: string; arguments: { invoiceId?: number } }> }).toolCalls?.find((c) => c.name === 'Get_invoice')?.arguments.invoiceId;
		expect(newestId !== undefined && results(1).some((text) => text.includes(`"id":${newestId}`)), 'the invoice list went back to the model (the stub picked an id from it)');
		expect(theNextInvoice.requests.some((r) => r.method === 'GET' && r.path === `/api/v1/invoice/${newestId}`), 'TheNextInvoice got GET /invoice/{the id the model picked}');
		// (Not "still open": the MCP cases, checked earlier while n8n runs, may have paid it since.)
		expect(newestId !== undefined && theNextInvoice.state.invoices.get(newestId)?.status === 1, 'the picked invoice is a finalized invoice of the sandbox');

		// The create and its retry: two requests with one creation token, one invoice, the same id twice to the model.
		const token = creationTokenFor(ORDER);
		const creates = theNextInvoice.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/invoice' && (r.body as { lines?: Array<{ description?: string }> })?.lines?.[0]?.description === LINE);
		equal(creates.length, 2, 'the agent sent the create twice');
		equal(creates.map((r) => (r.body as { creationToken?: string }).creationToken), [token, token], `both carried the creation token derived from "${ORDER}"`);
		const first = creates[0]?.body as { receiver?: unknown; lines?: Array<{ quantity?: number; price?: number }> } | undefined;
		equal([first?.receiver, first?.lines?.[0]?.quantity, first?.lines?.[0]?.price], [Number(placeholders.THE_NEXT_INVOICE_CUSTOMER_ID), 2, 95], 'the create carried the customer, quantity and price the model gave');
		const made = [...theNextInvoice.state.invoices.values()].filter((i) => i.lines?.[0]?.description === LINE);
		equal(made.length, 1, 'the sandbox holds one invoice for the two creates');
		const last = chats[3]?.request.messages ?? [];
		const createCallIds = new Set(last.flatMap((m) => m.tool_calls ?? []).filter((c) => c.function.name === 'Create_invoice').map((c) => c.id));
		const createResults = last.filter((m) => m.role === 'tool' && createCallIds.has(m.tool_call_id ?? '')).map((m) => firstItem(JSON.parse(String(m.content)))?.invoiceId);
		equal(createResults, [made[0]?.id, made[0]?.id], 'both creates answered the model with that one invoice id');

		// The agent's answer is the model's final turn.
		const answer = String(run.output('AI Agent')[0]?.output ?? '');
		equal(/^You have \d+ open invoices listed\. I created invoice (\d+) and \1 for order-A-1001\.$/.exec(answer)?.[1], String(made[0]?.id), `the agent answers with the model's final turn ("${answer.slice(0, 120)}")`);
		expect(run.runData['Create invoice']?.length === 2, `the Create invoice tool node ran twice (${run.runData['Create invoice']?.length ?? 0})`);
	},
};

export default testCase;
