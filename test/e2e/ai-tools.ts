/**
 * Builders for the AI e2e cases: our four nodes as AI tools (n8n's generated `<node>Tool` types) whose parameters the
 * model fills through $fromAI(), attached to an MCP Server Trigger or an AI Agent.
 * Every tool carries its operation's own description (the descriptor's `description`, what the node's Operation list
 * shows) as its Tool Description, so the MCP listing and the model's tool list show what our nodes say about themselves.
 */
import * as path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import type { WorkflowJson } from '../../scripts/workflow-files';

/**
 * A node class from the package sources. By its `.ts` file name: under ts-node a bare `X.node` resolves to the
 * `X.node.json` codex file next to it (Node tries .json before .ts).
 */
function nodeFromSource(file: string, className: string): INodeType {
	const NodeClass = require(path.join(__dirname, '..', '..', 'packages', `${file}.ts`))[className] as new () => INodeType;
	return new NodeClass();
}

interface Vendor {
	type: string;
	node: INodeType;
	credentials: Record<string, { id: string; name: string }>;
	/** Parameters every node of this vendor gets (e.g. TheNextInvoice's Authentication). */
	base?: Record<string, unknown>;
}

export const VENDORS = {
	theNextInvoice: {
		type: 'n8n-nodes-thenextinvoice.theNextInvoiceTool',
		node: nodeFromSource('n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoice.node', 'TheNextInvoice'),
		credentials: { theNextInvoiceApi: { id: '{{THE_NEXT_INVOICE_CREDENTIAL_ID}}', name: '{{THE_NEXT_INVOICE_CREDENTIAL_NAME}}' } },
		base: { authentication: 'apiToken' },
	},
	fiskaly: {
		type: 'n8n-nodes-fiskaly-management.fiskalyManagementTool',
		node: nodeFromSource('n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagement.node', 'FiskalyManagement'),
		credentials: { fiskalyManagementApi: { id: '{{FISKALY_CREDENTIAL_ID}}', name: '{{FISKALY_CREDENTIAL_NAME}}' } },
	},
	invoicingApi: {
		type: 'n8n-nodes-regtech-invoicing.invoicingApiTool',
		node: nodeFromSource('n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApi.node', 'InvoicingApi'),
		credentials: { invoicingApi: { id: '{{INVOICING_API_CREDENTIAL_ID}}', name: '{{INVOICING_API_CREDENTIAL_NAME}}' } },
	},
	semansys: {
		type: 'n8n-nodes-semansys.semansysTool',
		node: nodeFromSource('n8n-nodes-semansys/nodes/Semansys/Semansys.node', 'Semansys'),
		credentials: { semansysApi: { id: '{{SEMANSYS_CREDENTIAL_ID}}', name: '{{SEMANSYS_CREDENTIAL_NAME}}' } },
	},
} satisfies Record<string, Vendor>;

