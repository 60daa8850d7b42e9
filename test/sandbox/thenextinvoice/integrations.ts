/** /settings/integrations: bookkeeping, payment and POS connectors; OAuth2 ones answer with a redirect. */
import { isPlainObject, randomToken, type SandboxRequest, type SandboxRoute } from '../framework';
import { BASE_PATH, badRequest, companyOf, countCreate, fail, jsonBody, notFound, ok, type StoredIntegration, type TheNextInvoiceContext } from './context';

type IntegrationClass = 'bookkeeping' | 'payment' | 'source' | 'crm';

/** Every documented type, its class, and the provider's OAuth2 authorize URL for OAuth2 connectors. */
export const INTEGRATION_TYPES: Record<string, { class: IntegrationClass; oauth?: string }> = {
	twinfield: { class: 'bookkeeping', oauth: 'https://login.twinfield.com/auth/authentication/connect/authorize' },
	exact: { class: 'bookkeeping', oauth: 'https://start.exactonline.nl/api/oauth2/auth' },
	xero: { class: 'bookkeeping', oauth: 'https://login.xero.com/identity/connect/authorize' },
	yuki: { class: 'bookkeeping' },
	visma: { class: 'bookkeeping', oauth: 'https://identity.vismaonline.com/connect/authorize' },
	mollie: { class: 'payment', oauth: 'https://my.mollie.com/oauth2/authorize' },
	multisafepay: { class: 'payment' },
	lightspeed: { class: 'source', oauth: 'https://cloud.lightspeedapp.com/oauth/authorize.php' },
	lsretail: { class: 'source', oauth: 'https://cloud.lightspeedapp.com/oauth/authorize.php' },
	lskseries: { class: 'source', oauth: 'https://api.lsk.lightspeed.app/oauth/authorize' },
	untill: { class: 'source' },
	thenextinvoice: { class: 'crm' },
};
const CLASSES: IntegrationClass[] = ['bookkeeping', 'payment', 'source', 'crm'];

