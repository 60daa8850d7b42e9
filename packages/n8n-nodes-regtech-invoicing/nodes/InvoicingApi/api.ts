import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';
import { TokenManager } from '@n8n-nodes-eu-finance/shared/transport/tokenLogin';

export const INVOICING_CREDENTIAL_TYPE = 'invoicingApi';

/** The docs say so; used when a token answer carries no expires_in. */
export const DOCUMENTED_TOKEN_LIFETIME_SECONDS = 3600;

const baseUrlOf = (credentials: IDataObject) => String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');

/** The pasted access token, or undefined when the credential logs in with client credentials. */
export const pastedToken = (credentials: ICredentialDataDecryptedObject): string | undefined =>
	credentials.authentication === 'accessToken' ? String(credentials.accessToken ?? '') : undefined;

/**
 * OAuth2 client credentials against the credential's Token URL (the docs name no token endpoint, so the grant
 * type and field names are the standard ones, a guess). No refresh tokens: the cache logs in again before expiry.
 */
export const invoicingTokens = new TokenManager({
	identity: (c) => [c.authUrl, c.clientId, c.clientSecret, c.scope],
	loginRequest: (c) => ({
		method: 'POST',
		url: String(c.authUrl ?? '').trim(),
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: {
			grant_type: 'client_credentials',
			client_id: c.clientId,
			client_secret: c.clientSecret,
			...(c.scope ? { scope: c.scope } : {}),
		},
	}),
	parseGrant: (body) => {
		const grant = (body ?? {}) as IDataObject;
		if (typeof grant.access_token !== 'string' || !grant.access_token) {
			throw new Error('Invoicing API: the token endpoint answered without an access_token');
		}
		const expiresIn = Number(grant.expires_in);
		return { accessToken: grant.access_token, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DOCUMENTED_TOKEN_LIFETIME_SECONDS };
	},
});

/** Readable names for the API's field paths, so a 422 names the fields the user filled in. */
const FIELD_LABELS: Array<[RegExp, string]> = [
	[/^recipientDetails\./, 'Recipient › '],
	[/^invoicerDetails\./, 'Invoicer › '],
	[/^invoiceDetails\.invoiceRows\.(\d+)\./, 'Invoice Rows › row '],
	[/^invoiceDetails\./, 'Invoice › '],
	[/^smsDetails\./, 'SMS › '],
];

/** "invoiceDetails.invoiceRows.0.price must be a number" → "Invoice Rows › row 1 › price: must be a number". */
export function labelValidationMessage(message: string): string {
	const match = /^(\S+)\s+(.*)$/.exec(message);
	if (!match) return message;
	const [, path, problem] = match;
	for (const [pattern, label] of FIELD_LABELS) {
		const found = pattern.exec(path);
		if (!found) continue;
		const field = path.slice(found[0].length);
		const prefix = found[1] !== undefined ? `${label}${Number(found[1]) + 1} › ` : label;
		return `${prefix}${field}: ${problem}`;
	}
	return message;
}

/** NestJS errors: `{ statusCode, message: string | string[], error }`; OAuth2 errors: `{ error, error_description }`. */
function parseError(body: unknown): { message?: string; code?: string } {
	if (body && typeof body === 'object') {
		const error = body as IDataObject;
		if (Array.isArray(error.message)) {
			const messages = (error.message as unknown[]).map((m) => labelValidationMessage(String(m)));
			return { message: `${messages.length} field(s) refused: ${messages.join('; ')}`, code: error.error as string | undefined };
		}
		if (typeof error.error_description === 'string') return { message: error.error_description, code: error.error as string | undefined };
		const message = (error.message ?? error.error) as string | undefined;
		const code = typeof error.error === 'string' && error.error !== message ? error.error : undefined;
		return { message, code };
	}
	if (typeof body === 'string' && body.trim()) {
		return { message: `unexpected answer: "${body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120)}"` };
	}
	return {};
}

const common = {
	vendor: 'Invoicing API',
	credentialType: INVOICING_CREDENTIAL_TYPE,
	baseUrl: baseUrlOf,
	parseError,
	secretFields: ['clientSecret', 'accessToken', 'sessionToken'],
};

/** OAuth2 client credentials: the shared token cache logs in and renews the token before it expires. */
export const invoicingLoginApi: VendorApi = { ...common, auth: { kind: 'tokenLogin', tokens: invoicingTokens, tokenField: 'sessionToken' } };

/** A pasted access token: sent as it is (the credential's authenticate picks it). */
export const invoicingStaticApi: VendorApi = { ...common, auth: { kind: 'static' } };

export const invoicingApiFor = (credentials: ICredentialDataDecryptedObject): VendorApi =>
	pastedToken(credentials) === undefined ? invoicingLoginApi : invoicingStaticApi;
