/**
 * A small made-up vendor for testing the shared transport on its own: an OAuth2-style token login with
 * a form body and no refresh token, a static API-token credential, page-number and offset pagination.
 * Its node is built from descriptors exactly like the real vendors' nodes.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, IExecuteFunctions, IHttpRequestHelper, INodeType } from 'n8n-workflow';
import { z } from 'zod';

import { executeOperations, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { buildProperties } from '@n8n-nodes-eu-finance/shared/properties';
import { makeLoginSender, type VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';
import { TokenManager } from '@n8n-nodes-eu-finance/shared/transport/tokenLogin';
import { json, SandboxHttpError, startSandbox, TokenStore, type RunningSandbox } from '../sandbox/framework';

export const demoTokens = new TokenManager({
	identity: (c) => [c.baseUrl, c.clientId, c.clientSecret],
	loginRequest: (c) => ({
		method: 'POST',
		url: '/oauth/token',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret },
	}),
	parseGrant: (body) => {
		const grant = body as IDataObject;
		return { accessToken: String(grant.access_token), expiresAtSeconds: grant.expires_at as number };
	},
});

const common = { vendor: 'Demo', parseError: (body: unknown) => ({ message: ((body as IDataObject)?.message ?? (body as IDataObject)?.error) as string }), requestIdHeader: 'x-trace-id' };
export const demoTokenApi: VendorApi = {
	...common,
	credentialType: 'demoTokenApi',
	baseUrl: (c) => String(c.baseUrl),
	auth: { kind: 'tokenLogin', tokens: demoTokens, tokenField: 'accessToken' },
	secretFields: ['clientSecret'],
};
export const demoStaticApi: VendorApi = {
	...common,
	credentialType: 'demoStaticApi',
	baseUrl: (c) => String(c.baseUrl),
	auth: { kind: 'static' },
	secretFields: ['apiToken'],
	// Some demo answers come in an envelope { success, data, error } (like TheNextInvoice's).
	unwrap: (body) => {
		const envelope = body as { success?: boolean; data?: unknown; error?: { message?: string; code?: number } };
		if (typeof envelope?.success !== 'boolean') return { data: body };
		return envelope.success ? { data: envelope.data } : { error: { message: envelope.error?.message, code: String(envelope.error?.code) } };
	},
};

export const demoCredentialTypes: ICredentialType[] = [
	{
		name: 'demoTokenApi',
		displayName: 'Demo Token API',
		properties: [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
			{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true }, default: '' },
		],
		async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
			const token = await demoTokens.getToken(makeLoginSender(this.helpers, undefined, demoTokenApi, credentials), credentials);
			return { accessToken: token.accessToken };
		},
		authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } } },
	},
	{
		name: 'demoStaticApi',
		displayName: 'Demo Static API',
		properties: [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'API Token', name: 'apiToken', type: 'string', typeOptions: { password: true }, default: '' },
		],
		authenticate: { type: 'generic', properties: { headers: { 'X-Api-Token': '={{$credentials.apiToken}}' } } },
	},
];

const resources: ResourceDescriptor[] = [
	{
		value: 'invoice',
		name: 'Invoice',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many invoices',
				description: 'Page-number pagination, first page 1, total pages in the answer',
				properties: [],
				schema: z.object({}),
				list: () => ({
					request: { method: 'GET', path: '/invoices' },
					pagination: { style: 'page', pageSize: 25, firstPage: 1, pageParam: 'page', pageSizeParam: 'per_page', itemsField: 'invoices', totalPagesField: 'total_pages' },
				}),
			},
			{
				value: 'search',
				name: 'Search',
				action: 'Search invoices',
				description: 'Page-number pagination starting at page 0 with a total as a string',
				properties: [],
				schema: z.object({}),
				list: () => ({
					request: { method: 'GET', path: '/invoices/search' },
					pagination: { style: 'page', pageSize: 20, firstPage: 0, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'results', totalField: 'total' },
				}),
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create an invoice',
				description: 'Carries a per-item idempotency token and an attachment from a binary property',
				properties: [{ displayName: 'Attachment Property', name: 'attachment', type: 'string', default: '' }],
				schema: z.object({ attachment: z.string() }),
				request: async ({ attachment }, tools) => {
					const file = attachment ? await tools.binary(attachment) : undefined;
					return {
						method: 'POST',
						path: '/invoices',
						body: { creationToken: tools.uuid(), ...(file ? { attachment: { name: file.fileName, content: file.data.toString('base64') } } : {}) },
						idempotent: true,
					};
				},
			},
			{
				value: 'book',
				name: 'Book',
				action: 'Book an invoice',
				description: 'Bulk endpoint with comma-separated ids and an envelope answer',
				properties: [{ displayName: 'Invoice ID', name: 'id', type: 'string', default: '' }],
				schema: z.object({ id: z.string().regex(/^\d+$/, 'must be a number') }),
				request: ({ id }) => ({ method: 'POST', path: `/invoices/${id}/book` }),
				batch: {
					id: ({ id }) => id,
					maxIds: 3,
					request: (ids) => ({ method: 'POST', path: `/invoices/${ids.join(',')}/book` }),
					resultFor: (_body, id) => ({ id, booked: true }),
				},
			},
			{
				value: 'pdf',
				name: 'Download PDF',
				action: 'Download an invoice PDF',
				description: 'Binary answer',
				properties: [
					{ displayName: 'Invoice ID', name: 'id', type: 'string', default: '' },
					{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data' },
				],
				schema: z.object({ id: z.string(), binaryPropertyName: z.string() }),
				request: ({ id }) => ({ method: 'GET', path: `/invoices/${id}/pdf` }),
				download: { fileName: ({ id }) => `invoice-${id}.pdf` },
			},
		],
	},
];

function demoNode(api: VendorApi): INodeType {
	return {
		description: {
			displayName: 'Demo',
			name: 'demo',
			group: ['transform'],
			version: 1,
			description: 'Demo vendor',
			defaults: { name: 'Demo' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: api.credentialType, required: true }],
			properties: buildProperties(resources),
		} as INodeType['description'],
		async execute(this: IExecuteFunctions) {
			return await executeOperations(this, api, resources);
		},
	};
}

export const demoTokenNode = demoNode(demoTokenApi);
export const demoStaticNode = demoNode(demoStaticApi);

export interface DemoSandbox extends RunningSandbox {
	stats: { logins: number; unauthorized: number; creates: Array<Record<string, unknown>> };
}

/** 60 invoices; tokens live `tokenSeconds`; the static token is "static-token-123". */
export async function startDemoSandbox(tokenSeconds: number): Promise<DemoSandbox> {
	const tokens = new TokenStore();
	const invoices = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, number: `INV-${String(i + 1).padStart(3, '0')}` }));
	const stats = { logins: 0, unauthorized: 0, creates: [] as Array<Record<string, unknown>> };
	const sandbox = await startSandbox({
		name: 'demo',
		routes: [
			{
				method: 'POST',
				path: '/oauth/token',
				handler: (req) => {
					const body = req.body as Record<string, string>;
					if (req.headers['content-type'] !== 'application/x-www-form-urlencoded' || body.grant_type !== 'client_credentials') return json(400, { error: 'form body expected' });
					if (body.client_id !== 'demo-client' || body.client_secret !== 'demo-secret-xyz') return json(401, { error: 'invalid client' });
					stats.logins++;
					const issued = tokens.issue({ client: body.client_id }, tokenSeconds);
					return json(200, { access_token: issued.token, token_type: 'Bearer', expires_at: issued.expiresAt });
				},
			},
			{
				method: 'GET',
				path: '/invoices',
				handler: (req) => {
					const page = Number(req.query.page);
					const perPage = Number(req.query.per_page);
					return json(200, { invoices: invoices.slice((page - 1) * perPage, page * perPage), total_pages: Math.ceil(invoices.length / perPage) });
				},
			},
			{ method: 'POST', path: '/invoices', handler: () => json(200, { id: 1 }) },
			{
				method: 'POST',
				path: '/invoices/:ids/book',
				handler: (req) => {
					const ids = req.params.ids.split(',');
					const unknown = ids.find((id) => Number(id) > invoices.length);
					// The envelope reports the failure with HTTP 200, as TheNextInvoice does.
					if (unknown) return json(200, { success: false, error: { code: 404, message: `Invoice ${unknown} not found` } });
					return json(200, { success: true, data: { booked: ids.map(Number) } });
				},
			},
			{
				method: 'GET',
				path: '/invoices/:id/pdf',
				handler: (req) => ({ status: 200, body: Buffer.from(`%PDF-1.4 invoice ${req.params.id}`), headers: { 'Content-Type': 'application/pdf' } }),
			},
			{
				method: 'GET',
				path: '/invoices/search',
				handler: (req) => {
					const page = Number(req.query.page);
					const limit = Number(req.query.limit);
					return json(200, { results: invoices.slice(page * limit, (page + 1) * limit), total: String(invoices.length) });
				},
			},
		],
		onRequest: (req) => {
			if (req.path === '/invoices' && req.method === 'POST') stats.creates.push(req.body as Record<string, unknown>);
			if (req.path === '/oauth/token') return undefined;
			const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
			if (req.headers['x-api-token'] === 'static-token-123' || (bearer && tokens.validate(bearer))) return undefined;
			stats.unauthorized++;
			throw new SandboxHttpError(401, 'unauthorized', 'token missing or expired');
		},
		decorateResponse: (res) => {
			res.headers = { ...res.headers, 'X-Trace-Id': 'trace-1' };
		},
	});
	return Object.assign(sandbox, { stats });
}
