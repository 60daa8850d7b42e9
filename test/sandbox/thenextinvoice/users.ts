/** /settings/user: who has access to the current company, with which role. */
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	EMAIL_PATTERN,
	fail,
	jsonBody,
	notFound,
	ok,
	parseIdOrUndefined,
	validate,
	type StoredMembership,
	type TheNextInvoiceContext,
} from './context';

const ROLES = ['owner', 'employee'] as const;

export function userRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { users, memberships } = ctx.state;
	const PATH = `${BASE_PATH}/settings/user`;

	const publicMember = (membership: StoredMembership) => {
		const user = users.get(membership.userId);
		return { id: membership.userId, email: user?.email ?? '', name: user?.name ?? '', role: membership.role, language: user?.language ?? '' };
	};

	function membershipOf(companyId: number, rawId: string): StoredMembership {
		const userId = parseIdOrUndefined(rawId);
		const membership = memberships.find((m) => m.companyId === companyId && m.userId === userId);
		if (!membership) throw notFound('User not in company');
		return membership;
	}

	function isSoleOwner(membership: StoredMembership): boolean {
		return membership.role === 'owner' && memberships.filter((m) => m.companyId === membership.companyId && m.role === 'owner').length === 1;
	}

	return [
		{
			method: 'GET',
			path: PATH,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				return ok(memberships.filter((m) => m.companyId === companyId).sort((a, b) => a.userId - b.userId).map(publicMember));
			},
		},
		{
			method: 'POST',
			path: PATH,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const body = jsonBody(req);
				validate(body, {
					email: { type: 'string', required: true, pattern: EMAIL_PATTERN },
					role: { type: 'string', required: true, enum: ROLES },
					password: { type: 'string' },
					name: { type: 'string' },
					language: { type: 'string', pattern: /^[a-z]{2}$/i },
				});
				const email = (body.email as string).toLowerCase();
				let user = [...users.values()].find((u) => u.email.toLowerCase() === email);
				if (user && memberships.some((m) => m.companyId === companyId && m.userId === user?.id)) {
					throw fail(403, 'User already in company');
				}
				if (!user) {
					const missing = ['password', 'name', 'language'].filter((name) => typeof body[name] !== 'string' || body[name] === '');
					if (missing.length > 0) throw badRequest(`${missing.join(', ')} required when creating a new account`);
					const id = ctx.nextId('user');
					user = {
						id,
						email: body.email as string,
						name: body.name as string,
						password: body.password as string,
						language: (body.language as string).toLowerCase(),
						twoFactor: { status: 'disabled', recoveryCodes: [] },
					};
					users.set(id, user);
					countCreate(ctx, 'user');
				}
				memberships.push({ companyId, userId: user.id, role: body.role as StoredMembership['role'] });
				return ok({ id: user.id, email: user.email, name: user.name, language: user.language });
			},
		},
		{
			method: 'PUT',
			path: `${PATH}/:id`,
			handler: (req) => {
				const membership = membershipOf(companyOf(ctx, req), req.params.id);
				const body = jsonBody(req);
				validate(body, { role: { type: 'string', required: true, enum: ROLES } });
				if (body.role === 'employee' && isSoleOwner(membership)) throw fail(403, 'The sole owner cannot be demoted');
				membership.role = body.role as StoredMembership['role'];
				return ok(publicMember(membership));
			},
		},
		{
			method: 'DELETE',
			path: `${PATH}/:id`,
			handler: (req) => {
				const membership = membershipOf(companyOf(ctx, req), req.params.id);
				if (isSoleOwner(membership)) throw fail(403, 'The sole owner cannot be removed');
				memberships.splice(memberships.indexOf(membership), 1);
				return ok('User removed from company');
			},
		},
	];
}
