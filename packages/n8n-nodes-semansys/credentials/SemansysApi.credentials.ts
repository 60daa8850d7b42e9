import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { CONTEXT_HEADERS, SEMANSYS_CREDENTIAL_TYPE, SEMANSYS_DEFAULT_TOKEN_URL, semansysApi, semansysHeaders } from '../nodes/Semansys/api';
import { preAuthenticateWithTokenCache } from '@n8n-nodes-eu-finance/shared/transport/preAuthentication';

export class SemansysApi implements ICredentialType {
	name = SEMANSYS_CREDENTIAL_TYPE;

	displayName = 'Semansys API';

	documentationUrl = 'https://docs.semansys.com/getting-started/quickstart/authentication-and-authorization';

	icon = { light: 'file:../nodes/Semansys/semansys.svg', dark: 'file:../nodes/Semansys/semansys.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api-pre.semansys.com',
			description: 'Base URL of the Semansys.Next API. Semansys does not publish it in the documentation: ask the Semansys support desk.',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: SEMANSYS_DEFAULT_TOKEN_URL,
			description: 'OAuth2 token endpoint. The default is the pre-production server of the Semansys quickstart; the production URL is not documented.',
		},
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true, description: 'From the Semansys support desk' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The e-mail address used when requesting the API credentials',
		},
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '',
			required: true,
			placeholder: '2',
			description:
				'Value of the required x-api-version header. Semansys does not document the value (its samples show a placeholder); ask Semansys or read it from their Swagger UI.',
		},
		...CONTEXT_HEADERS.map(
			({ field, header, displayName, description }): INodeProperties => ({
				displayName,
				name: field,
				type: 'string',
				default: '',
				description: `${description}. Sent as the ${header} header on every call when filled.`,
			}),
		),
		{
			// Filled by preAuthentication; our nodes also renew it before it expires.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Logs in through the same token cache the node uses, so n8n and the node share one token. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await preAuthenticateWithTokenCache(this.helpers, semansysApi, credentials);
	}

	/**
	 * Bearer token, x-api-version and only the context headers that are filled (a generic block would send empty ones).
	 * An operation's own *API Version* (an x-api-version header already on the request) wins over the credential's.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const own = requestOptions.headers?.['x-api-version'];
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				...semansysHeaders(credentials),
				...(own ? { 'x-api-version': own } : {}),
				Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
			},
		};
	}

	// A documented read: the token, the base URL and the API version must all be right. Semansys marks it "admin only".
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}', url: '/customer-corner/users' },
	};
}
