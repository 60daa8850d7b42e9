import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { TNI_DEFAULT_BASE_URL, TNI_LOGIN_CREDENTIAL, tniLoginApi } from '../nodes/TheNextInvoice/api';
import { preAuthenticateWithTokenCache } from '@n8n-nodes-eu-finance/shared/transport/preAuthentication';

export class TheNextInvoiceLoginApi implements ICredentialType {
	name = TNI_LOGIN_CREDENTIAL;

	displayName = 'TheNextInvoice Email & Password API';

	documentationUrl = 'https://docs.thenextinvoice.com/';

	icon = { light: 'file:../nodes/TheNextInvoice/thenextinvoice.svg', dark: 'file:../nodes/TheNextInvoice/thenextinvoice.dark.svg' } as const;

	properties: INodeProperties[] = [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Company ID',
			name: 'company',
			type: 'number',
			default: 0,
			description: 'Company to log in to; 0 uses the account\'s default company',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: TNI_DEFAULT_BASE_URL, description: 'Change only for a sandbox or a proxy' },
		{
			// Filled by preAuthentication (POST /session/jwt); renewed after a 401 since the lifetime is undocumented.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Logs in through the same token cache the node uses. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await preAuthenticateWithTokenCache(this.helpers, tniLoginApi, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}', url: '/company' },
	};
}
