/**
 * Local sandbox of the fiskaly management API v0 (https://dashboard.fiskaly.com/api/v0), built from the
 * vendor doc (spec 0.12.0) and test/sandbox research notes. In-memory, one instance per test file.
 */
import { newUuid, reasonPhrase, startSandbox, TokenStore, type RunningSandbox } from '../framework';
import { apiKeyRoutes } from './api-keys';
import { authRoutes, requireAccessToken } from './auth';
import { billingAddressRoutes } from './billing-addresses';
import { BASE_PATH, type FiskalyContext, type FiskalyStats, type FiskalyTokenSubject } from './context';
import { organizationRoutes } from './organizations';
import { createFiskalyState, seedRecords, type SeedRequest } from './state';
import { userRoutes } from './users';

export { FISKALY_COUNTRY_CODES } from './country-codes';
export type { SeedRequest } from './state';
export type { FiskalyTokenSubject, StoredApiKey, StoredBillingAddress, StoredOrganization, StoredUser } from './context';

export interface FiskalySandboxOptions {
	/** 0 / undefined: random free port. */
	port?: number;
	/** Default 300. */
	accessTokenLifetimeSeconds?: number;
	/** Default 600. */
	refreshTokenLifetimeSeconds?: number;
	/** Default 'test_api_key'. */
	apiKey?: string;
	/** Default 'test_api_secret'. */
	apiSecret?: string;
	/** Extra organizations 'Seed Org 00001', ... for pagination tests and benchmarks. Default 0. */
	seedOrganizations?: number;
	/** API keys of the caller's own organization, created one a minute up to a minute ago. Default 0. */
	seedApiKeys?: number;
	/** Users who are members of the caller's own organization (besides its owner). Default 0. */
	seedUsers?: number;
	/**
	 * A fault switch, off by default: a used refresh token is revoked. Neither fiskaly's reference nor any public
	 * client shows this rule (one production client even renews with an old refresh token), so it is not the default.
	 */
	singleUseRefreshTokens?: boolean;
	/** A fault switch: a refresh answers a new access token without a new refresh token (the old one stays valid). */
	refreshWithoutNewRefreshToken?: boolean;
	/** Password of the own organization's owner (`ownerEmail`) for the e-mail and password login. Default 'test_password'. */
	ownerPassword?: string;
}

export interface FiskalySandbox extends RunningSandbox {
	/** url + '/api/v0' */
	baseUrl: string;
	apiKey: string;
	apiSecret: string;
	ownOrganizationId: string;
	/** E-mail and password of the own organization's owner: the e-mail and password login. */
	ownerEmail: string;
	ownerPassword: string;
	tokens: TokenStore<FiskalyTokenSubject>;
	state: {
		organizations: Map<string, any>;
		/** key _id -> API key, including its secret and internal organization_id. */
		apiKeys: Map<string, any>;
		/** user _id -> user, including internal organization_ids (memberships). */
		users: Map<string, any>;
		billingAddresses: Map<string, any>;
	};
	stats: FiskalyStats;
	/** Adds many organizations, API keys or users at once, without the API (see SeedRequest). Returns their ids. */
	seed(request: SeedRequest): { organizations: string[]; apiKeys: string[]; users: string[] };
}

export async function startFiskalySandbox(options: FiskalySandboxOptions = {}): Promise<FiskalySandbox> {
	const apiKey = options.apiKey ?? 'test_api_key';
	const apiSecret = options.apiSecret ?? 'test_api_secret';
	const { state, ownOrganizationId } = createFiskalyState({
		apiKey,
		apiSecret,
		seedOrganizations: options.seedOrganizations ?? 0,
		seedApiKeys: options.seedApiKeys,
		seedUsers: options.seedUsers,
	});
	const ctx: FiskalyContext = {
		state,
		tokens: new TokenStore<FiskalyTokenSubject>(),
		stats: { logins: 0, refreshes: 0, unauthorized: 0 },
		accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 300,
		refreshTokenLifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 600,
		userPasswords: new Map(),
		refresh: { singleUse: options.singleUseRefreshTokens ?? false, omitNewRefreshToken: options.refreshWithoutNewRefreshToken ?? false },
	};

	const owner = [...state.users.values()].find((user) => user.organization_ids.includes(ownOrganizationId))!;
	const ownerPassword = options.ownerPassword ?? 'test_password';
	ctx.userPasswords.set(owner._id, ownerPassword);

	const sandbox = await startSandbox({
		name: 'fiskaly-management',
		port: options.port,
		routes: [
			...authRoutes(ctx),
			...organizationRoutes(ctx),
			...apiKeyRoutes(ctx),
			...userRoutes(ctx),
			...billingAddressRoutes(ctx),
		],
		onRequest: requireAccessToken(ctx),
		decorateResponse: (response) => {
			response.headers = { ...response.headers, 'X-Request-ID': newUuid() };
			if (response.status === 401) ctx.stats.unauthorized += 1;
		},
		// Vendor error shape: { status_code, error, code, message }.
		errorBody: ({ status, code, message }) => ({ status_code: status, error: reasonPhrase(status), code, message }),
	});

	return Object.assign(sandbox, {
		baseUrl: sandbox.url + BASE_PATH,
		apiKey,
		apiSecret,
		ownOrganizationId,
		ownerEmail: owner.email,
		ownerPassword,
		tokens: ctx.tokens,
		state,
		stats: ctx.stats,
		seed: (request: SeedRequest) => seedRecords(state, ownOrganizationId, request),
	});
}
