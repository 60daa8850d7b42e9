/**
 * The workflows of the queue-mode suite. Load workflows start from a production webhook that answers when the last
 * node has finished (so the caller learns which deliveries failed and delivers them again), split the posted
 * `items` into n8n items and run them through our nodes on a worker. `{{NAME}}` placeholders are the sandboxes'
 * (scripts/sandboxes.ts), filled by the suite.
 *
 * They are delivered again safely (README "Running at scale") by the nodes themselves: every create carries the item's
 * own reference as its idempotency key (TheNextInvoice Idempotency Key, Invoicing API Custom Invoice ID, fiskaly
 * organization Idempotency Key and API key name), and a state change that already happened (finalized, sent, key
 * created) succeeds with alreadyDone: true (If Already Done = Succeed, the default). No On Error branches: a node
 * that fails fails the execution, so the caller delivers it again. Only the SEPA workflow keeps one branch, for
 * invoices an earlier delivery already put in a batch (its XML was downloaded then).
 */
import type { CredentialImport } from '../../scripts/n8n-runtime';
import type { WorkflowJson } from '../../scripts/workflow-files';
import { byId, fiskalyManagedOrganizationParameters, tniCreateInvoiceParameters } from '../helpers/sandbox-workflows';

export const TNI_LOGIN_CREDENTIAL: CredentialImport = {
	id: 'tniLoginQueueCred',
	name: 'TheNextInvoice Login (queue)',
	type: 'theNextInvoiceLoginApi',
	data: { email: '{{THE_NEXT_INVOICE_EMAIL}}', password: '{{THE_NEXT_INVOICE_PASSWORD}}', company: 0, baseUrl: '{{THE_NEXT_INVOICE_BASE_URL}}' },
};

const tniLogin = { theNextInvoiceLoginApi: { id: TNI_LOGIN_CREDENTIAL.id, name: TNI_LOGIN_CREDENTIAL.name } };
const fiskalyCredentials = { fiskalyManagementApi: { id: '{{FISKALY_CREDENTIAL_ID}}', name: '{{FISKALY_CREDENTIAL_NAME}}' } };
const invoicingCredentials = { invoicingApi: { id: '{{INVOICING_API_CREDENTIAL_ID}}', name: '{{INVOICING_API_CREDENTIAL_NAME}}' } };

/**
 * Request Options of every node: a short timeout, so that the sandboxes' "slow" fault (held back longer than this)
 * really times out and the write's outcome becomes unknown, and patient retries for the rest of the faults.
 */
export const TIMEOUT_SECONDS = 2;
const requestOptions = { timeoutSeconds: TIMEOUT_SECONDS, maxAttempts: 8, maxTotalWaitSeconds: 60 };

type Node = Record<string, unknown> & { name: string };

/** TheNextInvoice Create's parameter that is sent (as a UUID derived from it) as the invoice's creationToken. */
export const TNI_IDEMPOTENCY_PARAMETER = 'idempotencyKey';

export const WORKFLOW_IDS = { tni: 'queueTni0001', invoicing: 'queueInvoicing0001', fiskaly: 'queueFiskaly0001', sepa: 'queueSepa0001', trigger: 'queueTrigger0001' } as const;
export const WEBHOOK_PATHS = { tni: 'queue-tni', invoicing: 'queue-invoicing', fiskaly: 'queue-fiskaly', sepa: 'queue-sepa' } as const;

/**
 * Webhook → Split Out (body.items) → `nodes`; `edges` are [from, to, output index of `from`] (default: a chain in
 * the order of `nodes`).
 */
function webhookWorkflow(id: string, name: string, path: string, webhookId: string, nodes: Node[], edges?: Array<[string, string, number?]>): WorkflowJson {
	const all: Node[] = [
		{ id: 'hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId, parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} } },
		{ id: 'split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'body.items', options: {} } },
		...nodes,
	].map((node, i) => ({ position: [220 * i, 0], ...node }));
	const links: Array<[string, string, number?]> = [
		['Webhook', 'Split Out'],
		['Split Out', nodes[0].name],
		...(edges ?? nodes.slice(1).map((node, i): [string, string] => [nodes[i].name, node.name])),
	];
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	for (const [from, to, output = 0] of links) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}
	// saveExecutionProgress: each node's result is stored as it finishes, so a failed execution shows how far it got.
	return { id, name, nodes: all, connections, settings: { executionOrder: 'v1', saveExecutionProgress: true } } as unknown as WorkflowJson;
}

/** A write whose failure the workflow inspects itself (its items then carry `error`). */
const tolerant = (node: Node): Node => ({ ...node, onError: 'continueRegularOutput' });

/** Expression: the step's item succeeded, or the vendor refused it because it had already happened. */
const done = (step: string) => `(!$('${step}').item.json.error || /already/i.test($('${step}').item.json.error))`;

/** An IF node (v2) with one condition: items for which it holds leave on output 0, the others on output 1. */
function ifNode(name: string, leftValue: string, operator: { type: string; operation: string }): Node {
	return {
		id: name.toLowerCase().replace(/\W/g, ''),
		name,
		type: 'n8n-nodes-base.if',
		typeVersion: 2,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
				conditions: [{ id: 'condition', leftValue, rightValue: '', operator: { ...operator, singleValue: true } }],
				combinator: 'and',
			},
			options: {},
		},
	};
}

