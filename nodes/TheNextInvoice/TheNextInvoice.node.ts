import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, executeOperations } from '../shared/operations';
import { TNI_LOGIN_CREDENTIAL, TNI_TOKEN_CREDENTIAL, tniApiFor } from './api';
import { getLedgerNumbers, getPaymentMethods, getVatCodes, searchCustomers, searchInvoices, searchProfiles } from './methods';
import { resources } from './resources';

export class TheNextInvoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TheNextInvoice',
		name: 'theNextInvoice',
		icon: { light: 'file:thenextinvoice.svg', dark: 'file:thenextinvoice.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Invoices, customers, products and settings in TheNextInvoice (API v1)',
		defaults: { name: 'TheNextInvoice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: TNI_TOKEN_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
			{ name: TNI_LOGIN_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['emailPassword'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Token', value: 'apiToken' },
					{ name: 'Email & Password', value: 'emailPassword' },
				],
				default: 'apiToken',
			},
			...buildProperties(resources),
		],
	};

	methods = { listSearch: { searchCustomers, searchInvoices, searchProfiles }, loadOptions: { getVatCodes, getLedgerNumbers, getPaymentMethods } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, tniApiFor, resources);
	}
}
