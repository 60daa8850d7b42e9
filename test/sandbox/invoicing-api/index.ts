/**
 * Local sandbox of the "Invoicing API v1.0.0" (vendor not identified), built from
 * the Invoicing API docs (https://apidoc.invoicing.regtech.fi/). The docs leave the base URL and the
 * token endpoint blank; here the API lives under /api and an OAuth2 client-credentials token endpoint (our guess)
 * under /oauth/token. Tokens last 3600 s by default, there are no refresh tokens. Errors are NestJS-shaped:
 * `{ statusCode, message (string or string[]), error }`.
 */
import { json, reasonPhrase, startSandbox, TokenStore, type RunningSandbox, type SandboxRequest, type SandboxResponse } from '../framework';
import {
	advanceClock,
	invoiceRoutes,
	nestError,
	statusBody,
	type InvoiceEvent,
	type InvoicingApiStats,
	type InvoicingCreatePath,
	type InvoicingContext,
	type StoredInvoice,
} from './invoices';

export type { InvoiceEvent, InvoicingApiStats, InvoicingCreatePath, StoredInvoice } from './invoices';
export { isApiDate } from './validation';

export interface InvoicingApiSandboxOptions {
	/** 0 / undefined: random free port. */
	port?: number;
	clientId?: string;
	clientSecret?: string;
	/** Default 3600 (the documented lifetime); tests shorten it. */
	tokenLifetimeSeconds?: number;
	/** Events that follow a send by themselves after these delays; without it only the controls move invoices on. */
	lifecycleMs?: Record<InvoiceEvent, number>;
	/** Invoices created, sent, delivered, opened and paid before the sandbox starts (ids seed-0001, ...). */
	seedPaidInvoices?: number;
	/**
	 * Which edition of the docs the sandbox serves: `/invoice/create` (createInvoice, the default and our copy of the
	 * docs) or `/invoice` (postInvoice). The other create path answers 404 like any unknown route.
	 */
	createPath?: InvoicingCreatePath;
}

export interface InvoicingApiControl {
	/** Marks an event of a sent invoice as happened now (or at `at`, epoch ms); earlier events are filled in too. */
	mark(customInvoiceId: string, event: InvoiceEvent, at?: number): Record<string, string>;
	markDelivered(customInvoiceId: string): Record<string, string>;
	markOpened(customInvoiceId: string): Record<string, string>;
	markPaid(customInvoiceId: string): Record<string, string>;
	/** A token for the "pasted access token" credential (as if copied from the vendor's portal). */
	issueToken(lifetimeSeconds?: number): string;
	/** Makes every issued token expired now. */
	expireTokens(): number;
	/**
	 * Bulk seeding (benchmarks, trigger tests): `count` invoices `<prefix>-1`, `<prefix>-2`, ... created and sent a
	 * day ago, without events yet, written straight into the store (100,000 take well under a second). Returns their ids.
	 */
	bulkSent(count: number, prefix?: string): string[];
}

export interface InvoicingApiSandbox extends RunningSandbox {
	/** url + '/api' */
	baseUrl: string;
	/** url + '/oauth/token' */
	tokenUrl: string;
	/** The create path this sandbox serves (below baseUrl). */
	createPath: InvoicingCreatePath;
	clientId: string;
	clientSecret: string;
	invoices: Map<string, StoredInvoice>;
	tokens: TokenStore<{ clientId: string }>;
	stats: InvoicingApiStats;
	control: InvoicingApiControl;
}

const EVENT_ORDER: InvoiceEvent[] = ['delivered', 'opened', 'paid'];

