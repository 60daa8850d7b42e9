import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { makeLoginSender, type VendorApi } from './request';

/**
 * A credential's preAuthentication for a token-login vendor: logs in through the same token cache the nodes use,
 * so n8n (HTTP Request node, credential test) and our nodes share one token. A token n8n reports as expired is
 * never handed out again.
 */
export async function preAuthenticateWithTokenCache(
	helpers: IHttpRequestHelper['helpers'],
	api: VendorApi,
	credentials: ICredentialDataDecryptedObject,
): Promise<Record<string, string>> {
	if (api.auth.kind !== 'tokenLogin') throw new Error(`${api.vendor} does not use a token login`);
	const { tokenField } = api.auth;
	const send = makeLoginSender(helpers, undefined, api, credentials);
	const current = credentials[tokenField];
	const token = await api.auth.tokens.getToken(send, credentials, typeof current === 'string' && current ? current : undefined);
	return { [tokenField]: token.accessToken };
}
