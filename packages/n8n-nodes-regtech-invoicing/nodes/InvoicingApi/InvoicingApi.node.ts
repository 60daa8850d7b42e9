import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { executeOperations } from '@n8n-nodes-eu-finance/shared/operations';
import { buildProperties } from '@n8n-nodes-eu-finance/shared/properties';
import { INVOICING_CREDENTIAL_TYPE, invoicingApiFor } from './api';
import { CREATE_PATHS, createPathOf } from './createPath';
import { customApiCallResource } from './resources/customApiCall';
import { invoiceResource, invoiceResourceFor } from './resources/invoice';

const resources = [invoiceResource, customApiCallResource];

export class InvoicingApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Invoicing API',
		name: 'invoicingApi',
		icon: { light: 'file:invoicingApi.svg', dark: 'file:invoicingApi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and send invoices by SMS, email, e-invoice or post and follow their status (Invoicing API v1)',
		defaults: { name: 'Invoicing API' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: INVOICING_CREDENTIAL_TYPE, required: true }],
		properties: buildProperties(resources),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The credential's authentication method decides between the token login and a pasted token.
		const credentials = await this.getCredentials(INVOICING_CREDENTIAL_TYPE);
		const api = invoicingApiFor(credentials);
		// The credential's Create Path decides which edition of the docs Create follows.
		const createPath = createPathOf(credentials);
		if (!createPath) throw new NodeOperationError(this.getNode(), `The credential's Create Path must be ${CREATE_PATHS.join(' or ')}`);
		const run = resources.map((resource) => (resource === invoiceResource ? invoiceResourceFor(createPath) : resource));
		return await executeOperations(this, api, run);
	}
}
