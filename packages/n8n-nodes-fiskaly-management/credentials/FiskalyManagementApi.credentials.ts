import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { FISKALY_CREDENTIAL_TYPE, FISKALY_DEFAULT_BASE_URL, fiskalyApi } from '../nodes/FiskalyManagement/api';
import { preAuthenticateWithTokenCache } from '@n8n-nodes-eu-finance/shared/transport/preAuthentication';

export class FiskalyManagementApi implements ICredentialType {
	name = FISKALY_CREDENTIAL_TYPE;

	displayName = 'Fiskaly Management API';

	documentationUrl = 'https://workspace.fiskaly.com/api/management/v0';

	icon = { light: 'file:../nodes/FiskalyManagement/fiskaly.svg', dark: 'file:../nodes/FiskalyManagement/fiskaly.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Authenticate With',
			name: 'authMethod',
			type: 'options',
			options: [
				{ name: 'API Key', value: 'apiKey', description: 'A key and secret created in the fiskaly dashboard (documented)' },
				{ name: 'E-Mail and Password', value: 'emailPassword', description: 'A fiskaly user\'s login (see the field names below)' },
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { password: true },
			description: 'Key of a fiskaly API key, created in the fiskaly dashboard',
			displayOptions: { show: { authMethod: ['apiKey'] } },
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMethod: ['apiKey'] } },
		},
		{
			displayName: 'E-Mail',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'E-mail address of a fiskaly dashboard user',
			displayOptions: { show: { authMethod: ['emailPassword'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMethod: ['emailPassword'] } },
		},
		{
			displayName: 'E-Mail Field Name in the Login',
			name: 'loginFieldEmail',
			type: 'string',
			default: 'email',
			description:
				'fiskaly\'s reference names the e-mail and password login (changelog 0.5.0) but not its fields; "email" and "password" are what fiskaly\'s own SDKs carry. Change only if the login answers 400.',
			displayOptions: { show: { authMethod: ['emailPassword'] } },
		},
		{
			displayName: 'Password Field Name in the Login',
			name: 'loginFieldPw',
			type: 'string',
			default: 'password',
			description: 'See above. Change only if the login answers 400.',
			displayOptions: { show: { authMethod: ['emailPassword'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: FISKALY_DEFAULT_BASE_URL,
			description: 'Change only for a sandbox or a proxy',
		},
		{
			// Filled by preAuthentication; n8n refreshes it on a 401. Our nodes also renew it before it expires.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Logs in through the same token cache the nodes use, so n8n and our nodes share one token. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await preAuthenticateWithTokenCache(this.helpers, fiskalyApi, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/organizations',
			qs: { limit: 1 },
		},
	};
}
