import { sleep } from 'n8n-workflow';

/** How hard the transport tries before giving up; all of it is configurable in each node's options. */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Sum of all waits (including Retry-After) one request may spend. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
	maxTotalWaitMs: 60_000,
};

/** Statuses that mean the server refused before acting, so repeating any request is safe. */
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
/** Statuses after which a write may or may not have happened. */
const UNCERTAIN_STATUSES = new Set([500, 502, 504]);

export type AttemptVerdict =
	| { kind: 'done' }
	/** mayHaveApplied: the server may have acted (a 5xx other than 503) before this idempotent request is repeated. */
	| { kind: 'retry'; retryAfterMs?: number; mayHaveApplied?: boolean }
	| { kind: 'outcomeUnknown' };

export function judgeStatus(
	status: number,
	idempotent: boolean,
	retryAfterHeader: string | undefined,
): AttemptVerdict {
	if (NOT_PROCESSED_STATUSES.has(status)) {
		return { kind: 'retry', retryAfterMs: parseRetryAfter(retryAfterHeader) };
	}
	if (UNCERTAIN_STATUSES.has(status)) return idempotent ? { kind: 'retry', mayHaveApplied: true } : { kind: 'outcomeUnknown' };
	return { kind: 'done' };
}

/** Error codes that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);
/** Error codes after which the request may have been processed. */
const MAYBE_SENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ERR_CANCELED']);

export type TransportFailure = 'notSent' | 'maybeSent' | 'other';

/** Classifies an error thrown by n8n's request helpers (they wrap the axios error in `cause`). */
export function classifyTransportError(error: unknown): { failure: TransportFailure; code?: string } {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const record = current as { code?: unknown; message?: unknown; cause?: unknown };
		const code = typeof record.code === 'string' ? record.code : undefined;
		if (code && NOT_SENT_CODES.has(code)) return { failure: 'notSent', code };
		if (code && MAYBE_SENT_CODES.has(code)) return { failure: 'maybeSent', code };
		const message = typeof record.message === 'string' ? record.message : '';
		if (/socket hang up|timeout of \d+ms exceeded|terminated|aborted/i.test(message)) {
			return { failure: 'maybeSent', code: code ?? 'ECONNRESET' };
		}
		current = record.cause;
	}
	return { failure: 'other' };
}

export function parseRetryAfter(header: string | undefined): number | undefined {
	if (!header) return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(header);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential back-off with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return exponential / 2 + Math.random() * (exponential / 2);
}

/** Keeps count of attempts and waits for one request. */
export class RetryBudget {
	attempt = 0;
	waitedMs = 0;
	retries = 0;

	constructor(readonly policy: RetryPolicy) {}

	/** Waits before the next attempt; returns false when the attempts or the wait budget are used up. */
	async waitBeforeRetry(retryAfterMs?: number): Promise<boolean> {
		if (this.attempt >= this.policy.maxAttempts) return false;
		const delay = retryAfterMs ?? backoffDelay(this.policy, this.attempt);
		if (this.waitedMs + delay > this.policy.maxTotalWaitMs) return false;
		this.waitedMs += delay;
		this.retries++;
		if (delay > 0) await sleep(delay);
		return true;
	}
}
