/**
 * Every example workflow runs against the sandboxes, so the examples the demo imports and the READMEs link cannot
 * silently rot:
 * - packages/<name>/examples/ that start with a Manual Trigger: run without error and every node in them runs. Each
 *   belongs to its package, so it also runs with that package installed alone.
 * - examples/ at the root hold examples that use several packages (e.g. the finance assistant): run only with all four.
 * - AI examples: an AI Agent runs with the local chat model stub (test/e2e/openai-stub.ts) playing the model by a
 *   script below; an MCP Server Trigger example is published and an MCP client lists and calls its tools. Both run
 *   only with all four packages installed.
 */
import * as path from 'node:path';

import { ROOT } from '../../../scripts/n8n-runtime';
import { exampleWorkflows, readWorkflowFiles } from '../../../scripts/workflow-files';
import type { WorkflowJson } from '../../../scripts/workflow-files';
import type { E2eCase, E2eContext } from '../harness';
import { callTool, connectMcp, mcpUrl, type ToolResult } from '../live';
import type { Conversation, ModelScenario } from '../openai-stub';

type ExampleNode = { name: string; type: string; parameters?: Record<string, any> };

const AGENT = '@n8n/n8n-nodes-langchain.agent';
const MCP_TRIGGER = '@n8n/n8n-nodes-langchain.mcpTrigger';
/** Nodes that never run: notes on the canvas. */
const NOT_RUN = ['n8n-nodes-base.stickyNote'];

const firstItem = (json: unknown) => (Array.isArray(json) ? json[0] : json) as Record<string, any> | undefined;
const resultOf = (conversation: Conversation, tool: string) => conversation.toolResults.find((r) => r.name === tool);

/** The model's part in each AI Agent example: one scenario per example file, matched by its question. */
const MODEL_SCENARIOS: Record<string, ModelScenario> = {
	'finance-assistant.json': {
		match: 'Which invoices are still open, and what is on the newest one?',
		turns: [
			{
				toolCalls: [
					{ name: 'Get_many_invoices', arguments: { limit: 5, status: 'open', minDate: '2000-01-01' } },
					{ name: 'Get_invoice_delivery_status', arguments: { customInvoiceId: '{{INVOICING_API_PAID_INVOICE_ID}}' } },
					{ name: 'Who_am_I_at_fiskaly', arguments: {} },
				],
			},
			(conversation) => {
				const newest = firstItem(resultOf(conversation, 'Get_many_invoices')?.json);
				const claims = firstItem(resultOf(conversation, 'Who_am_I_at_fiskaly')?.json);
				if (!newest?.id || !claims?.organization_id) throw new Error('the first tool results lack an invoice or the fiskaly organization');
				return {
					toolCalls: [
						{ name: 'Get_invoice', arguments: { invoiceId: newest.id } },
						{ name: 'Get_organization', arguments: { organizationId: claims.organization_id } },
						{
							name: 'Create_invoice',
							arguments: { customerId: Number(conversation.vars.THE_NEXT_INVOICE_CUSTOMER_ID), lineDescription: 'Bookkeeping, 3 hours', quantity: 3, unitPrice: 80, creationToken: 'FA-2026-001' },
						},
					],
				};
			},
			(conversation) => {
				const open = resultOf(conversation, 'Get_many_invoices')?.json;
				const invoice = firstItem(resultOf(conversation, 'Get_invoice')?.json);
				const status = firstItem(resultOf(conversation, 'Get_invoice_delivery_status')?.json);
				const organization = firstItem(resultOf(conversation, 'Get_organization')?.json);
				const created = firstItem(resultOf(conversation, 'Create_invoice')?.json);
				return {
					content: `${Array.isArray(open) ? open.length : 0} invoices are open; the newest is number ${invoice?.number}. Invoice ${status?.customInvoiceId} is ${status?.state}. Our fiskaly organization is ${organization?.name}. I created invoice ${created?.invoiceId} for order FA-2026-001.`,
				};
			},
		],
	},
};