/** OAuth2 token endpoint (RFC 6749 4.4): form body, errors in the OAuth2 shape. */
function tokenEndpoint(ctx: { clientId: string; clientSecret: string; lifetime: number; tokens: TokenStore<{ clientId: string }>; stats: InvoicingApiStats }) {
	return (req: SandboxRequest): SandboxResponse => {
		if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
			return json(400, { error: 'invalid_request', error_description: 'form-encoded body expected' });
		}
		const form = (req.body ?? {}) as Record<string, string>;
		if (form.grant_type !== 'client_credentials') return json(400, { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' });
		if (form.client_id !== ctx.clientId || form.client_secret !== ctx.clientSecret) {
			return json(401, { error: 'invalid_client', error_description: 'client authentication failed' });
		}
		ctx.stats.logins++;
		const issued = ctx.tokens.issue({ clientId: form.client_id }, ctx.lifetime);
		return json(200, { access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn, ...(form.scope ? { scope: form.scope } : {}) });
	};
}

export async function startInvoicingApiSandbox(options: InvoicingApiSandboxOptions = {}): Promise<InvoicingApiSandbox> {
	const clientId = options.clientId ?? 'invoicing-client';
	const clientSecret = options.clientSecret ?? 'invoicing-client-secret';
	const tokens = new TokenStore<{ clientId: string }>();
	const stats: InvoicingApiStats = { logins: 0, unauthorized: 0, creates: 0, duplicates: 0, sends: 0, statusRequests: 0 };
	let url = '';
	const createPath = options.createPath ?? '/invoice/create';
	const ctx: InvoicingContext = { invoices: new Map(), stats, url: () => url, lifecycleMs: options.lifecycleMs, createPath };

	const control: InvoicingApiControl = {
		mark(customInvoiceId, event, at = Date.now()) {
			const invoice = ctx.invoices.get(customInvoiceId);
			if (!invoice) throw new Error(`control: no invoice ${customInvoiceId}`);
			if (invoice.sentAt === undefined) throw new Error(`control: invoice ${customInvoiceId} has not been sent`);
			advanceClock(ctx, invoice);
			for (const earlier of EVENT_ORDER.slice(0, EVENT_ORDER.indexOf(event) + 1)) invoice.events[earlier] ??= at;
			return statusBody(invoice);
		},
		markDelivered: (id) => control.mark(id, 'delivered'),
		markOpened: (id) => control.mark(id, 'opened'),
		markPaid: (id) => control.mark(id, 'paid'),
		issueToken: (lifetimeSeconds = options.tokenLifetimeSeconds ?? 3600) => tokens.issue({ clientId: 'pasted' }, lifetimeSeconds).token,
		expireTokens: () => tokens.expireAll(),
		bulkSent(count, prefix = 'bulk') {
			const sentAt = Date.now() - 86_400_000;
			const ids: string[] = [];
			for (let n = 1; n <= count; n++) {
				const customInvoiceId = `${prefix}-${n}`;
				ctx.invoices.set(customInvoiceId, { customInvoiceId, body: { seeded: true }, invoiceUrl: `${url}/i/${customInvoiceId}`, createdAt: sentAt, sentAt, events: {}, sendCount: 1 });
				ids.push(customInvoiceId);
			}
			return ids;
		},
	};

	const sandbox = await startSandbox({
		name: 'invoicing-api',
		port: options.port,
		routes: [
			{ method: 'POST', path: '/oauth/token', handler: tokenEndpoint({ clientId, clientSecret, lifetime: options.tokenLifetimeSeconds ?? 3600, tokens, stats }) },
			...invoiceRoutes(ctx),
		],
		onRequest: (req) => {
			if (!req.path.startsWith('/api/')) return undefined;
			const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
			if (tokens.validate(bearer)) return undefined;
			stats.unauthorized++;
			return nestError(401, 'Unauthorized', 'Unauthorized');
		},
		notFound: (req) => nestError(404, `Cannot ${req.method} ${req.path}`, 'Not Found'),
		errorBody: ({ status, message }) => ({ statusCode: status, message, error: reasonPhrase(status) }),
	});
	url = sandbox.url;

	for (let n = 1; n <= (options.seedPaidInvoices ?? 0); n++) {
		const customInvoiceId = `seed-${String(n).padStart(4, '0')}`;
		const sentAt = Date.now() - 3 * 86_400_000;
		ctx.invoices.set(customInvoiceId, {
			customInvoiceId,
			body: { seeded: true },
			invoiceUrl: `${url}/i/${customInvoiceId}`,
			createdAt: sentAt,
			sentAt,
			events: { delivered: sentAt + 60_000, opened: sentAt + 86_400_000, paid: sentAt + 2 * 86_400_000 },
			sendCount: 1,
		});
	}

	return Object.assign(sandbox, {
		baseUrl: `${url}/api`,
		tokenUrl: `${url}/oauth/token`,
		createPath,
		clientId,
		clientSecret,
		invoices: ctx.invoices,
		tokens,
		stats,
		control,
	});
}
