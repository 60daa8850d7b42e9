/**
 * The crash suite's workflow: 100 orders invoiced in TheNextInvoice (create with the order number as Idempotency Key
 * → finalize → send by e-mail), and the merchants among them onboarded in fiskaly (managed organization with the
 * merchant reference as Idempotency Key → LIVE enabled → an API key named after the merchant). No On Error branches:
 * run again after a crash, the nodes themselves pass over what is already done (alreadyDone).
 * `{{NAME}}` placeholders are the sandboxes' (scripts/sandboxes.ts).
 */
import type { WorkflowJson } from '../../scripts/workflow-files';
import { byId, fiskalyManagedOrganizationParameters, tniCreateInvoiceParameters } from '../helpers/sandbox-workflows';

export const CRASH_WORKFLOW_ID = 'crashOrders0001';
export const ORDERS = 100;
/** Every MERCHANT_EVERY-th order comes from a new merchant: 20 merchants. */
export const MERCHANT_EVERY = 5;

export const orderRef = (i: number) => `ORDER-${String(i + 1).padStart(4, '0')}`;
export const merchantRef = (i: number) => `MERCHANT-${String(i + 1).padStart(3, '0')}`;
export const apiKeyName = (merchant: string) => `${merchant.toLowerCase()}-pos`;

const tniCredentials = { theNextInvoiceApi: { id: '{{THE_NEXT_INVOICE_CREDENTIAL_ID}}', name: '{{THE_NEXT_INVOICE_CREDENTIAL_NAME}}' } };
const fiskalyCredentials = { fiskalyManagementApi: { id: '{{FISKALY_CREDENTIAL_ID}}', name: '{{FISKALY_CREDENTIAL_NAME}}' } };
// Timeouts short enough that a request whose answer never comes (n8n was killed) does not hold anything up.
const requestOptions = { timeoutSeconds: 10 };

const ORDERS_CODE = `return Array.from({ length: ${ORDERS} }, (_, i) => ({ json: {
	order: 'ORDER-' + String(i + 1).padStart(4, '0'),
	merchant: 'MERCHANT-' + String(Math.floor(i / ${MERCHANT_EVERY}) + 1).padStart(3, '0'),
	amount: 100 + i,
} }));`;

const MERCHANTS_CODE = `const seen = new Set();
return $input.all().filter((item) => !seen.has(item.json.merchant) && seen.add(item.json.merchant)).map((item) => ({ json: { merchant: item.json.merchant, name: 'Shop ' + item.json.merchant } }));`;

const node = (name: string, type: string, position: [number, number], parameters: Record<string, unknown>, credentials?: Record<string, unknown>) => ({
	id: name.toLowerCase().replace(/\W/g, ''),
	name,
	type,
	typeVersion: type.startsWith('n8n-nodes-base.code') ? 2 : 1,
	position,
	parameters,
	...(credentials ? { credentials } : {}),
});

const tni = (name: string, x: number, parameters: Record<string, unknown>) =>
	node(name, 'n8n-nodes-thenextinvoice.theNextInvoice', [x, 0], { ...parameters, requestOptions }, tniCredentials);
const fiskaly = (name: string, x: number, parameters: Record<string, unknown>) =>
	node(name, 'n8n-nodes-fiskaly-management.fiskalyManagement', [x, -300], { ...parameters, requestOptions }, fiskalyCredentials);

export const crashWorkflow: WorkflowJson = {
	id: CRASH_WORKFLOW_ID,
	name: 'crash: invoice 100 orders, onboard their merchants',
	nodes: [
		node('Start', 'n8n-nodes-base.manualTrigger', [0, 0], {}),
		node('Orders', 'n8n-nodes-base.code', [220, 0], { mode: 'runOnceForAllItems', jsCode: ORDERS_CODE }),
		tni('Create Invoice', 440, tniCreateInvoiceParameters({ description: '={{ $json.order }}', amount: '={{ $json.amount }}', key: '={{ $json.order }}' })),
		tni('Finalize', 660, { resource: 'invoice', operation: 'finalize', invoiceId: byId('={{ $json.invoiceId }}') }),
		tni('Send by Email', 880, {
			resource: 'invoice',
			operation: 'sendEmail',
			invoiceId: byId("={{ $('Create Invoice').item.json.invoiceId }}"),
			subject: 'Invoice {invoicenumber}',
			body: '<p>Thank you for your order.</p>',
		}),
		// Above the invoices: n8n (execution order v1) runs the upper branch first, so kills land in both.
		node('Merchants', 'n8n-nodes-base.code', [440, -300], { mode: 'runOnceForAllItems', jsCode: MERCHANTS_CODE }),
		fiskaly('Create Organization', 660, fiskalyManagedOrganizationParameters({ name: '={{ $json.name }}', key: '={{ $json.merchant }}' })),
		fiskaly('Enable LIVE', 880, { resource: 'organization', operation: 'enableEnvironment', organizationId: byId('={{ $json._id }}'), env: 'LIVE' }),
		fiskaly('Create API Key', 1100, {
			resource: 'apiKey',
			operation: 'create',
			organizationId: byId("={{ $('Create Organization').item.json._id }}"),
			name: "={{ $('Merchants').item.json.merchant.toLowerCase() + '-pos' }}",
			status: 'enabled',
		}),
	],
	connections: {
		Start: { main: [[{ node: 'Orders', type: 'main', index: 0 }]] },
		Orders: { main: [[{ node: 'Merchants', type: 'main', index: 0 }, { node: 'Create Invoice', type: 'main', index: 0 }]] },
		'Create Invoice': { main: [[{ node: 'Finalize', type: 'main', index: 0 }]] },
		Finalize: { main: [[{ node: 'Send by Email', type: 'main', index: 0 }]] },
		Merchants: { main: [[{ node: 'Create Organization', type: 'main', index: 0 }]] },
		'Create Organization': { main: [[{ node: 'Enable LIVE', type: 'main', index: 0 }]] },
		'Enable LIVE': { main: [[{ node: 'Create API Key', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
} as unknown as WorkflowJson;
