/** The nodes under comparison, wired to a sandbox: ours, and n8n's HTTP Request node with the stock credential. */
import type { NodeUnderTest } from '../test/helpers/n8n';
import type { FiskalySandbox } from '../test/sandbox/fiskaly';
import type { TheNextInvoiceSandbox } from '../test/sandbox/thenextinvoice';
import { httpRequestNode } from './n8n';
import { FiskalyManagement, FiskalyManagementApi, fiskalyTokens, TheNextInvoice, TheNextInvoiceApi } from './ours';
import { STOCK_CREDENTIAL_TYPE, StockTokenApi } from './StockTokenApi.credentials';

export function ourFiskalyNode(sandbox: FiskalySandbox): NodeUnderTest {
	fiskalyTokens.clear();
	return {
		nodeType: new FiskalyManagement(),
		typeName: 'fiskalyManagement',
		credentialTypes: [new FiskalyManagementApi()],
		credentials: { fiskalyManagementApi: { apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.baseUrl } },
	};
}

/** The HTTP Request node with a credential whose token n8n renews through preAuthentication after a 401. */
export const stockFiskalyHttpNode = (sandbox: FiskalySandbox): NodeUnderTest =>
	httpRequestNode([new StockTokenApi()], {
		[STOCK_CREDENTIAL_TYPE]: { apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.baseUrl, accessToken: '' },
	});

/** Authentication parameters of the HTTP Request node for the stock fiskaly credential. */
export const stockFiskalyAuth = { authentication: 'predefinedCredentialType', nodeCredentialType: STOCK_CREDENTIAL_TYPE };

const tniCredentials = (sandbox: TheNextInvoiceSandbox) => ({ theNextInvoiceApi: { apiToken: sandbox.apiToken, baseUrl: sandbox.baseUrl } });

export const ourTniNode = (sandbox: TheNextInvoiceSandbox): NodeUnderTest => ({
	nodeType: new TheNextInvoice(),
	typeName: 'theNextInvoice',
	credentialTypes: [new TheNextInvoiceApi()],
	credentials: tniCredentials(sandbox),
});

/** The HTTP Request node with the API-token credential (a header; nothing to renew). */
export const tniHttpNode = (sandbox: TheNextInvoiceSandbox): NodeUnderTest => httpRequestNode([new TheNextInvoiceApi()], tniCredentials(sandbox));
export const tniHttpAuth = { authentication: 'predefinedCredentialType', nodeCredentialType: 'theNextInvoiceApi' };

/** Requests the sandbox received since `from` whose "METHOD path" matches. */
export function countRequests(sandbox: { requests: Array<{ method: string; path: string }> }, pattern: RegExp, from = 0): number {
	return sandbox.requests.slice(from).filter((r) => pattern.test(`${r.method} ${r.path}`)).length;
}