/** IF every given step is done → output 0, else → output 1 (Stop and Error). */
const allDone = (name: string, steps: string[]): Node => ifNode(name, `={{ ${steps.map(done).join(' && ')} }}`, { type: 'boolean', operation: 'true' });

/** Fails the execution, naming the item (`itemNode`'s `ref`) and the errors of its steps. */
const stop = (name: string, steps: string[], itemNode = 'Split Out'): Node => ({
	id: name.toLowerCase().replace(/\W/g, ''),
	name,
	type: 'n8n-nodes-base.stopAndError',
	typeVersion: 1,
	parameters: { errorMessage: `={{ 'Not done: ' + $('${itemNode}').item.json.ref + ': ' + [${steps.map((s) => `$('${s}').item.json.error`).join(', ')}].filter(Boolean).join(' / ') }}` },
});

const noOp = (name: string): Node => ({ id: name.toLowerCase().replace(/\W/g, ''), name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });

const tni = (id: string, name: string, parameters: Record<string, unknown>): Node => ({
	id,
	name,
	type: 'n8n-nodes-thenextinvoice.theNextInvoice',
	typeVersion: 1,
	credentials: tniLogin,
	parameters: { authentication: 'emailPassword', ...parameters, requestOptions },
});

const sha256Of = (id: string, name: string, binaryPropertyName: string): Node => ({
	id,
	name,
	type: 'n8n-nodes-base.crypto',
	typeVersion: 2,
	parameters: { action: 'hash', type: 'SHA256', binaryData: true, binaryPropertyName, dataPropertyName: 'sha256', encoding: 'hex' },
});

// The item's reference as Idempotency Key: delivered again, the same create returns the invoice made the first time.
const createInvoice = tni('create', 'Create', tniCreateInvoiceParameters({ description: '={{ $json.ref }}', amount: '={{ $json.amount }}', key: '={{ $json.ref }}' }));
const createdId = "={{ $('Create').item.json.invoiceId }}";
const finalize = tni('finalize', 'Finalize', { resource: 'invoice', operation: 'finalize', invoiceId: createdId });

/** TheNextInvoice (e-mail & password JWTs): create a draft, finalize it, download its PDF, hash the PDF. */
export const tniWorkflow = webhookWorkflow(
	WORKFLOW_IDS.tni,
	'queue: TheNextInvoice create, finalize, PDF',
	WEBHOOK_PATHS.tni,
	'7d0c1d1e-9a57-4c38-9a39-1f0e7a9b0001',
	[
		createInvoice,
		finalize,
		tni('pdf', 'PDF', { resource: 'invoice', operation: 'downloadPdf', invoiceId: createdId, binaryPropertyName: 'pdf' }),
		sha256Of('hash', 'Hash PDF', 'pdf'),
	],
);

/** TheNextInvoice SEPA: create + finalize invoices, one SEPA batch each, download its pain.008 XML, hash it. */
export const sepaWorkflow = webhookWorkflow(
	WORKFLOW_IDS.sepa,
	'queue: TheNextInvoice SEPA XML',
	WEBHOOK_PATHS.sepa,
	'7d0c1d1e-9a57-4c38-9a39-1f0e7a9b0004',
	[
		createInvoice,
		finalize,
		tolerant(tni('sepa', 'SEPA Batch', { resource: 'invoice', operation: 'createSepaBatch', invoiceId: createdId, date: '2026-12-15' })),
		allDone('Batched?', ['SEPA Batch']),
		ifNode('New Batch?', '={{ $json.sepaBatchId }}', { type: 'string', operation: 'notEmpty' }),
		tni('xml', 'SEPA XML', { resource: 'sepaBatch', operation: 'download', batchId: '={{ $json.sepaBatchId }}', binaryPropertyName: 'sepa' }),
		sha256Of('hash', 'Hash XML', 'sepa'),
		noOp('Batched Before'),
		stop('Not Batched', ['SEPA Batch']),
	],
	[
		['Create', 'Finalize'],
		['Finalize', 'SEPA Batch'],
		['SEPA Batch', 'Batched?'],
		['Batched?', 'New Batch?', 0],
		['Batched?', 'Not Batched', 1],
		// A batch made by an earlier delivery ("already in a SEPA batch") was downloaded then.
		['New Batch?', 'SEPA XML', 0],
		['New Batch?', 'Batched Before', 1],
		['SEPA XML', 'Hash XML'],
	],
);

