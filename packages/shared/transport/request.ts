import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';

import type { AdaptiveConcurrency, CongestionSignal } from './concurrency';
import { buildApiError, type VendorError, type WriteOutcome } from './errors';
import {
	classifyTransportError,
	DEFAULT_RETRY_POLICY,
	judgeStatus,
	RetryBudget,
	type RetryPolicy,
} from './retry';
import type { CachedToken, LoginSender, TokenManager } from './tokenLogin';

/** The n8n contexts our nodes send requests from. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** Everything the shared transport needs to know about one vendor. */
export interface VendorApi {
	/** Shown in error messages, e.g. "fiskaly". */
	vendor: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	auth:
		| { kind: 'tokenLogin'; tokens: TokenManager; tokenField: string }
		| { kind: 'static' };
	parseError(body: unknown): VendorError;
	/** Response header holding the vendor's request id (fiskaly: X-Request-ID). */
	requestIdHeader?: string;
	/** Credential fields whose values must never appear in a message. */
	secretFields: readonly string[];
	/**
	 * Vendors that wrap every answer (TheNextInvoice: `{ success, data, error }`): returns the payload, or the
	 * vendor's error when the envelope says it failed, even with HTTP 200.
	 */
	unwrap?(body: unknown): { data: unknown } | { error: VendorError };
}

export interface RequestSpec {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, e.g. `/organizations/${id}`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/**
	 * Safe to repeat when the outcome is unknown. Defaults to true for GET, HEAD, PUT and DELETE;
	 * a write that carries an idempotency key (or sets absolute values) may declare it.
	 */
	idempotent?: boolean;
	/** Binary answers (PDF, XML files) come back as a Buffer. */
	binary?: boolean;
	/** A body sent as it is (multipart uploads); `body` is then ignored. */
	rawBody?: Buffer;
	/** Some endpoints legitimately answer with an empty body. */
	allowEmptyBody?: boolean;
	/** A token login: it creates nothing (no outcome to state), and its answer holds a token (never quoted in errors). */
	login?: boolean;
}

export interface TransportSettings {
	timeoutMs: number;
	retry: RetryPolicy;
	/**
	 * List pages requested at once once the first page has told how many there are: a fixed number, 0 for Auto (see
	 * AUTO_PAGES), or the Auto controller of one list (which then also receives `congestion`).
	 */
	pagesInParallel: number | AdaptiveConcurrency;
	/** Told about every 429/503 and every other answer (Auto concurrency); the retries themselves do not change. */
	congestion?: CongestionSignal;
	/** How long a write whose outcome is unknown may still take to land: its lookup is asked again after this long. */
	settleMs?: number;
}

/** Pages in Parallel = 0 (the default): Auto, starting with `start` pages at once and growing up to `max`. */
export const AUTO_PAGES = { start: 3, max: 10 };

export const DEFAULT_TRANSPORT: TransportSettings = { timeoutMs: 30_000, retry: DEFAULT_RETRY_POLICY, pagesInParallel: 0 };
export const MAX_PAGES_IN_PARALLEL = 10;
/**
 * Request Options → Settle Delay. A request the vendor handles after the client gave up lands some time after the
 * timeout; none of the vendors documents its processing time, the sandboxes' late answers land 0.3 s after the
 * timeout. 2 s covers that with room; configurable because it is our estimate.
 */
export const DEFAULT_SETTLE_MS = 2000;

/** Counters for tests and benchmarks; cheap enough to keep always. */
export const transportStats = { requests: 0, retries: 0, unauthorized: 0 };

function isIdempotent(spec: Pick<RequestSpec, 'method' | 'idempotent'>): boolean {
	return spec.idempotent ?? ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(spec.method);
}

