import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { VendorError } from '@n8n-nodes-eu-finance/shared/transport/errors';
import type { VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';
import { TokenManager } from '@n8n-nodes-eu-finance/shared/transport/tokenLogin';

export const SEMANSYS_CREDENTIAL_TYPE = 'semansysApi';
/** The only token URL Semansys documents (its quickstart samples): the pre-production identity server. */
export const SEMANSYS_DEFAULT_TOKEN_URL = 'https://oidc-pre.semansys.com/connect/token';

/** The optional context headers every Semansys operation page lists, and the credential fields holding them. */
export const CONTEXT_HEADERS = [
	{ field: 'applicationName', header: 'ApplicationName', displayName: 'Application Name', description: 'Name of the application that integrates with the Semansys.Next APIs' },
	{ field: 'partnerName', header: 'PartnerName', displayName: 'Partner Name', description: 'Contract owner (organization) that embeds the APIs' },
	{ field: 'partnerBin', header: 'PartnerID', displayName: 'Partner ID (BIN)', description: 'Business Identification Number of the contract owner' },
	{ field: 'customerName', header: 'CustomerName', displayName: 'Customer Name', description: 'Customer organization, e.g. the accounting firm or intermediary' },
	{ field: 'customerBin', header: 'CustomerID', displayName: 'Customer ID (BIN)', description: 'Business Identification Number of the customer' },
	{ field: 'clientName', header: 'ClientName', displayName: 'Client Name', description: 'Client organization of the accounting firm or intermediary' },
	{ field: 'clientBin', header: 'ClientID', displayName: 'Client ID (BIN)', description: 'Business Identification Number of the client' },
] as const;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value));

export const semansysBaseUrl = (credentials: IDataObject) => text(credentials.baseUrl).replace(/\/+$/, '');
const tokenUrlOf = (credentials: IDataObject) => text(credentials.tokenUrl) || SEMANSYS_DEFAULT_TOKEN_URL;

/** `x-api-version` (required) and the context headers that are filled; empty ones are not sent. */
export function semansysHeaders(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	const headers: Record<string, string> = { 'x-api-version': text(credentials.apiVersion) };
	for (const { field, header } of CONTEXT_HEADERS) {
		const value = text(credentials[field]);
		if (value) headers[header] = value;
	}
	return headers;
}

const form = (fields: Record<string, unknown>): Pick<IHttpRequestOptions, 'body' | 'headers'> => ({
	// A ready string: n8n's request helper sends it unchanged with the form content type.
	body: new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, text(v)])).toString(),
	headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
});

/**
 * OAuth2 password grant at the identity server (IdentityServer's /connect/token); the refresh_token grant
 * renews it before it expires, with a new password grant when the refresh is refused.
 */
export const semansysTokens = new TokenManager({
	identity: (c) => [tokenUrlOf(c), c.clientId, c.clientSecret, c.username, c.password],
	loginRequest: (c) => ({
		method: 'POST',
		url: tokenUrlOf(c),
		...form({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password }),
	}),
	refreshRequest: (c, refreshToken) => ({
		method: 'POST',
		url: tokenUrlOf(c),
		...form({ grant_type: 'refresh_token', client_id: c.clientId, client_secret: c.clientSecret, refresh_token: refreshToken }),
	}),
	parseGrant: (body) => {
		const grant = (body ?? {}) as IDataObject;
		if (typeof grant.access_token !== 'string' || !grant.access_token) throw new Error('Semansys: the token answer carried no access_token');
		return {
			accessToken: grant.access_token,
			expiresInSeconds: typeof grant.expires_in === 'number' ? grant.expires_in : undefined,
			refreshToken: typeof grant.refresh_token === 'string' ? grant.refresh_token : undefined,
		};
	},
});

/** Errors come as OAuth2 errors (token server), ASP.NET problem details, or `{ errorMessage, errorCode }`. */
function parseError(body: unknown): VendorError {
	if (typeof body === 'string' && body.trim()) {
		return { message: `unexpected answer: "${body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120)}"` };
	}
	if (!body || typeof body !== 'object') return {};
	const error = body as IDataObject;
	const fieldErrors = error.errors && typeof error.errors === 'object' && !Array.isArray(error.errors)
		? Object.entries(error.errors as IDataObject).map(([field, messages]) => `${field}: ${[messages].flat().join(', ')}`)
		: [];
	const message = [error.error_description ?? error.title ?? error.errorMessage ?? error.message ?? error.error, ...fieldErrors]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.join('; ');
	const code = error.error ?? error.errorCode ?? error.code;
	return { message: message || undefined, code: code === undefined || code === null ? undefined : String(code) };
}

export const semansysApi: VendorApi = {
	vendor: 'Semansys',
	credentialType: SEMANSYS_CREDENTIAL_TYPE,
	baseUrl: semansysBaseUrl,
	auth: { kind: 'tokenLogin', tokens: semansysTokens, tokenField: 'accessToken' },
	parseError,
	secretFields: ['clientSecret', 'password', 'accessToken'],
};
