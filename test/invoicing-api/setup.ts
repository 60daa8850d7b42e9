import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { InvoicingApi as InvoicingApiCredential } from '../../packages/n8n-nodes-regtech-invoicing/credentials/InvoicingApi.credentials';
import { invoicingTokens } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/api';
import { InvoicingApi } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApi.node';
import { InvoicingApiTrigger } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApiTrigger.node';
import { pollTrigger, runNode, type NodeUnderTest } from '../helpers/n8n';
import { startInvoicingApiSandbox, type InvoicingApiSandbox, type InvoicingApiSandboxOptions } from '../sandbox/invoicing-api';

/** Fast retries for tests. */
export const quickRetries = { requestOptions: { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 5 } };

export interface InvoicingFixture {
	sandbox: InvoicingApiSandbox;
	node: NodeUnderTest;
	trigger: NodeUnderTest;
	/** Client-credentials credential data of this sandbox. */
	credentials: ICredentialDataDecryptedObject;
	run: (parameters: INodeParameters, options?: Parameters<typeof runNode>[2]) => ReturnType<typeof runNode>;
	/** Runs the node with other credential data (e.g. a pasted token). */
	runWith: (credentials: ICredentialDataDecryptedObject, parameters: INodeParameters, options?: Parameters<typeof runNode>[2]) => ReturnType<typeof runNode>;
	poll: (parameters: INodeParameters, options?: Parameters<typeof pollTrigger>[2]) => ReturnType<typeof pollTrigger>;
	/** API requests the sandbox received (no logins), as "METHOD /path" without the /api prefix. */
	apiCalls: () => string[];
}

export async function startInvoicing(options: InvoicingApiSandboxOptions = {}): Promise<InvoicingFixture> {
	const sandbox = await startInvoicingApiSandbox(options);
	invoicingTokens.clear();
	const credentials: ICredentialDataDecryptedObject = {
		baseUrl: sandbox.baseUrl,
		authentication: 'clientCredentials',
		authUrl: sandbox.tokenUrl,
		clientId: sandbox.clientId,
		clientSecret: sandbox.clientSecret,
	};
	const target = (nodeType: NodeUnderTest['nodeType'], typeName: string, data = credentials): NodeUnderTest => ({
		nodeType,
		typeName,
		credentialTypes: [new InvoicingApiCredential()],
		credentials: { invoicingApi: data },
	});
	const node = target(new InvoicingApi(), 'invoicingApi');
	const trigger = target(new InvoicingApiTrigger(), 'invoicingApiTrigger');
	return {
		sandbox,
		node,
		trigger,
		credentials,
		run: async (parameters, runOptions) => await runNode(node, { ...quickRetries, ...parameters }, runOptions),
		runWith: async (data, parameters, runOptions) => await runNode(target(new InvoicingApi(), 'invoicingApi', data), { ...quickRetries, ...parameters }, runOptions),
		poll: async (parameters, pollOptions) => await pollTrigger(trigger, parameters, pollOptions),
		apiCalls: () => sandbox.requests.filter((r) => r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path.replace(/^\/api/, '')}`),
	};
}

/** A valid private-person SMS invoice of two rows adding up to 1250 SEK; `extra` overrides parameters. */
export function newInvoice(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'invoice',
		operation: 'create',
		invoiceNumber: 'INV-1001',
		customerType: '0',
		recipientFirstName: 'Astrid',
		recipientLastName: 'Lindgren',
		recipientPhoneNumber: '+46701234567',
		invoiceSendType: '0',
		invoicerCompanyName: 'Vimmerby Trading AB',
		invoicerBusinessId: '556677-8899',
		invoiceDate: '2026-12-01T00:00:00',
		dueDate: '2026-12-31T00:00:00',
		total: 1250,
		currency: 'SEK',
		invoiceType: '0',
		invoiceRows: {
			row: [
				{ productCode: 'CONS', description: 'Consulting', quantity: 8, unit: 'h', unitPrice: 100, discount: 0, vatPerc: 25, priceNoVat: 800, price: 1000 },
				{ productCode: 'TRAV', description: 'Travel', quantity: 1, unitPrice: 200, discount: 0, vatPerc: 25, priceNoVat: 0, price: 250 },
			],
		},
		...extra,
	};
}

/** The JSON body of the last create request the sandbox received (at the create path it serves). */
export function lastCreateBody(f: InvoicingFixture): IDataObject {
	const create = f.sandbox.requests.filter((r) => r.path === `/api${f.sandbox.createPath}`).at(-1);
	return (create?.body ?? {}) as IDataObject;
}