export function integrationRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { integrations } = ctx.state;
	const PATH = `${BASE_PATH}/settings/integrations`;
	/** OAuth state -> integration key, for the callback. */
	const oauthStates = new Map<string, string>();

	const key = (companyId: number, type: string) => `${companyId}:${type}`;

	function requireType(req: SandboxRequest): string {
		const type = req.params.type;
		if (!Object.prototype.hasOwnProperty.call(INTEGRATION_TYPES, type)) throw notFound(`Unknown integration type '${type}'`);
		return type;
	}

	function publicIntegration(type: string, record: StoredIntegration | undefined): Record<string, unknown> {
		return {
			name: type,
			enabled: record?.enabled ?? false,
			office: record?.office ?? null,
			option: record?.option ?? null,
			free: true,
			config: { ...(record?.config ?? {}) },
		};
	}

	function configured(req: SandboxRequest): { type: string; record: StoredIntegration } {
		const type = requireType(req);
		const record = integrations.get(key(companyOf(ctx, req), type));
		if (!record) throw notFound(`Integration '${type}' is not configured`);
		return { type, record };
	}

	return [
		{
			method: 'GET',
			path: PATH,
			handler: (req) => {
				const wanted = req.query.class;
				if (wanted !== undefined && wanted !== '' && !CLASSES.includes(wanted as IntegrationClass)) {
					throw badRequest(`class must be one of ${CLASSES.join(', ')}`);
				}
				const companyId = companyOf(ctx, req);
				return ok(
					Object.entries(INTEGRATION_TYPES)
						.filter(([, info]) => !wanted || info.class === wanted)
						.map(([type]) => publicIntegration(type, integrations.get(key(companyId, type)))),
				);
			},
		},
		{
			method: 'GET',
			path: `${PATH}/check`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const active = Object.entries(INTEGRATION_TYPES).find(
					([type, info]) => info.class === 'bookkeeping' && integrations.get(key(companyId, type))?.enabled,
				);
				if (!active) throw notFound('No active bookkeeping integration');
				return ok(publicIntegration(active[0], integrations.get(key(companyId, active[0]))));
			},
		},
		{
			method: 'GET',
			path: `${PATH}/callback/:type`,
			handler: (req) => {
				const type = requireType(req);
				const record = integrations.get(key(companyOf(ctx, req), type));
				if (!req.query.code) throw badRequest('OAuth error: code is required');
				if (!record?.pendingOAuth) throw badRequest(`OAuth error: no authorization of '${type}' is pending`);
				if (req.query.state !== undefined && oauthStates.get(req.query.state) !== key(record.companyId, type)) {
					throw badRequest('OAuth error: state does not match');
				}
				record.pendingOAuth = false;
				record.enabled = true;
				record.config = { ...record.config, connected: true };
				return ok(publicIntegration(type, record));
			},
		},
		{
			method: 'GET',
			path: `${PATH}/:type`,
			handler: (req) => {
				const type = requireType(req);
				return ok(publicIntegration(type, integrations.get(key(companyOf(ctx, req), type))));
			},
		},
		{
			method: 'POST',
			path: `${PATH}/:type`,
			handler: (req) => {
				const type = requireType(req);
				const companyId = companyOf(ctx, req);
				const body = jsonBody(req);
				if (body.option !== undefined && body.option !== null && !isPlainObject(body.option)) throw badRequest('option must be an object');
				const existing = integrations.get(key(companyId, type));
				if (type === 'thenextinvoice' && existing) throw fail(409, 'API token already exists');
				const info = INTEGRATION_TYPES[type];
				const { option, ...credentials } = body;
				const record: StoredIntegration = {
					companyId,
					name: type,
					enabled: !info.oauth,
					office: typeof body.office === 'string' ? body.office : (existing?.office ?? null),
					option: isPlainObject(option) ? option : (existing?.option ?? {}),
					config: info.oauth ? {} : { ...credentials },
					pendingOAuth: Boolean(info.oauth),
				};
				integrations.set(key(companyId, type), record);
				countCreate(ctx, 'integration');
				if (!info.oauth) return ok({ done: true, redirect: null, popup: false, openConfig: true });
				const state = randomToken(12);
				oauthStates.set(state, key(companyId, type));
				const redirect = `${info.oauth}?${new URLSearchParams({
					response_type: 'code',
					client_id: 'thenextinvoice',
					redirect_uri: `https://api.thenextinvoice.com/api/v1/settings/integrations/callback/${type}`,
					state,
				})}`;
				return ok({ done: false, redirect, popup: true, openConfig: true });
			},
		},
		{
			method: 'PUT',
			path: `${PATH}/:type`,
			handler: (req) => {
				const { type, record } = configured(req);
				const body = jsonBody(req);
				if (body.option !== undefined && !isPlainObject(body.option)) throw badRequest('option must be an object (e.g. { ledgernumbers, vatcodes })');
				if (body.office !== undefined && typeof body.office !== 'string') throw badRequest('office must be a string');
				if (typeof body.office === 'string') record.office = body.office;
				if (isPlainObject(body.option)) record.option = { ...(record.option ?? {}), ...body.option };
				if (isPlainObject(body.config)) record.config = { ...record.config, ...body.config };
				return ok(publicIntegration(type, record));
			},
		},
		{
			method: 'GET',
			path: `${PATH}/:type/test`,
			handler: (req) => {
				const { type, record } = configured(req);
				if (!record.enabled) throw notFound(`Integration '${type}' is not active`);
				return ok({ ok: true });
			},
		},
		{
			method: 'DELETE',
			path: `${PATH}/:type`,
			handler: (req) => {
				const { type, record } = configured(req);
				integrations.delete(key(record.companyId, type));
				return ok('Integration removed');
			},
		},
	];
}
