/**
 * Shared pieces of the fiskaly management sandbox: stored record shapes, the context every route table
 * receives, and the helpers for the vendor's recurring rules (UUID path ids, 404s, metadata, updates).
 */
import {
	isUuid,
	json,
	SandboxHttpError,
	VALIDATION_ERROR_CODE,
	type ObjectSchema,
	type SandboxRequest,
	type SandboxResponse,
	type SandboxRoute,
	type TokenStore,
} from '../framework';
import { FISKALY_COUNTRY_CODES } from './country-codes';

export const BASE_PATH = '/api/v0';
/** `created_by_user` of everything the sandbox creates (the sample value of the vendor doc). */
export const SANDBOX_USER_ID = '27517bc4-bc7e-445c-b9ea-ea9612f4fa59';

export type Env = 'TEST' | 'LIVE';
export const ENVS: readonly Env[] = ['TEST', 'LIVE'];

export interface StoredOrganization {
	_id: string;
	_type: 'ORGANIZATION' | 'MANAGED_ORGANIZATION';
	_envs: Env[];
	name: string;
	managed_by_organization_id?: string;
	created_by_user: string;
	/** The other documented fields (address, billing_options, metadata, ...) exactly as sent. */
	[field: string]: unknown;
}

export interface StoredApiKey {
	_id: string;
	_type: 'API_KEY' | 'MANAGED_API_KEY';
	_envs: Env[];
	key: string;
	/** Only ever sent in the create answer. */
	secret: string;
	created_at: number;
	created_by_user: string;
	name: string;
	status: 'enabled' | 'disabled';
	metadata?: Record<string, string>;
	managed_by_organization_id?: string;
	/** Internal: owning organization (implicit in the URL, not part of the vendor's body). */
	organization_id: string;
}

export interface StoredUser {
	_id: string;
	_type: 'USER';
	_envs: Env[];
	email: string;
	first_name?: string;
	last_name?: string;
	/** Internal: memberships. Removing a user from an organization keeps the user (vendor doc). */
	organization_ids: string[];
}

export interface StoredBillingAddress {
	_id: string;
	_type: 'BILLING_ADDRESS';
	_envs: Env[];
	vat_id_valid: boolean;
	[field: string]: unknown;
}

export interface FiskalyState {
	organizations: Map<string, StoredOrganization>;
	apiKeys: Map<string, StoredApiKey>;
	users: Map<string, StoredUser>;
	billingAddresses: Map<string, StoredBillingAddress>;
}

export interface FiskalyStats {
	/** POST /auth with api_key + api_secret (attempts, including rejected ones). */
	logins: number;
	/** POST /auth with refresh_token (attempts, including rejected ones). */
	refreshes: number;
	/** 401 answers. */
	unauthorized: number;
}

/** A type alias (not an interface) so it satisfies TokenStore's Record<string, unknown> bound. */
/** Who a token was issued to: an API key, or a user who logged in with e-mail and password. */
export type FiskalyTokenSubject = {
	kind: 'access' | 'refresh';
	organizationId: string;
	apiKeyId?: string;
	userId?: string;
	env: Env;
};

export interface FiskalyContext {
	state: FiskalyState;
	tokens: TokenStore<FiskalyTokenSubject>;
	stats: FiskalyStats;
	accessTokenLifetimeSeconds: number;
	refreshTokenLifetimeSeconds: number;
	/** user _id -> password, for the e-mail and password login (the own organization's owner has one). */
	userPasswords: Map<string, string>;
	/** Fault switches of the refresh grant (see FiskalySandboxOptions). */
	refresh: { singleUse: boolean; omitNewRefreshToken: boolean };
}

/** Metadata limits from the vendor doc: <= 20 keys, key <= 40 chars, value <= 500 chars. */
export const METADATA_SPEC = { type: 'stringMap', maxKeys: 20, maxKeyLength: 40, maxValueLength: 500 } as const;

export const COUNTRY_CODE_SPEC = {
	type: 'string',
	enum: FISKALY_COUNTRY_CODES,
	enumDescription: 'an ISO 3166-1 alpha-3 country code from the CountryCode enum',
} as const;

/** Address fields organizations and billing addresses share. */
export const ADDRESS_FIELDS: ObjectSchema = {
	address_line1: { type: 'string', required: true, minLength: 1 },
	address_line2: { type: 'string' },
	zip: { type: 'string', required: true, minLength: 1 },
	town: { type: 'string', required: true, minLength: 1 },
	state: { type: 'string' },
	country_code: { ...COUNTRY_CODE_SPEC, required: true },
	vat_id: { type: 'string' },
	metadata: METADATA_SPEC,
};

export function notFound(what: string, id: string): SandboxHttpError {
	return new SandboxHttpError(404, 'E_NOT_FOUND', `${what} '${id}' not found`);
}

export function validationError(message: string): SandboxHttpError {
	return new SandboxHttpError(400, VALIDATION_ERROR_CODE, message);
}

/** Path ids are UUIDs: a malformed one is a 400, an unknown one a 404. */
export function requireUuidParam(req: SandboxRequest, name: string): string {
	const value = req.params[name];
	if (!isUuid(value)) throw validationError(`${name}: must be a UUID`);
	return value;
}

export function requireOrganization(ctx: FiskalyContext, req: SandboxRequest): StoredOrganization {
	const id = requireUuidParam(req, 'organization_id');
	const organization = ctx.state.organizations.get(id);
	if (!organization) throw notFound('Organization', id);
	return organization;
}

/** Referenced organizations in a body must exist (400: the request, not the URL, is wrong). */
export function requireReferencedOrganization(ctx: FiskalyContext, field: string, id: unknown): void {
	if (typeof id === 'string' && !ctx.state.organizations.has(id)) {
		throw validationError(`${field}: organization '${id}' does not exist`);
	}
}

export function success(): SandboxResponse {
	return json(200, { _success: true });
}

export function listAnswer(page: { data: unknown[]; count: number }, type: string): SandboxResponse {
	return json(200, { data: page.data, count: page.count, _type: type });
}

/** Update endpoints use PATCH; PUT is still accepted until API 1.0.0 (vendor changelog 0.3.0). */
export function updateRoutes(path: string, handler: SandboxRoute['handler']): SandboxRoute[] {
	return [
		{ method: 'PATCH', path, handler },
		{ method: 'PUT', path, handler },
	];
}
