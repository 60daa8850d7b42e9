import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { SandboxResponse } from './types';

/** A JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
	return headers ? { status, body, headers } : { status, body };
}

/** Resource ids look like the vendors' ids (UUID v4). */
export function newUuid(): string {
	return randomUUID();
}

/** Opaque random string, e.g. for tokens and API secrets (base64url, no padding). */
export function randomToken(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

/** A shallow copy without internal fields (e.g. a stored secret that must not go over the wire). */
export function omitFields<T extends object, K extends keyof T>(record: T, ...fields: K[]): Omit<T, K> {
	const copy = { ...record };
	for (const field of fields) delete copy[field];
	return copy;
}

/** Standard reason phrase, e.g. 404 -> 'Not Found'. */
export function reasonPhrase(status: number): string {
	return STATUS_CODES[status] ?? 'Unknown';
}

/** Error code the framework uses when a handler or fault gives none. Vendors can remap in `errorBody`. */
export function defaultErrorCode(status: number): string {
	const codes: Record<number, string> = {
		400: 'E_BAD_REQUEST',
		401: 'E_UNAUTHORIZED',
		403: 'E_FORBIDDEN',
		404: 'E_NOT_FOUND',
		409: 'E_CONFLICT',
		429: 'E_TOO_MANY_REQUESTS',
		500: 'E_INTERNAL_SERVER_ERROR',
		502: 'E_BAD_GATEWAY',
		503: 'E_SERVICE_UNAVAILABLE',
		504: 'E_GATEWAY_TIMEOUT',
	};
	return codes[status] ?? `E_HTTP_${status}`;
}

/**
 * Thrown by handlers (and the validation helpers) to answer with an error; the framework renders it with
 * the sandbox's `errorBody`, so handlers never build vendor error shapes themselves.
 */
export class SandboxHttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
		this.name = 'SandboxHttpError';
	}
}