/** The Operation list entry of a node's resource + operation (its action and description). */
export function operationOf(node: INodeType, resource: string, operation: string): INodePropertyOptions {
	const property = node.description.properties.find(
		(p: INodeProperties) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
	const option = (property?.options as INodePropertyOptions[] | undefined)?.find((o) => o.value === operation);
	if (!option) throw new Error(`${node.description.displayName} has no operation ${resource}.${operation}`);
	return option;
}

type FromAiType = 'string' | 'number' | 'boolean' | 'json';

/** `$fromAI('key', `description`, 'type')`, for use inside an expression. */
export const fromAiCall = (key: string, description: string, type: FromAiType = 'string') => `$fromAI('${key}', \`${description}\`, '${type}')`;

/** `={{ $fromAI('key', `description`, 'type') }}`: the model fills the parameter. */
export const fromAi = (key: string, description: string, type: FromAiType = 'string') => `={{ ${fromAiCall(key, description, type)} }}`;

/** A resource locator ("By ID") whose value the model gives. */
export const idFromAi = (key: string, description: string, type: 'string' | 'number' = 'string') => ({ __rl: true, mode: 'id', value: fromAi(key, description, type) });

export interface ToolSpec {
	/** The node name; the tool's name is this with non-alphanumerics as `_`. */
	name: string;
	vendor: keyof typeof VENDORS;
	resource: string;
	operation: string;
	parameters: Record<string, unknown>;
}

/** n8n's tool name for a node name (n8n-workflow nodeNameToToolName). */
export const toolName = (nodeName: string) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

/** The tool description a spec's node carries: its operation's description. */
export const toolDescriptionOf = (spec: ToolSpec) => String(operationOf(VENDORS[spec.vendor].node, spec.resource, spec.operation).description);

export function toolNode(spec: ToolSpec, position: [number, number]) {
	const vendor: Vendor = VENDORS[spec.vendor];
	return {
		id: `tool-${toolName(spec.name)}`,
		name: spec.name,
		type: vendor.type,
		typeVersion: 1,
		position,
		parameters: {
			...vendor.base,
			// n8n's automatic tool description is only "<action> in <node>"; the operation's description says more.
			descriptionType: 'manual',
			toolDescription: toolDescriptionOf(spec),
			resource: spec.resource,
			operation: spec.operation,
			...spec.parameters,
		},
		credentials: vendor.credentials,
	};
}

/** The tools of the issue: what a finance assistant asks most. */
export const TOOLS = {
	getManyInvoices: {
		name: 'Get many invoices',
		vendor: 'theNextInvoice',
		resource: 'invoice',
		operation: 'getAll',
		parameters: {
			returnAll: false,
			limit: fromAi('limit', 'How many invoices to return at most, 1 to 100', 'number'),
			filters: {
				// Status is a multi-select (a list); the model gives one status.
				status: `={{ [${fromAiCall('status', 'One invoice status to match: open, paid, pastdue, credit, credited, reminded, booked, notbooked or sepa')}] }}`,
				mindate: fromAi('minDate', 'Only invoices dated on or after this day, as an ISO date YYYY-MM-DD (e.g. 2020-01-01 for all)'),
			},
		},
	},
	getInvoice: {
		name: 'Get invoice',
		vendor: 'theNextInvoice',
		resource: 'invoice',
		operation: 'get',
		parameters: { invoiceId: idFromAi('invoiceId', 'The TheNextInvoice invoice ID, a whole number such as 1042', 'number') },
	},
	registerPayment: {
		name: 'Register payment',
		vendor: 'theNextInvoice',
		resource: 'invoice',
		operation: 'registerPayment',
		parameters: {
			invoiceId: idFromAi('invoiceId', 'The TheNextInvoice invoice ID, a whole number such as 1042', 'number'),
			method: '{{THE_NEXT_INVOICE_PAYMENT_METHOD_ID}}',
			date: fromAi('paymentDate', 'The day the payment arrived, as an ISO date YYYY-MM-DD'),
		},
	},
	createInvoice: {
		name: 'Create invoice',
		vendor: 'theNextInvoice',
		resource: 'invoice',
		operation: 'create',
		parameters: {
			receiverMode: 'id',
			receiver: idFromAi('customerId', 'The TheNextInvoice customer ID to invoice, a whole number', 'number'),
			senderMode: 'id',
			sender: { __rl: true, mode: 'id', value: '{{THE_NEXT_INVOICE_PROFILE_ID}}' },
			lines: {
				line: [
					{
						description: fromAi('lineDescription', 'What is invoiced, one line of text'),
						quantity: fromAi('quantity', 'How many units', 'number'),
						price: fromAi('unitPrice', 'Price of one unit in EUR, excluding VAT', 'number'),
						vat: '{{THE_NEXT_INVOICE_VAT_CODE_ID}}',
						ledger: '{{THE_NEXT_INVOICE_LEDGER_ID}}',
					},
				],
			},
			meta: { currency: 'EUR', language: 'en' },
			idempotencyKey: fromAi('creationToken', 'A key naming this invoice request, e.g. the order number; use the same key again when you retry the same invoice'),
		},
	},
	getOrganization: {
		name: 'Get organization',
		vendor: 'fiskaly',
		resource: 'organization',
		operation: 'get',
		parameters: { organizationId: idFromAi('organizationId', 'The fiskaly organization ID, a UUID') },
	},
	getTokenClaims: {
		name: 'Who am I at fiskaly',
		vendor: 'fiskaly',
		resource: 'token',
		operation: 'getClaims',
		parameters: {},
	},
	getInvoiceStatus: {
		name: 'Get invoice status',
		vendor: 'theNextInvoice',
		resource: 'invoice',
		operation: 'getStatus',
		parameters: { invoiceId: idFromAi('invoiceId', 'The TheNextInvoice invoice ID, a whole number such as 1042', 'number') },
	},
	getPaymentUrl: {
		name: 'Get payment link',
		vendor: 'theNextInvoice',
		resource: 'invoice',
		operation: 'getPaymentUrl',
		parameters: { invoiceId: idFromAi('invoiceId', 'The TheNextInvoice invoice ID, a whole number such as 1042', 'number') },
	},
	searchCustomers: {
		name: 'Search customers',
		vendor: 'theNextInvoice',
		resource: 'customer',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 10, term: fromAi('term', 'Text to look for in the customer name or contact name') },
	},
	getInvoicingStatus: {
		name: 'Get invoice delivery status',
		vendor: 'invoicingApi',
		resource: 'invoice',
		operation: 'getStatus',
		parameters: { customInvoiceId: fromAi('customInvoiceId', 'The custom invoice ID given when the invoice was created in the Invoicing API'), simplify: true },
	},
	getValidationStatus: {
		name: 'Get validation status',
		vendor: 'semansys',
		resource: 'validation',
		operation: 'getStatus',
		parameters: { jobId: fromAi('jobId', 'The jobId a Semansys validation answered with') },
	},
} satisfies Record<string, ToolSpec>;

