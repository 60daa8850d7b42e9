/** /analytics/turnover/{interval}, /analytics/customers/{limit} and the per-company /prognosis. */
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	jsonBody,
	ok,
	round2,
	settingsOf,
	today,
	validate,
	type StoredInvoice,
	type TheNextInvoiceContext,
} from './context';
import { calculate, customerName } from './invoice-model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Finalized, not deleted invoices (credit invoices count negative through their amounts). */
function turnoverInvoices(ctx: TheNextInvoiceContext, companyId: number): StoredInvoice[] {
	return [...ctx.state.invoices.values()].filter(
		(invoice) => invoice.companyId === companyId && !invoice.deleted && invoice.status === 1 && invoice.kind === 'invoice',
	);
}

export function analyticsRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	return [
		{
			method: 'GET',
			path: `${BASE_PATH}/analytics/turnover/:interval`,
			handler: (req) => {
				const interval = req.params.interval;
				if (interval !== 'month' && interval !== 'year') throw badRequest('Invalid interval (allowed: month, year)');
				const now = new Date();
				const periods: { key: string; label: string }[] = [];
				for (let back = 11; back >= 0; back--) {
					if (interval === 'year') {
						const year = now.getUTCFullYear() - back;
						periods.push({ key: String(year), label: String(year) });
					} else {
						const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
						const key = date.toISOString().slice(0, 7);
						periods.push({ key, label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` });
					}
				}
				const sums = new Map<string, number>(periods.map((p) => [p.key, 0]));
				for (const invoice of turnoverInvoices(ctx, companyOf(ctx, req))) {
					const date = String(invoice.meta.sendDate ?? '');
					const key = interval === 'year' ? date.slice(0, 4) : date.slice(0, 7);
					if (sums.has(key)) sums.set(key, (sums.get(key) ?? 0) + calculate(ctx, invoice).totalExclVat);
				}
				return ok({ labels: periods.map((p) => p.label), values: periods.map((p) => round2(sums.get(p.key) ?? 0)) });
			},
		},
		{
			method: 'GET',
			path: `${BASE_PATH}/analytics/customers/:limit`,
			handler: (req) => {
				const limit = /^\d+$/.test(req.params.limit) ? Number(req.params.limit) : NaN;
				if (!(limit >= 1 && limit <= 50)) throw badRequest('Invalid limit (must be 1-50)');
				const since = today(-365);
				const totals = new Map<number, { customerid: number; companyname: string; amount: number }>();
				for (const invoice of turnoverInvoices(ctx, companyOf(ctx, req))) {
					if (invoice.customerId === null || String(invoice.meta.sendDate ?? '') < since) continue;
					const entry = totals.get(invoice.customerId) ?? { customerid: invoice.customerId, companyname: customerName(ctx, invoice), amount: 0 };
					entry.amount = round2(entry.amount + calculate(ctx, invoice).totalExclVat);
					totals.set(invoice.customerId, entry);
				}
				return ok([...totals.values()].sort((a, b) => b.amount - a.amount || a.customerid - b.customerid).slice(0, limit));
			},
		},
		{ method: 'GET', path: `${BASE_PATH}/prognosis`, handler: (req) => ok(settingsOf(ctx, companyOf(ctx, req)).prognosis) },
		...(['POST', 'PUT'] as const).map(
			(method): SandboxRoute => ({
				method,
				path: `${BASE_PATH}/prognosis`,
				handler: (req) => {
					const companyId = companyOf(ctx, req);
					const body = jsonBody(req);
					validate(body, {
						start_month: { type: 'integer', required: true },
						start_year: { type: 'integer', required: true },
						costs: { type: 'array', required: true },
						debts: { type: 'array', required: true },
						revenue: { type: 'array', required: true },
					});
					if ((body.start_month as number) < 1 || (body.start_month as number) > 12) throw badRequest('start_month must be 1-12');
					if ((body.start_year as number) < 1970 || (body.start_year as number) > 2200) throw badRequest('start_year is not a valid year');
					for (const name of ['costs', 'debts', 'revenue']) {
						if (!(body[name] as unknown[]).every((value) => typeof value === 'number' && Number.isFinite(value))) {
							throw badRequest(`${name} must be an array of numbers`);
						}
					}
					const settings = settingsOf(ctx, companyId);
					settings.prognosis = {
						id: (settings.prognosis?.id as number | undefined) ?? ctx.nextId('prognosis'),
						company_id: companyId,
						start_month: body.start_month,
						start_year: body.start_year,
						costs: [...(body.costs as number[])],
						debts: [...(body.debts as number[])],
						revenue: [...(body.revenue as number[])],
					};
					return ok(settings.prognosis);
				},
			}),
		),
	];
}
