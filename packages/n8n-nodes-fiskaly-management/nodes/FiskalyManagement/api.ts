import type { IDataObject } from 'n8n-workflow';

import type { VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';
import { TokenManager } from '@n8n-nodes-eu-finance/shared/transport/tokenLogin';

export const FISKALY_CREDENTIAL_TYPE = 'fiskalyManagementApi';
export const FISKALY_DEFAULT_BASE_URL = 'https://dashboard.fiskaly.com/api/v0';

const baseUrlOf = (credentials: IDataObject) =>
	String(credentials.baseUrl || FISKALY_DEFAULT_BASE_URL).replace(/\/+$/, '');

const usesEmailPassword = (credentials: IDataObject) => credentials.authMethod === 'emailPassword';

/**
 * fiskaly's token login: POST /auth with api_key + api_secret, or a user's e-mail and password (changelog 0.5.0;
 * the field names are fiskaly's SDKs' context names, configurable in the credential), or with a refresh_token
 * (the refresh grant fiskaly documents for all its APIs).
 */
export const fiskalyTokens = new TokenManager({
	identity: (credentials) =>
		usesEmailPassword(credentials)
			? [baseUrlOf(credentials), 'emailPassword', credentials.email, credentials.password, credentials.loginFieldEmail, credentials.loginFieldPw]
			: [baseUrlOf(credentials), credentials.apiKey, credentials.apiSecret],
	loginRequest: (credentials) => ({
		method: 'POST',
		url: '/auth',
		body: usesEmailPassword(credentials)
			? { [String(credentials.loginFieldEmail || 'email')]: credentials.email, [String(credentials.loginFieldPw || 'password')]: credentials.password }
			: { api_key: credentials.apiKey, api_secret: credentials.apiSecret },
	}),
	refreshRequest: (_credentials, refreshToken) => ({
		method: 'POST',
		url: '/auth',
		body: { refresh_token: refreshToken },
	}),
	parseGrant: (body) => {
		const grant = (body ?? {}) as IDataObject;
		if (typeof grant.access_token !== 'string' || !grant.access_token) {
			throw new Error('fiskaly: the /auth answer carried no access token');
		}
		return {
			accessToken: grant.access_token,
			expiresInSeconds: grant.access_token_expires_in as number | undefined,
			expiresAtSeconds: grant.access_token_expires_at as number | undefined,
			refreshToken: grant.refresh_token as string | undefined,
			refreshExpiresInSeconds: grant.refresh_token_expires_in as number | undefined,
			refreshExpiresAtSeconds: grant.refresh_token_expires_at as number | undefined,
			claims: grant.access_token_claims as IDataObject | undefined,
		};
	},
});

export const fiskalyApi: VendorApi = {
	vendor: 'fiskaly',
	credentialType: FISKALY_CREDENTIAL_TYPE,
	baseUrl: baseUrlOf,
	auth: { kind: 'tokenLogin', tokens: fiskalyTokens, tokenField: 'accessToken' },
	// fiskaly errors: { status_code, error, code, message }
	parseError: (body) => {
		if (body && typeof body === 'object') {
			const error = body as IDataObject;
			return {
				message: (error.message ?? error.error) as string | undefined,
				code: error.code as string | undefined,
			};
		}
		if (typeof body === 'string' && body.trim()) {
			return { message: `unexpected answer: "${body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120)}"` };
		}
		return {};
	},
	requestIdHeader: 'x-request-id',
	secretFields: ['apiSecret', 'accessToken'],
};
