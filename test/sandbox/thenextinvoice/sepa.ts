/** SEPA direct-debit batches: created from invoices (POST /invoice/{ids}/sepa), listed, totalled, downloaded. */
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	file,
	findOwned,
	isValidDate,
	ok,
	pageOf,
	queryBool,
	queryInt,
	round2,
	settingsOf,
	sortBy,
	timestamp,
	type StoredInvoice,
	type StoredSepaBatch,
	type TheNextInvoiceContext,
} from './context';
import { sepaDocument } from './documents';
import { calculate, customerName } from './invoice-model';

export function createSepaBatch(ctx: TheNextInvoiceContext, invoices: StoredInvoice[], date: string): Record<string, unknown> {
	const inBatch = invoices.filter((invoice) => invoice.sepaBatchId !== null);
	if (inBatch.length > 0) throw badRequest(`Invoice ${inBatch.map((i) => i.id).join(',')} is already in a SEPA batch`);
	const currencies = new Set(invoices.map((invoice) => String(invoice.meta.currency ?? 'EUR')));
	if (currencies.size > 1) throw badRequest('All invoices of a SEPA batch must have the same currency');
	const id = ctx.nextId('sepaBatch');
	let incl = 0;
	let excl = 0;
	for (const invoice of invoices) {
		const calculated = calculate(ctx, invoice);
		incl += calculated.totalInclVat;
		excl += calculated.totalExclVat;
		invoice.sepaBatchId = id;
	}
	const batch: StoredSepaBatch = {
		companyId: invoices[0].companyId,
		id,
		date,
		invoiceIds: invoices.map((invoice) => invoice.id),
		currency: [...currencies][0] ?? 'EUR',
		amount_incl: round2(incl),
		amount_excl: round2(excl),
		createdAt: timestamp(),
	};
	ctx.state.sepaBatches.set(id, batch);
	countCreate(ctx, 'sepaBatch');
	return publicSepaBatch(batch);
}

export function publicSepaBatch(batch: StoredSepaBatch): Record<string, unknown> {
	return {
		id: batch.id,
		company_id: batch.companyId,
		date: batch.date,
		invoices: [...batch.invoiceIds],
		count: batch.invoiceIds.length,
		currency: batch.currency,
		amount_incl: batch.amount_incl,
		amount_excl: batch.amount_excl,
		created: batch.createdAt,
	};
}

const ORDERS: Record<string, (batch: StoredSepaBatch) => unknown> = {
	id: (batch) => batch.id,
	date: (batch) => batch.date,
	collection_date: (batch) => batch.date,
	amount: (batch) => batch.amount_incl,
};

function searchBatches(ctx: TheNextInvoiceContext, companyId: number, query: Record<string, string>): StoredSepaBatch[] {
	const order = query.order || 'id';
	if (!ORDERS[order]) throw badRequest(`order must be one of ${Object.keys(ORDERS).join(', ')}`);
	for (const name of ['mindate', 'maxdate'] as const) {
		if (query[name] && !isValidDate(query[name])) throw badRequest(`${name} must be a date (YYYY-MM-DD)`);
	}
	const matching = [...ctx.state.sepaBatches.values()].filter(
		(batch) =>
			batch.companyId === companyId &&
			(!query.mindate || batch.date >= query.mindate) &&
			(!query.maxdate || batch.date <= query.maxdate) &&
			(!query.minamount || batch.amount_incl >= Number(query.minamount)) &&
			(!query.maxamount || batch.amount_incl <= Number(query.maxamount)),
	);
	return sortBy(matching, ORDERS[order], queryBool(query, 'reverse'));
}

export function sepaRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	return [
		{
			method: 'GET',
			path: `${BASE_PATH}/sepa/search`,
			handler: (req) => {
				const limit = queryInt(req.query, 'limit', 20, 1, 100);
				const page = queryInt(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
				const result = pageOf(searchBatches(ctx, companyOf(ctx, req), req.query), page, limit);
				return ok({
					current: result.current,
					first: result.first,
					previous: result.previous,
					next: result.next,
					last: result.last,
					limit: result.limit,
					total_items: result.totalItems,
					items: result.items.map(publicSepaBatch),
				});
			},
		},
		{
			method: 'GET',
			path: `${BASE_PATH}/sepa/totals`,
			handler: (req) => {
				const totals: Record<string, { amount_incl: number; amount_excl: number }> = {};
				for (const batch of searchBatches(ctx, companyOf(ctx, req), req.query)) {
					const entry = (totals[batch.currency] ??= { amount_incl: 0, amount_excl: 0 });
					entry.amount_incl = round2(entry.amount_incl + batch.amount_incl);
					entry.amount_excl = round2(entry.amount_excl + batch.amount_excl);
				}
				return ok(totals);
			},
		},
		{
			method: 'GET',
			path: `${BASE_PATH}/sepa/:id/view`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const batch = findOwned(ctx.state.sepaBatches, companyId, req.params.id, `SEPA batch ${req.params.id} not found`);
				const creditor = settingsOf(ctx, companyId).sepa;
				const xml = sepaDocument({
					batchId: batch.id,
					creditorName: creditor.creditor_name || (ctx.state.companies.get(companyId)?.name ?? ''),
					creditorIban: creditor.iban,
					creditorId: creditor.creditor_identifier,
					collectionDate: batch.date,
					currency: batch.currency,
					transactions: batch.invoiceIds.map((invoiceId) => {
						const invoice = ctx.state.invoices.get(invoiceId) as StoredInvoice;
						const customer = invoice.customerId === null ? undefined : ctx.state.customers.get(invoice.customerId);
						return {
							endToEndId: `TNI-${invoice.number ?? invoice.id}`,
							amount: calculate(ctx, invoice).totalInclVat,
							debtorName: customerName(ctx, invoice),
							debtorIban: String(customer?.fields.iban ?? ''),
							remittance: `Invoice ${invoice.number ?? invoice.id}`,
						};
					}),
				});
				return file(xml, 'application/xml', `sepa-${batch.id}.xml`);
			},
		},
	];
}
