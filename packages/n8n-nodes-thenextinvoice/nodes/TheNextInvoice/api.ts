import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';
import { TokenManager } from '@n8n-nodes-eu-finance/shared/transport/tokenLogin';

export const TNI_TOKEN_CREDENTIAL = 'theNextInvoiceApi';
export const TNI_LOGIN_CREDENTIAL = 'theNextInvoiceLoginApi';
export const TNI_DEFAULT_BASE_URL = 'https://api.thenextinvoice.com/api/v1';

const baseUrlOf = (credentials: IDataObject) => String(credentials.baseUrl || TNI_DEFAULT_BASE_URL).replace(/\/+$/, '');

interface Envelope {
	success?: boolean;
	data?: unknown;
	error?: { code?: number | string; message?: string };
}

/** Every TheNextInvoice answer is `{ success, data, error }`; `error` only when success is false. */
function unwrap(body: unknown): { data: unknown } | { error: { message?: string; code?: string } } {
	const envelope = body as Envelope;
	if (!envelope || typeof envelope !== 'object' || typeof envelope.success !== 'boolean') return { data: body };
	if (envelope.success) return { data: envelope.data };
	return { error: { message: envelope.error?.message, code: envelope.error?.code === undefined ? undefined : String(envelope.error.code) } };
}

function parseError(body: unknown): { message?: string; code?: string } {
	const unwrapped = unwrap(body);
	if ('error' in unwrapped) return unwrapped.error;
	if (typeof body === 'string' && body.trim()) {
		return { message: `unexpected answer: "${body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120)}"` };
	}
	return {};
}

/**
 * E-mail and password login: POST /session/jwt. The JWT's lifetime is not documented and there is no
 * refresh endpoint, so the token is reused until the API answers 401, then we log in again once.
 */
export const tniTokens = new TokenManager({
	identity: (c) => [baseUrlOf(c), c.email, c.password, c.company],
	loginRequest: (c) => ({
		method: 'POST',
		url: '/session/jwt',
		body: { email: c.email, password: c.password, ...(c.company ? { company: Number(c.company) } : {}) },
	}),
	parseGrant: (body) => {
		const token = (body as IDataObject)?.token;
		if (typeof token !== 'string' || !token) throw new Error('TheNextInvoice: the login answer carried no token');
		return { accessToken: token };
	},
});

const common = { vendor: 'TheNextInvoice', baseUrl: baseUrlOf, parseError, unwrap };

export const tniTokenApi: VendorApi = { ...common, credentialType: TNI_TOKEN_CREDENTIAL, auth: { kind: 'static' }, secretFields: ['apiToken'] };

export const tniLoginApi: VendorApi = {
	...common,
	credentialType: TNI_LOGIN_CREDENTIAL,
	auth: { kind: 'tokenLogin', tokens: tniTokens, tokenField: 'accessToken' },
	secretFields: ['password', 'accessToken'],
};

/** The nodes' Authentication parameter picks the credential. */
export const tniApiByAuthentication = (authentication: unknown): VendorApi => (authentication === 'emailPassword' ? tniLoginApi : tniTokenApi);

export const tniApiFor = (context: Pick<IExecuteFunctions, 'getNodeParameter'>, itemIndex: number): VendorApi =>
	tniApiByAuthentication(context.getNodeParameter('authentication', itemIndex, 'apiToken'));
