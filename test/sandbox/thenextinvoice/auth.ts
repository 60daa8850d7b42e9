/** Authentication: X-Api-Token or a JWT from POST /session/jwt; POST /session/jwt/switch changes the company. */
import { randomToken, type SandboxRequest, type SandboxResponse, type SandboxRoute } from '../framework';
import { BASE_PATH, caller, fail, jsonBody, ok, validate, type TheNextInvoiceContext } from './context';

const LOGIN_PATH = `${BASE_PATH}/session/jwt`;

/** The `onRequest` hook: every route except the login needs one of the two credentials. */
export function authenticate(ctx: TheNextInvoiceContext, defaultCompanyId: number, ownerId: number) {
	return (req: SandboxRequest): SandboxResponse | undefined => {
		if (req.method === 'POST' && req.path === LOGIN_PATH) return undefined;
		const apiToken = req.headers['x-api-token'];
		if (apiToken !== undefined) {
			if (apiToken !== ctx.apiToken) throw fail(401, 'Invalid API token');
			ctx.callers.set(req, { kind: 'apiToken', userId: ownerId, companyId: defaultCompanyId });
			return undefined;
		}
		const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
		if (!match) throw fail(401, 'Authentication required: send X-Api-Token or Authorization: Bearer <jwt>');
		const subject = ctx.tokens.validate(jwtSignature(match[1]));
		if (!subject) throw fail(401, 'The token is invalid or has expired');
		// A company the user lost access to in the meantime invalidates the token.
		if (!hasAccess(ctx, subject.userId, subject.companyId)) throw fail(401, 'No access to this company');
		ctx.callers.set(req, { kind: 'jwt', userId: subject.userId, companyId: subject.companyId });
		return undefined;
	};
}

/**
 * A JWT-shaped token (header.payload.signature) so clients that read `exp` work; the signature part is the
 * TokenStore's opaque token and the only part that is checked, so an edited payload grants nothing.
 */
export function issueJwt(ctx: TheNextInvoiceContext, userId: number, companyId: number): string {
	const issued = ctx.tokens.issue({ userId, companyId }, ctx.jwtLifetimeSeconds);
	const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const payload = { iss: 'api.thenextinvoice.com', sub: userId, company: companyId, iat: issued.expiresAt - issued.expiresIn, exp: issued.expiresAt };
	return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${issued.token}`;
}

function jwtSignature(token: string): string {
	const parts = token.split('.');
	return parts.length === 3 ? parts[2] : '';
}

export function hasAccess(ctx: TheNextInvoiceContext, userId: number, companyId: number): boolean {
	return ctx.state.memberships.some((m) => m.userId === userId && m.companyId === companyId);
}

export function authRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: LOGIN_PATH,
			handler: (req) => {
				ctx.stats.logins += 1;
				const body = jsonBody(req);
				validate(body, {
					email: { type: 'string', required: true },
					password: { type: 'string', required: true },
					company: { type: 'integer' },
				});
				const user = [...ctx.state.users.values()].find((u) => u.email.toLowerCase() === String(body.email).toLowerCase());
				const memberships = user ? ctx.state.memberships.filter((m) => m.userId === user.id) : [];
				const companyId = typeof body.company === 'number' ? body.company : memberships[0]?.companyId;
				if (!user || user.password !== body.password || companyId === undefined || !hasAccess(ctx, user.id, companyId)) {
					throw fail(401, 'The given combination of email, password (and optionally company) is not found.');
				}
				return ok({ token: issueJwt(ctx, user.id, companyId), status: 'confirmed' });
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/session/jwt/switch`,
			handler: (req) => {
				const auth = caller(ctx, req);
				const body = jsonBody(req);
				validate(body, { company: { type: 'integer', required: true } });
				if (auth.kind !== 'jwt') throw fail(401, 'Switching companies needs a JWT session (API tokens belong to one company)');
				if (!hasAccess(ctx, auth.userId, body.company as number)) {
					throw fail(401, 'You do not have access to the given company, or it does not exist');
				}
				return ok({ token: issueJwt(ctx, auth.userId, body.company as number) });
			},
		},
		{
			method: 'GET',
			path: `${BASE_PATH}/token/lilium`,
			// Only for the (undocumented) notification stream service; it is not an API credential.
			handler: () => ok(randomToken(24)),
		},
	];
}
