import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What a vendor says went wrong, pulled out of its own error body. */
export interface VendorError {
	message?: string;
	code?: string;
}

export interface ApiErrorDetails {
	vendor: string;
	status?: number;
	vendorError?: VendorError;
	requestId?: string;
	itemIndex?: number;
	/** Extra sentence for the user, e.g. how many attempts were made. */
	hint?: string;
	/**
	 * For writes: whether the vendor may have applied the change. 'notApplied' = it certainly did not (refused,
	 * never reached it, rate limited); 'unknown' = it may have. Stated in the description and in `context.outcome`.
	 */
	outcome?: WriteOutcome;
	method?: string;
	path?: string;
}

export type WriteOutcome = 'notApplied' | 'unknown';

const REDACTED = '[redacted]';

function outcomeSentence(vendor: string, outcome: WriteOutcome | undefined, method: string | undefined): string | undefined {
	if (outcome === 'notApplied') return `Outcome known: ${vendor} did not apply this ${method ?? 'request'}; it is safe to run it again`;
	if (outcome === 'unknown') {
		return `OUTCOME UNKNOWN: ${vendor} may or may not have applied this ${method ?? 'request'}. It was not repeated because that could apply it twice; check in ${vendor} before running it again`;
	}
	return undefined;
}

/**
 * Replaces every known secret value in a text. Secrets are the credential's password-like fields
 * and the tokens we hold; vendors sometimes echo them back in error bodies.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED);
	}
	return result;
}

/** Builds the NodeApiError users see: vendor message and code, HTTP status, request id and item. */
export function buildApiError(
	node: INode,
	details: ApiErrorDetails,
	secrets: readonly string[],
): NodeApiError {
	const { vendor, status, vendorError, requestId, itemIndex, hint, outcome } = details;
	const vendorMessage = vendorError?.message?.trim() || defaultMessage(status);
	const message = redactSecrets(
		`${vendor}: ${vendorMessage}${vendorError?.code ? ` [${vendorError.code}]` : ''}`,
		secrets,
	);
	const facts = [
		status !== undefined ? `HTTP ${status}` : undefined,
		details.method && details.path ? `${details.method} ${details.path}` : undefined,
		requestId ? `request id ${requestId}` : undefined,
		itemIndex !== undefined ? `item ${itemIndex}` : undefined,
	].filter(Boolean);
	const description = redactSecrets(
		[facts.join(' · '), hint, outcomeSentence(vendor, outcome, details.method)].filter(Boolean).join('. '),
		secrets,
	);
	const errorResponse: IDataObject = {
		vendor,
		httpCode: status !== undefined ? String(status) : undefined,
		code: vendorError?.code,
		message,
		requestId,
	};
	const error = new NodeApiError(node, errorResponse as JsonObject, {
		message,
		description,
		httpCode: status !== undefined ? String(status) : undefined,
		itemIndex,
	});
	// NodeApiError swaps in generic texts for well-known status codes; keep the vendor's own words.
	error.message = message;
	error.description = description;
	if (outcome) error.context.outcome = outcome;
	return error;
}

function defaultMessage(status: number | undefined): string {
	if (status === undefined) return 'The request failed before an answer was received';
	if (status === 401) return 'Authentication failed';
	if (status === 403) return 'Access denied';
	if (status === 404) return 'Not found';
	if (status === 429) return 'Too many requests';
	if (status >= 500) return 'The service had an internal error';
	return `Request failed with status ${status}`;
}

/** Our transport's errors pass through unchanged; anything else is wrapped with its item (n8n wants node errors). */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
