/**
 * The identity server (OAuth2 password and refresh_token grants, form-encoded, as IdentityServer answers them) and
 * the API's checks on every call: a valid bearer token and the required x-api-version header.
 */
import { json, type SandboxRequest, type SandboxResponse, type SandboxRoute } from '../framework';
import { BASE_PATH, fail, TOKEN_PATH, type SemansysContext, type SemansysTokenSubject } from './context';

const oauthError = (status: number, error: string, description: string) => json(status, { error, error_description: description });

function grant(ctx: SemansysContext, subject: SemansysTokenSubject): SandboxResponse {
	const access = ctx.accessTokens.issue(subject, ctx.tokenLifetimeSeconds);
	const refresh = ctx.refreshTokens.issue(subject, ctx.refreshLifetimeSeconds);
	return json(200, { access_token: access.token, token_type: 'Bearer', expires_in: ctx.tokenLifetimeSeconds, refresh_token: refresh.token, scope: 'openapi offline_access' });
}

export function tokenRoutes(ctx: SemansysContext): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: TOKEN_PATH,
			handler: (req) => {
				if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || typeof req.body !== 'object' || Buffer.isBuffer(req.body)) {
					return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded');
				}
				const form = req.body as Record<string, string>;
				if (form.client_id !== ctx.clientId || form.client_secret !== ctx.clientSecret) return oauthError(401, 'invalid_client', 'Invalid client credentials');
				if (form.grant_type === 'password') {
					ctx.stats.passwordGrants += 1;
					if (form.username !== ctx.username || form.password !== ctx.password) return oauthError(400, 'invalid_grant', 'invalid_username_or_password');
					return grant(ctx, { username: form.username, clientId: form.client_id });
				}
				if (form.grant_type === 'refresh_token') {
					ctx.stats.refreshGrants += 1;
					const subject = ctx.refreshTokens.validate(form.refresh_token);
					if (!subject) {
						ctx.stats.refusedRefreshes += 1;
						return oauthError(400, 'invalid_grant', 'The refresh token is invalid or has expired');
					}
					// One-time refresh tokens (IdentityServer's default).
					ctx.refreshTokens.revoke(form.refresh_token);
					return grant(ctx, subject);
				}
				return oauthError(400, 'unsupported_grant_type', `Grant type ${String(form.grant_type)} is not supported`);
			},
		},
	];
}

/** The `onRequest` hook for API paths. */
export function authenticate(ctx: SemansysContext) {
	return (req: SandboxRequest): SandboxResponse | undefined => {
		if (req.path === TOKEN_PATH || !req.path.startsWith(BASE_PATH)) return undefined;
		const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
		if (!token || !ctx.accessTokens.validate(token)) {
			ctx.stats.unauthorized += 1;
			// ASP.NET answers 401 without a body.
			return { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
		}
		const version = req.headers['x-api-version'];
		if (!version) throw fail(400, 'The x-api-version header is required');
		// Semansys runs old and new versions side by side (its notification-periods page): the current one and V1.
		if (version !== ctx.apiVersion && version !== ctx.olderApiVersion) throw fail(400, `API version ${version} is not supported`);
		return undefined;
	};
}
