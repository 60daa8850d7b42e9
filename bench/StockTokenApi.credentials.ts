import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

export const STOCK_CREDENTIAL_TYPE = 'benchStockFiskalyApi';

/**
 * What a finance team would build without our package: n8n's stock token mechanism. preAuthentication logs in
 * (POST /auth with the API key and secret); the token sits in an expirable hidden field, so n8n logs in again only
 * after a request was refused with 401 (n8n-core's httpRequestWithAuthentication / requestWithAuthentication).
 */
export class StockTokenApi implements ICredentialType {
	name = STOCK_CREDENTIAL_TYPE;

	displayName = 'Benchmark: fiskaly with stock preAuthentication';

	properties: INodeProperties[] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', default: '' },
		{ displayName: 'API Secret', name: 'apiSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${String(credentials.baseUrl)}/auth`,
			body: { api_key: credentials.apiKey, api_secret: credentials.apiSecret },
			json: true,
		})) as IDataObject;
		return { accessToken: String(answer.access_token) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};
}