function header(headers: FullResponse['headers'], name: string | undefined): string | undefined {
	if (!name) return undefined;
	const value = headers[name.toLowerCase()] ?? headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function secretValues(api: VendorApi, credentials: ICredentialDataDecryptedObject, token?: CachedToken): string[] {
	const values = api.secretFields.map((field) => String(credentials[field] ?? ''));
	if (token) values.push(token.accessToken, token.refreshToken ?? '');
	return values.filter(Boolean);
}

interface SendContext {
	node: INode;
	api: VendorApi;
	spec: RequestSpec;
	settings: TransportSettings;
	itemIndex?: number;
	secrets: () => string[];
	/** Called before every attempt (e.g. to take a token fresh enough for this attempt, not the first one). */
	beforeAttempt?: () => Promise<void>;
	/** Called on a 401 (at most twice in a row); returns true when the request may be resent with a new token. */
	onUnauthorized?: () => Promise<boolean>;
}

const MAX_RELOGINS_IN_A_ROW = 2;

/**
 * The one loop every request goes through: retries with back-off for 429/5xx and dropped
 * connections, never repeating a non-idempotent write whose outcome is unknown, one re-login on a
 * 401, and vendor-aware errors.
 */
async function sendWithRetries(
	ctx: SendContext,
	sendOnce: (options: IHttpRequestOptions) => Promise<FullResponse>,
): Promise<FullResponse> {
	const { node, api, spec, settings, itemIndex } = ctx;
	const idempotent = isIdempotent(spec);
	const budget = new RetryBudget(settings.retry);
	// Re-logins since the last answer that was not a 401. A 401 right after a re-login may still be a token taken
	// away meanwhile (a slow login), so one more is allowed; after that the refusal stands (a login loop otherwise).
	let reloginsInARow = 0;
	const where = { method: spec.method, path: spec.path, itemIndex };
	const isWrite = !spec.login && !['GET', 'HEAD', 'OPTIONS'].includes(spec.method);
	// Set once an attempt of a write may have reached the vendor's application (dropped after sending, 5xx,
	// timeout): from then on a failure cannot say "not applied", even if a later attempt was refused.
	let mayHaveApplied = false;
	const outcomeOf = (certainlyNotApplied: boolean): WriteOutcome | undefined =>
		!isWrite ? undefined : certainlyNotApplied && !mayHaveApplied ? 'notApplied' : 'unknown';
	const fail = (status: number | undefined, vendorError: VendorError | undefined, requestId?: string, hint?: string, outcome?: WriteOutcome) =>
		buildApiError(node, { vendor: api.vendor, status, vendorError, requestId, hint, outcome, ...where }, ctx.secrets());

	for (;;) {
		budget.attempt++;
		transportStats.requests++;
		// A resend after a 401 re-login keeps its attempt number, so it is not counted as a retry.
		if (budget.attempt > 1) transportStats.retries++;
		// Outside the try below: a failed login is the login's own error, not this request's transport failure.
		if (ctx.beforeAttempt) await ctx.beforeAttempt();
		let response: FullResponse;
		try {
			response = await sendOnce({
				method: spec.method,
				url: spec.path,
				qs: spec.qs,
				body: spec.rawBody ?? spec.body,
				headers: spec.headers,
				json: !spec.binary && !spec.rawBody,
				encoding: spec.binary ? 'arraybuffer' : undefined,
				timeout: settings.timeoutMs,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// A redirected POST would arrive as a GET without its body (301/302) and look like a success.
				disableFollowRedirect: isWrite,
			});
		} catch (error) {
			const { failure, code } = classifyTransportError(error);
			if (failure === 'other') throw fail(undefined, { message: describeUnexpected(error) }, undefined, undefined, outcomeOf(false));
			if (failure === 'maybeSent') mayHaveApplied = true;
			if (failure === 'maybeSent' && !idempotent) {
				throw fail(undefined, { message: `the connection failed after the request was sent (${code})` }, undefined, undefined, 'unknown');
			}
			if (await budget.waitBeforeRetry()) continue;
			throw fail(undefined, { message: `no answer after ${budget.attempt} attempts (${code})` }, undefined,
				failure === 'notSent' ? 'The request never reached the server' : undefined, outcomeOf(failure === 'notSent'));
		}

		const requestId = header(response.headers, api.requestIdHeader);
		const status = response.statusCode;
		if (status === 401 && ctx.onUnauthorized && reloginsInARow < MAX_RELOGINS_IN_A_ROW) {
			transportStats.unauthorized++;
			reloginsInARow++;
			if (await ctx.onUnauthorized()) {
				budget.attempt--;
				continue;
			}
		}
		// Any other answer: the token worked (or was not asked for), so a later 401 means it was taken away again.
		if (status !== 401) reloginsInARow = 0;
		if (isWrite && status >= 300 && status < 400) {
			const location = header(response.headers, 'location') ?? 'no address given';
			throw fail(status, { message: `the service redirects this write to ${location.slice(0, 200)}; writes are not sent on to another address` }, requestId,
				'Check the Base URL of the credential (e.g. https instead of http, or a new API address)', outcomeOf(true));
		}
		const verdict = judgeStatus(status, idempotent, header(response.headers, 'retry-after'));
		if (settings.congestion) {
			if (status === 429 || status === 503) settings.congestion.busy(verdict.kind === 'retry' ? verdict.retryAfterMs : undefined);
			else settings.congestion.fine();
		}
		if (verdict.kind === 'retry') {
			if (verdict.mayHaveApplied) mayHaveApplied = true;
			if (await budget.waitBeforeRetry(verdict.retryAfterMs)) continue;
			throw fail(status, api.parseError(errorBody(response.body)), requestId,
				`Gave up after ${budget.attempt} attempts and ${Math.round(budget.waitedMs / 1000)} s of waiting`, outcomeOf(!verdict.mayHaveApplied));
		}
		if (verdict.kind === 'outcomeUnknown') {
			throw fail(status, api.parseError(errorBody(response.body)), requestId, `${api.vendor} answered ${status}`, 'unknown');
		}
		// A refusal (4xx) is "not applied" unless an earlier attempt may have gone through.
		if (status >= 400) throw fail(status, api.parseError(errorBody(response.body)), requestId, undefined, outcomeOf(status < 500));
		const body = checkBody(response, spec, fail, requestId);
		if (!api.unwrap || spec.binary) return { ...response, body };
		const unwrapped = api.unwrap(body);
		if ('error' in unwrapped) throw fail(status, unwrapped.error, requestId, undefined, outcomeOf(true));
		return { ...response, body: unwrapped.data };
	}
}

/** Error answers to binary requests arrive as bytes; vendors still send their JSON error in them. */
function errorBody(body: unknown): unknown {
	if (!Buffer.isBuffer(body) && !(body instanceof ArrayBuffer)) return body;
	const text = Buffer.from(body as Buffer).toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** A 2xx answer must carry what the endpoint promises; HTML pages and cut-off JSON are errors. */
function checkBody(
	response: FullResponse,
	spec: RequestSpec,
	fail: (status: number, e: VendorError, requestId?: string) => Error,
	requestId?: string,
): unknown {
	const { body, statusCode } = response;
	if (spec.binary) return Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
	if (body === undefined || body === null || body === '') {
		if (spec.allowEmptyBody || statusCode === 204) return {};
		throw fail(statusCode, { message: 'the answer was empty where JSON was expected' }, requestId);
	}
	if (typeof body === 'string') {
		try {
			return JSON.parse(body);
		} catch {
			const type = header(response.headers, 'content-type') ?? 'no content type';
			// A cut-off login answer would show part of a token: say what it was, not what it said.
			const excerpt = spec.login ? '' : `: "${body.slice(0, 80)}"`;
			throw fail(statusCode, { message: `the ${spec.login ? 'login ' : ''}answer was not valid JSON (${type})${excerpt}` }, requestId);
		}
	}
	return body;
}

function describeUnexpected(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return `the request could not be sent: ${message}`;
}

/** A credential test or preAuthentication runs without a node; errors still need one to hang on. */
function credentialNode(api: VendorApi): INode {
	return { id: api.credentialType, name: `${api.vendor} credential`, type: api.credentialType, typeVersion: 1, position: [0, 0], parameters: {} };
}

/** Login requests go out through n8n's plain httpRequest, with the same retries and errors. */
export function makeLoginSender(
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest'>,
	node: INode | undefined,
	api: VendorApi,
	credentials: ICredentialDataDecryptedObject,
	settings: TransportSettings = DEFAULT_TRANSPORT,
): LoginSender {
	return async (options) => {
		const spec: RequestSpec = {
			method: options.method ?? 'POST',
			path: options.url,
			body: options.body as IDataObject,
			headers: options.headers as Record<string, string>,
			// A login creates nothing that a second login would duplicate.
			idempotent: true,
			login: true,
		};
		const baseURL = api.baseUrl(credentials);
		const response = await sendWithRetries(
			{ node: node ?? credentialNode(api), api, spec, settings, secrets: () => secretValues(api, credentials) },
			async (opts) => (await helpers.httpRequest({ ...opts, baseURL })) as FullResponse,
		);
		return response.body;
	};
}

/**
 * Sends one API request with the node's credential: through n8n's httpRequestWithAuthentication
 * (so proxies, logging and the credential's authenticate block apply), with the token from our
 * cache passed in as the credential's data.
 */
export async function apiRequest(
	context: RequestContext,
	api: VendorApi,
	spec: RequestSpec,
	options: { itemIndex?: number; settings?: TransportSettings } = {},
): Promise<FullResponse> {
	const settings = options.settings ?? DEFAULT_TRANSPORT;
	const node = context.getNode();
	const credentials = await context.getCredentials(api.credentialType, options.itemIndex ?? 0);
	const baseURL = api.baseUrl(credentials);
	let token: CachedToken | undefined;
	let beforeAttempt: (() => Promise<void>) | undefined;
	let onUnauthorized: (() => Promise<boolean>) | undefined;
	let takeOff: (() => () => void) | undefined;
	let tokenField = '';
	if (api.auth.kind === 'tokenLogin') {
		const { tokens } = api.auth;
		tokenField = api.auth.tokenField;
		const login = makeLoginSender(context.helpers, node, api, credentials, settings);
		let rejected: string | undefined;
		// Every attempt takes its token just before it is sent: a retry after a back-off must not carry a token that
		// expired while it waited.
		beforeAttempt = async () => {
			token = await tokens.getToken(login, credentials, rejected);
		};
		onUnauthorized = async () => {
			rejected = token?.accessToken;
			return true;
		};
		takeOff = () => tokens.takeOff(credentials);
	}
	return await sendWithRetries(
		{ node, api, spec, settings, itemIndex: options.itemIndex, secrets: () => secretValues(api, credentials, token), beforeAttempt, onUnauthorized },
		async (opts) => {
			const data = token ? { ...credentials, [tokenField]: token.accessToken } : credentials;
			const landed = takeOff?.();
			try {
				return (await context.helpers.httpRequestWithAuthentication.call(
					context,
					api.credentialType,
					{ ...opts, baseURL },
					{ credentialsDecrypted: { id: '', name: api.credentialType, type: api.credentialType, data } },
				)) as FullResponse;
			} finally {
				landed?.();
			}
		},
	);
}

/** The token's claims (never the token) for operations such as "who am I". */
export async function currentTokenClaims(context: RequestContext, api: VendorApi, itemIndex = 0): Promise<CachedToken> {
	if (api.auth.kind !== 'tokenLogin') throw new Error(`${api.vendor} does not use a token login`);
	const credentials = await context.getCredentials(api.credentialType, itemIndex);
	const login = makeLoginSender(context.helpers, context.getNode(), api, credentials);
	return await api.auth.tokens.getToken(login, credentials);
}
