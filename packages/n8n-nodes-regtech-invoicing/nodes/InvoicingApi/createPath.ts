import type { IDataObject, NodeOperationError } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * The documentation at apidoc.invoicing.regtech.fi exists in two editions: `createInvoice` → `POST /invoice/create`
 * (the edition this package was built from) and `postInvoice` → `POST /invoice`, with the same body. Status and send
 * are the same in both. Which one a provider serves is not known, so the credential's Create Path chooses.
 */
export const CREATE_PATHS = ['/invoice/create', '/invoice'] as const;
export type CreatePath = (typeof CREATE_PATHS)[number];
export const DEFAULT_CREATE_PATH: CreatePath = '/invoice/create';

/**
 * The credential's Create Path; empty (credential data without the field) is the default, anything else that is not
 * one of the two paths is undefined.
 */
export function createPathOf(credentials: IDataObject): CreatePath | undefined {
	const value = credentials.createPath;
	if (value === undefined || value === null || value === '') return DEFAULT_CREATE_PATH;
	return CREATE_PATHS.find((p) => p === value);
}

/** What a 404 to a create means: the provider may serve the other edition. Names no credential value but the path. */
export function createPathHint(createPath: CreatePath): string {
	const other = CREATE_PATHS.find((p) => p !== createPath)!;
	return (
		`The API has no POST ${createPath}. The Invoicing API documentation exists in two editions, one creating invoices ` +
		`with POST /invoice/create and the other with POST /invoice; your provider may serve the other edition. ` +
		`Set the credential's Create Path to ${other} and run it again (nothing was created)`
	);
}

const addHint = (description: string | null | undefined, hint: string) => (description ? `${description}. ${hint}` : hint);

/** A create's failure: a 404 gets the hint about the two editions. Other errors are left as they are. */
export function explainCreateError(error: NodeApiError | NodeOperationError, createPath: CreatePath): void {
	if (error instanceof NodeApiError && error.httpCode === '404') error.description = addHint(error.description, createPathHint(createPath));
}
