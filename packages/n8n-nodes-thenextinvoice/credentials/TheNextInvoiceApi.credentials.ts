import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { TNI_DEFAULT_BASE_URL, TNI_TOKEN_CREDENTIAL } from '../nodes/TheNextInvoice/api';

export class TheNextInvoiceApi implements ICredentialType {
	name = TNI_TOKEN_CREDENTIAL;

	displayName = 'TheNextInvoice API Token API';

	documentationUrl = 'https://docs.thenextinvoice.com/';

	icon = { light: 'file:../nodes/TheNextInvoice/thenextinvoice.svg', dark: 'file:../nodes/TheNextInvoice/thenextinvoice.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'API token created in the TheNextInvoice web app, sent as the X-Api-Token header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: TNI_DEFAULT_BASE_URL,
			description: 'Change only for a sandbox or a proxy',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Api-Token': '={{$credentials.apiToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}', url: '/company' },
		rules: [{ type: 'responseSuccessBody', properties: { key: 'success', value: false, message: 'TheNextInvoice refused the API token' } }],
	};
}