/** What an MCP client does with each MCP Server Trigger example; returns each call's result for the checks. */
const MCP_EXERCISES: Record<string, (call: (tool: string, args: Record<string, unknown>) => Promise<ToolResult>, ctx: E2eContext) => Promise<void>> = {
	'thenextinvoice-mcp-server.json': async (call, { theNextInvoice, expect }) => {
		const customers = await call('Search_customers', { term: 'Seed' });
		expect(!customers.isError && Array.isArray(customers.json) && customers.json.length > 0, `Search_customers finds the seeded customers (${customers.text.slice(0, 100)})`);
		const open = await call('Get_many_invoices', { limit: 2, status: 'open', minDate: '2000-01-01' });
		const id = firstItem(open.json)?.id as number | undefined;
		if (!expect(!open.isError && id, `Get_many_invoices finds open invoices (${open.text.slice(0, 100)})`)) return;
		const invoice = await call('Get_invoice', { invoiceId: id });
		expect(invoice.first?.id === id, 'Get_invoice answers that invoice');
		const status = await call('Get_invoice_status', { invoiceId: id });
		expect(!status.isError && status.first?.invoice, `Get_invoice_status answers its status (${status.text.slice(0, 100)})`);
		const link = await call('Get_payment_link', { invoiceId: id });
		expect(link.first?.invoiceId === id && /\w\.\w+\/\S+/.test(String(link.first?.paymentUrl)), `Get_payment_link answers the payment page address (${link.text.slice(0, 100)})`);
		const paid = await call('Register_payment', { invoiceId: id, paymentDate: '2026-12-01' });
		expect(!paid.isError && theNextInvoice.state.invoices.get(id!)?.payment, `Register_payment pays the invoice in the sandbox (${paid.text.slice(0, 100)})`);
		const paths = theNextInvoice.requests.map((r) => `${r.method} ${r.path}`);
		for (const expected of [`GET /api/v1/invoice/${id}`, `GET /api/v1/invoice/${id}/status`, `GET /api/v1/invoice/${id}/payment-url`, `POST /api/v1/invoice/${id}/payment`]) {
			expect(paths.includes(expected), `the sandbox got ${expected}`);
		}
	},
};

const nodesOf = (workflow: WorkflowJson) => workflow.nodes as ExampleNode[];
const hasType = (workflow: WorkflowJson, type: string) => nodesOf(workflow).some((node) => node.type === type);

function runCase(label: string, file: string, workflow: WorkflowJson, packageName: string | undefined): E2eCase {
	const ai = hasType(workflow, AGENT);
	const scenario = MODEL_SCENARIOS[file];
	if (ai && !scenario) throw new Error(`example ${label} has an AI Agent but no model scenario in ${__filename}`);
	return {
		name: `example ${label} runs${ai ? ' (the model is the local stub)' : ''}`,
		// AI examples need every package's tools and the model stub: only in the run with all four.
		package: ai ? undefined : packageName,
		workflow,
		modelScenarios: ai ? [scenario] : undefined,
		check(run, { openAi, expect, equal }) {
			if (ai) equal(openAi.chatsOf(scenario.match).flatMap((c) => ('error' in c.reply ? [c.reply.error] : [])), [], 'the model stub could answer every call');
			if (!expect(run.ok, `the workflow succeeds (status ${run.status})`)) return;
			for (const node of nodesOf(workflow).filter((n) => !NOT_RUN.includes(n.type))) {
				expect(run.runData[node.name]?.length, `node "${node.name}" ran`);
			}
		},
	};
}

function mcpCase(label: string, file: string, workflow: WorkflowJson): E2eCase {
	const exercise = MCP_EXERCISES[file];
	if (!exercise) throw new Error(`example ${label} has an MCP Server Trigger but no MCP exercise in ${__filename}`);
	const trigger = nodesOf(workflow).find((node) => node.type === MCP_TRIGGER)!;
	const tools = nodesOf(workflow).filter((node) => JSON.stringify(workflow.connections[node.name] ?? {}).includes('"ai_tool"'));
	return {
		name: `example ${label}: an MCP client lists and calls its tools`,
		published: true,
		workflow,
		async check(_run, ctx) {
			const { expect, equal } = ctx;
			if (!expect(ctx.n8n, 'n8n is running')) return;
			const client = await connectMcp(mcpUrl(ctx.n8n!.url, String(trigger.parameters?.path)));
			try {
				const { tools: listed } = await client.listTools();
				const toolName = (name: string) => name.replace(/[^a-zA-Z0-9_-]+/g, '_');
				equal(listed.map((t) => t.name).sort(), tools.map((t) => toolName(t.name)).sort(), 'the MCP server lists every tool node of the example');
				for (const tool of tools) {
					const description = listed.find((t) => t.name === toolName(tool.name))?.description;
					equal(description, tool.parameters?.toolDescription, `${toolName(tool.name)} carries the description the example gives it`);
				}
				await exercise((name, args) => callTool(client, name, args), ctx);
			} finally {
				await client.close();
			}
		},
	};
}

const packageExamples = exampleWorkflows().map((example) => ({ ...example, label: `${example.packageName}/examples/${example.file}` }));
const sharedExamples = readWorkflowFiles(path.join(ROOT, 'examples')).map((example) => ({ ...example, packageName: undefined, label: `examples/${example.file}` }));

const cases: E2eCase[] = [...packageExamples, ...sharedExamples].flatMap(({ packageName, file, workflow, label }) => {
	if (hasType(workflow, MCP_TRIGGER)) return [mcpCase(label, file, workflow)];
	if (hasType(workflow, 'n8n-nodes-base.manualTrigger')) return [runCase(label, file, workflow, packageName)];
	return [];
});

export default cases;
