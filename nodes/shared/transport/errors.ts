import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
	/** Extra sentence for the user, e.g. whether the outcome of a write is known. */
	hint?: string;
	method?: string;
	path?: string;
}

const REDACTED = '[redacted]';

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
	const { vendor, status, vendorError, requestId, itemIndex, hint } = details;
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
	const description = redactSecrets([facts.join(' · '), hint].filter(Boolean).join('. '), secrets);
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
