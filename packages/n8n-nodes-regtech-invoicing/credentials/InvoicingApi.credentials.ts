import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { INVOICING_CREDENTIAL_TYPE, invoicingLoginApi, pastedToken } from '../nodes/InvoicingApi/api';
import { preAuthenticateWithTokenCache } from '@n8n-nodes-eu-finance/shared/transport/preAuthentication';

/** The made-up invoice id of the credential test: the API answers 400 (unknown invoice) for it when the token is accepted. */
export const CREDENTIAL_TEST_INVOICE_ID = 'n8n-credential-test-0f3c9a';

export class InvoicingApi implements ICredentialType {
	name = INVOICING_CREDENTIAL_TYPE;

	displayName = 'Invoicing API';

	documentationUrl = 'https://apidoc.invoicing.regtech.fi/';

	icon = { light: 'file:../nodes/InvoicingApi/invoicingApi.svg', dark: 'file:../nodes/InvoicingApi/invoicingApi.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.com/v1',
			description: 'The API address your invoicing provider gave you. Their documentation leaves it blank, so it must be entered here.',
		},
		{
			displayName: 'Create Path',
			name: 'createPath',
			type: 'options',
			options: [
				{ name: 'POST /invoice/create', value: '/invoice/create', description: 'The edition of the documentation this package was built from (createInvoice)' },
				{ name: 'POST /invoice', value: '/invoice', description: 'The other edition of the documentation (postInvoice), same request body' },
			],
			default: '/invoice/create',
			description:
				'Where Create sends a new invoice. The documentation exists in two editions that differ only here; which one your provider serves is not known. If Create answers 404, choose the other one. Send and Get Status are the same in both.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'OAuth2 Client Credentials', value: 'clientCredentials', description: 'Log in with a client ID and secret; tokens are renewed automatically' },
				{ name: 'Access Token', value: 'accessToken', description: 'Paste an access token (it stops working when it expires, after 3600 seconds by default)' },
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Token URL',
			name: 'authUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://auth.example.com/oauth/token',
			description: 'Absolute URL of the token endpoint. The documentation does not name it (its "Auth Urls" section is empty); ask your provider.',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			description: 'Optional; sent as the scope of the token request when set',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			// Filled by preAuthentication; renewed by n8n after a 401 and by our nodes before it expires.
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Logs in through the same token cache the nodes use; a pasted token needs no login. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const pasted = pastedToken(credentials);
		if (pasted !== undefined) return { sessionToken: pasted };
		return await preAuthenticateWithTokenCache(this.helpers, invoicingLoginApi, credentials);
	}

	/** A function rather than a template: a pasted token is used as it is now, never a stored copy of an older one. */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const token = pastedToken(credentials) ?? String(credentials.sessionToken ?? '');
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${token}` } };
	}

	/**
	 * The API has no "who am I" endpoint. A client-credentials login happens in preAuthentication (a wrong secret
	 * fails there); then the status of a made-up invoice is asked for. The documented error answer for an unknown
	 * invoice (400, NestJS JSON) proves the token is accepted; 401/403 mean it is not; 404 or a body without
	 * `statusCode` means the Base URL does not lead to the Invoicing API.
	 * It does not check the Create Path: no documented request tells whether a create path exists without creating an
	 * invoice (only a POST would, and a POST there may create one). A create that answers 404 names the other path.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: `/invoice/${CREDENTIAL_TEST_INVOICE_ID}/status`,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'statusCode', value: 401, message: 'The Invoicing API refused the access token' } },
			{ type: 'responseSuccessBody', properties: { key: 'statusCode', value: 403, message: 'The Invoicing API refused access with this token' } },
			{ type: 'responseSuccessBody', properties: { key: 'statusCode', value: 404, message: 'No Invoicing API endpoint at this Base URL (404): check the Base URL' } },
			{ type: 'responseSuccessBody', properties: { key: 'statusCode', value: undefined, message: 'The Base URL did not answer like the Invoicing API: check the Base URL' } },
		],
	};
}
