/** GET /company (the user's companies) and GET/PUT /preferences. */
import type { SandboxRoute } from '../framework';
import { BASE_PATH, caller, companyOf, fail, jsonBody, ok, settingsOf, validate, type TheNextInvoiceContext } from './context';

export function companyRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	function preferences(companyId: number, userId: number) {
		const settings = settingsOf(ctx, companyId);
		const user = ctx.state.users.get(userId);
		return {
			...settings.preferences,
			addons: [...settings.preferences.addons],
			user_data: { name: user?.name ?? '', email: user?.email ?? '' },
			company_name: ctx.state.companies.get(companyId)?.name ?? '',
		};
	}

	return [
		{
			method: 'GET',
			path: `${BASE_PATH}/company`,
			handler: (req) => {
				const { userId } = caller(ctx, req);
				const companies = ctx.state.memberships
					.filter((membership) => membership.userId === userId)
					.map((membership) => ctx.state.companies.get(membership.companyId))
					.filter((company) => company !== undefined);
				if (companies.length === 0) throw fail(401, 'You do not have access to any companies');
				return ok(
					companies.map((company) => {
						const numbers = settingsOf(ctx, company.id).numbers;
						return { ...company, next_number: numbers.invoice, next_qnumber: numbers.quotation };
					}),
				);
			},
		},
		{
			method: 'GET',
			path: `${BASE_PATH}/preferences`,
			handler: (req) => ok(preferences(companyOf(ctx, req), caller(ctx, req).userId)),
		},
		{
			method: 'PUT',
			path: `${BASE_PATH}/preferences`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, { language: { type: 'string', required: true, pattern: /^[A-Za-z]{2}$/ } });
				const { companyId, userId } = caller(ctx, req);
				settingsOf(ctx, companyId).preferences.language = (body.language as string).toUpperCase();
				const user = ctx.state.users.get(userId);
				if (user) user.language = (body.language as string).toLowerCase();
				return ok(preferences(companyId, userId));
			},
		},
	];
}
