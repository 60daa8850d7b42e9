/**
 * POST /auth (api_key + api_secret, email + password, or refresh_token) and the bearer check every other route
 * needs. The e-mail and password body is our reading of the evidence (changelog 0.5.0 "UserAuthentication" via
 * "E-Mail and password"; fiskaly's SDKs carry `email` and `password` in their context), not shown by fiskaly.
 * A refresh answers with a new pair; the used refresh token stays valid until it expires (nothing shows fiskaly
 * revoking it), unless the `singleUseRefreshTokens` fault switch is on.
 */
import { assertValid, json, requireJsonObject, SandboxHttpError, type SandboxRequest, type SandboxRoute } from '../framework';
import { BASE_PATH, validationError, type FiskalyContext, type StoredApiKey } from './context';

const AUTH_PATH = `${BASE_PATH}/auth`;
/** Older clients send refresh_token together with api_key/api_secret ("one of" body in the v0.1 draft). */
const GRANT_OPTIONS = { allowUnknown: true };

export function authRoutes(ctx: FiskalyContext): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: AUTH_PATH,
			handler: (req) => {
				const body = requireJsonObject(req);
				if (body.refresh_token !== undefined) return refreshGrant(ctx, body);
				if (body.api_key !== undefined || body.api_secret !== undefined) return apiKeyGrant(ctx, body);
				if (body.email !== undefined || body.password !== undefined) return userGrant(ctx, body);
				throw validationError('Either api_key and api_secret, email and password, or refresh_token, is required');
			},
		},
	];
}

/** `onRequest` hook: everything but POST /auth needs a valid, unexpired access token. */
export function requireAccessToken(ctx: FiskalyContext) {
	return (req: SandboxRequest): undefined => {
		if (req.method === 'POST' && req.path === AUTH_PATH) return undefined;
		const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
		if (!token) throw unauthorized('Missing bearer token in the Authorization header');
		if (ctx.tokens.validate(token)?.kind !== 'access') {
			throw unauthorized('The access token is invalid, expired or revoked');
		}
		return undefined;
	};
}

function apiKeyGrant(ctx: FiskalyContext, body: Record<string, unknown>) {
	assertValid(body, {
		api_key: { type: 'string', required: true, minLength: 1 },
		api_secret: { type: 'string', required: true, minLength: 1 },
	}, GRANT_OPTIONS);
	ctx.stats.logins += 1;
	const apiKey = [...ctx.state.apiKeys.values()].find((candidate) => candidate.key === body.api_key);
	if (!apiKey || apiKey.secret !== body.api_secret || !isUsable(ctx, apiKey)) {
		throw unauthorized('Invalid API key or secret');
	}
	return issueTokenPair(ctx, apiKeySubject(apiKey));
}

function userGrant(ctx: FiskalyContext, body: Record<string, unknown>) {
	assertValid(body, {
		email: { type: 'string', required: true, minLength: 1 },
		password: { type: 'string', required: true, minLength: 1 },
	}, GRANT_OPTIONS);
	ctx.stats.logins += 1;
	const user = [...ctx.state.users.values()].find((candidate) => candidate.email === body.email);
	if (!user || ctx.userPasswords.get(user._id) !== body.password) throw unauthorized('Invalid e-mail or password');
	return issueTokenPair(ctx, { organizationId: user.organization_ids[0], userId: user._id });
}

const apiKeySubject = (apiKey: StoredApiKey) => ({ organizationId: apiKey.organization_id, apiKeyId: apiKey._id });

function refreshGrant(ctx: FiskalyContext, body: Record<string, unknown>) {
	assertValid(body, { refresh_token: { type: 'string', required: true, minLength: 1 } }, GRANT_OPTIONS);
	ctx.stats.refreshes += 1;
	const refreshToken = body.refresh_token as string;
	const subject = ctx.tokens.validate(refreshToken);
	if (subject?.kind !== 'refresh') throw unauthorized('The refresh token is invalid, expired or already used');
	if (ctx.refresh.singleUse) ctx.tokens.revoke(refreshToken);
	if (subject.userId) {
		if (!ctx.state.users.has(subject.userId)) throw unauthorized('The user of this refresh token no longer exists');
		return issueTokenPair(ctx, { organizationId: subject.organizationId, userId: subject.userId }, !ctx.refresh.omitNewRefreshToken);
	}
	const apiKey = ctx.state.apiKeys.get(subject.apiKeyId ?? '');
	if (!apiKey || !isUsable(ctx, apiKey)) throw unauthorized('The API key of this refresh token is no longer usable');
	return issueTokenPair(ctx, apiKeySubject(apiKey), !ctx.refresh.omitNewRefreshToken);
}

/** Disabled keys and keys of deleted organizations cannot log in or refresh. */
function isUsable(ctx: FiskalyContext, apiKey: StoredApiKey): boolean {
	return apiKey.status === 'enabled' && ctx.state.organizations.has(apiKey.organization_id);
}

/** The login answer: an access token, and a refresh token unless `withRefreshToken` is false. */
function issueTokenPair(ctx: FiskalyContext, who: { organizationId: string; apiKeyId?: string; userId?: string }, withRefreshToken = true) {
	const subject = { ...who, env: 'TEST' as const };
	const access = ctx.tokens.issue({ ...subject, kind: 'access' }, ctx.accessTokenLifetimeSeconds);
	const refresh = withRefreshToken ? ctx.tokens.issue({ ...subject, kind: 'refresh' }, ctx.refreshTokenLifetimeSeconds) : undefined;
	return json(200, {
		access_token: access.token,
		access_token_claims: { env: subject.env, organization_id: subject.organizationId },
		access_token_expires_in: access.expiresIn,
		access_token_expires_at: access.expiresAt,
		...(refresh && { refresh_token: refresh.token, refresh_token_expires_in: refresh.expiresIn, refresh_token_expires_at: refresh.expiresAt }),
	});
}

function unauthorized(message: string): SandboxHttpError {
	return new SandboxHttpError(401, 'E_UNAUTHORIZED', message);
}