/** Connections of tool nodes into `target` (an MCP Server Trigger or an AI Agent). */
export function toolConnections(tools: ToolSpec[], target: string): Record<string, unknown> {
	return Object.fromEntries(tools.map((tool) => [tool.name, { ai_tool: [[{ node: target, type: 'ai_tool', index: 0 }]] }]));
}

/** MCP Server Trigger (node version 2: `/mcp/<path>`, Streamable HTTP and SSE) with the given tools. */
export function mcpWorkflow(id: string, name: string, path: string, tools: ToolSpec[]): WorkflowJson {
	return {
		id,
		name,
		nodes: [
			{ id: 'mcp', name: 'MCP Server Trigger', type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion: 2, position: [0, 0], webhookId: `${id}-mcp`, parameters: { path } },
			...tools.map((tool, i) => toolNode(tool, [-200 + 160 * i, 240])),
		],
		connections: toolConnections(tools, 'MCP Server Trigger'),
		settings: { executionOrder: 'v1' },
	} as unknown as WorkflowJson;
}

/** Manual Trigger → AI Agent (prompt given) with n8n's OpenAI Chat Model pointed at the local stub, and the tools. */
export function agentWorkflow(id: string, name: string, prompt: string, tools: ToolSpec[]): WorkflowJson {
	return {
		id,
		name,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [240, 0],
				parameters: { promptType: 'define', text: prompt, options: { systemMessage: 'You are a finance assistant. Use the tools to answer.', maxIterations: 10 } },
			},
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [100, 240],
				// The stub (like most OpenAI-compatible servers) answers Chat Completions, not the Responses API.
				parameters: { model: { __rl: true, mode: 'id', value: '{{OPENAI_STUB_MODEL}}' }, responsesApiEnabled: false, options: { maxRetries: 0 } },
				credentials: { openAiApi: { id: '{{OPENAI_STUB_CREDENTIAL_ID}}', name: '{{OPENAI_STUB_CREDENTIAL_NAME}}' } },
			},
			...tools.map((tool, i) => toolNode(tool, [260 + 160 * i, 240])),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			...toolConnections(tools, 'AI Agent'),
		},
		// What the editor gives every new workflow. With the old order (v0) n8n runs the agent's tool calls only after
		// the agent has resumed, and the model gets empty tool results.
		settings: { executionOrder: 'v1' },
	} as unknown as WorkflowJson;
}
