import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '@n8n-nodes-eu-finance/shared/operations';
import { buildProperties } from '@n8n-nodes-eu-finance/shared/properties';
import { FISKALY_CREDENTIAL_TYPE, fiskalyApi } from './api';
import { searchApiKeys, searchOrganizations } from './methods/listSearch';
import { apiKeyResource } from './resources/apiKey';
import { billingAddressResource } from './resources/billingAddress';
import { customApiCallResource } from './resources/customApiCall';
import { organizationResource } from './resources/organization';
import { tokenResource } from './resources/token';
import { userResource } from './resources/user';

const resources = [apiKeyResource, billingAddressResource, organizationResource, tokenResource, userResource, customApiCallResource];

export class FiskalyManagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'fiskaly Management',
		name: 'fiskalyManagement',
		icon: { light: 'file:fiskaly.svg', dark: 'file:fiskaly.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage fiskaly organizations, API keys, users and billing addresses (Management API v0)',
		defaults: { name: 'fiskaly Management' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: FISKALY_CREDENTIAL_TYPE, required: true }],
		properties: buildProperties(resources, undefined, { pagedLists: true }),
	};

	methods = { listSearch: { searchOrganizations, searchApiKeys } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, fiskalyApi, resources);
	}
}
