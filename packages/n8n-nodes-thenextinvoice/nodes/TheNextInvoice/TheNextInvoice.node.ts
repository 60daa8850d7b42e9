import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '@n8n-nodes-eu-finance/shared/operations';
import { buildProperties } from '@n8n-nodes-eu-finance/shared/properties';
import { tniApiFor } from './api';
import { authenticationProperty, tniCredentials } from './fields';
import { getAttachments, getEmailAddresses, getEmailTemplates, getLedgerNumbers, getPaymentMethods, getSmsTemplates, getVatCodes, searchCompanies, searchCustomers, searchEmailTemplates, searchInvoices, searchProducts, searchProfiles, searchSmsTemplates } from './methods';
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
		credentials: tniCredentials,
		properties: [
			authenticationProperty,
			...buildProperties(resources, 'invoice', { pagedLists: true }),
		],
	};

	methods = {
		listSearch: { searchCompanies, searchCustomers, searchEmailTemplates, searchInvoices, searchProducts, searchProfiles, searchSmsTemplates },
		loadOptions: { getAttachments, getEmailAddresses, getEmailTemplates, getLedgerNumbers, getPaymentMethods, getSmsTemplates, getVatCodes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, tniApiFor, resources);
	}
}