const invoicing = (id: string, name: string, parameters: Record<string, unknown>): Node => ({
	id,
	name,
	type: 'n8n-nodes-regtech-invoicing.invoicingApi',
	typeVersion: 1,
	credentials: invoicingCredentials,
	parameters: { ...parameters, requestOptions },
});

/** Invoicing API: create only (our reference as customInvoiceId), then send. */
export const invoicingWorkflow = webhookWorkflow(
	WORKFLOW_IDS.invoicing,
	'queue: Invoicing API create and send',
	WEBHOOK_PATHS.invoicing,
	'7d0c1d1e-9a57-4c38-9a39-1f0e7a9b0002',
	[
		invoicing('create', 'Create', {
				resource: 'invoice',
				operation: 'create',
				createOnly: true,
				customInvoiceId: '={{ $json.ref }}',
				invoiceNumber: '={{ $json.ref }}',
				customerType: '1',
				recipientBusinessId: '559988-7766',
				recipientCompanyName: 'Bullerbyn AB',
				recipientPhoneNumber: '+46701234567',
				invoiceSendType: '1',
				recipientEmail: 'billing@bullerbyn.example',
				invoicerCompanyName: 'Vimmerby Trading AB',
				invoicerBusinessId: '556677-8899',
				invoiceDate: '2026-12-01T00:00:00',
				dueDate: '2026-12-31T00:00:00',
				total: '={{ $json.amount * 1.25 }}',
				currency: 'SEK',
				invoiceRows: { row: [{ productCode: 'CONS', description: 'Consulting', quantity: 1, unitPrice: '={{ $json.amount }}', vatPerc: 25, priceNoVat: '={{ $json.amount }}', price: '={{ $json.amount * 1.25 }}' }] },
				smsDetails: { senderName: 'Vimmerby', freeText: 'Your invoice from Vimmerby Trading' },
				options: { checkTotal: true, language: 'sv' },
		}),
		invoicing('send', 'Send', { resource: 'invoice', operation: 'send', customInvoiceId: "={{ $('Split Out').item.json.ref }}" }),
	],
);

const fiskaly = (id: string, name: string, parameters: Record<string, unknown>): Node => ({
	id,
	name,
	type: 'n8n-nodes-fiskaly-management.fiskalyManagement',
	typeVersion: 1,
	credentials: fiskalyCredentials,
	parameters: { ...parameters, requestOptions },
});

/**
 * fiskaly: a managed organization (our reference as its Idempotency Key: fiskaly has none, the node keeps it in the
 * organization's metadata and finds it there), then an API key for it (its unique name).
 */
export const fiskalyWorkflow = webhookWorkflow(
	WORKFLOW_IDS.fiskaly,
	'queue: fiskaly organization and API key',
	WEBHOOK_PATHS.fiskaly,
	'7d0c1d1e-9a57-4c38-9a39-1f0e7a9b0003',
	[
		fiskaly('org', 'Organization', fiskalyManagedOrganizationParameters({ name: '={{ $json.name }}', key: '={{ $json.ref }}' })),
		fiskaly('key', 'API Key', {
			resource: 'apiKey',
			operation: 'create',
			organizationId: byId('={{ $json._id }}'),
			name: "={{ $('Split Out').item.json.keyName }}",
			status: 'enabled',
		}),
	],
);

/** The New Invoice trigger (polls on main every minute, with the same e-mail & password credential). */
export const triggerWorkflow = {
	id: WORKFLOW_IDS.trigger,
	name: 'queue: TheNextInvoice New Invoice trigger',
	nodes: [
		{
			id: 'trigger',
			name: 'New Invoice',
			type: 'n8n-nodes-thenextinvoice.theNextInvoiceTrigger',
			typeVersion: 1,
			position: [0, 0],
			credentials: tniLogin,
			parameters: { authentication: 'emailPassword', event: 'newInvoice', pollTimes: { item: [{ mode: 'everyMinute' }] }, requestOptions },
		},
		{ id: 'noop', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { 'New Invoice': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
} as unknown as WorkflowJson;

export const ALL_WORKFLOWS = [tniWorkflow, invoicingWorkflow, fiskalyWorkflow, sepaWorkflow, triggerWorkflow];
