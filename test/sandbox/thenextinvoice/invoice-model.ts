/**
 * Invoice rules shared by the invoice routes, the SEPA/analytics routes and the control helpers: body
 * validation, totals, numbering on finalize, the derived statuses and the search filters.
 */
import { isPlainObject } from '../framework';
import {
	badRequest,
	includesIgnoreCase,
	isValidDate,
	queryBool,
	round2,
	settingsOf,
	sortBy,
	timestamp,
	today,
	type InvoiceCalculated,
	type InvoiceKind,
	type InvoiceLine,
	type StoredInvoice,
	type TheNextInvoiceContext,
} from './context';
import { paymentToken } from './state';

export const INVOICE_STATUSES = ['open', 'paid', 'pastdue', 'credit', 'credited', 'reminded', 'booked', 'notbooked', 'sepa'] as const;
export const INVOICE_SEARCH_TYPES = ['invoice', 'quotation', 'recurring', 'draft', 'sepa'] as const;
export const INVOICE_ORDERS = ['id', 'customer', 'number', 'date', 'duedate', 'collection_date', 'amount'] as const;

export interface InvoiceInput {
	discount: number;
	includesVat: boolean;
	lines: InvoiceLine[];
	meta: Record<string, unknown>;
	receiver: unknown;
	sender: unknown;
	status: 0 | 1;
	text: Record<string, unknown>;
	type: '' | 'C' | 'I';
	creationToken?: string;
	customerId: number | null;
}

/** Validates a create/update body (the documented Invoice object) against the company's data. */
export function parseInvoiceInput(ctx: TheNextInvoiceContext, companyId: number, body: Record<string, unknown>): InvoiceInput {
	const errors: string[] = [];
	if (body.creationToken !== undefined && (typeof body.creationToken !== 'string' || body.creationToken.trim() === '')) {
		errors.push('creationToken must be a non-empty string');
	}
	if (typeof body.discount !== 'number' || !Number.isFinite(body.discount)) errors.push('discount is required and must be a number');
	else if (body.discount < 0 || body.discount > 100) errors.push('discount must be a percentage between 0 and 100');
	if (typeof body.includesVat !== 'boolean') errors.push('includesVat is required and must be a boolean');
	if (!isPlainObject(body.meta)) errors.push('meta is required and must be an object');
	else {
		for (const field of ['dueDate', 'sendDate'] as const) {
			const value = body.meta[field];
			if (value !== undefined && value !== null && !isValidDate(value)) errors.push(`meta.${field} must be a date (YYYY-MM-DD)`);
		}
		if (body.meta.currency !== undefined && (typeof body.meta.currency !== 'string' || !/^[A-Z]{3}$/.test(body.meta.currency))) {
			errors.push('meta.currency must be an ISO 4217 code');
		}
	}
	if (!isPlainObject(body.text)) errors.push('text is required and must be an object');
	const status = body.status ?? 0;
	if (status !== 0 && status !== 1) errors.push('status must be 0 (draft) or 1 (finalized)');
	const type = body.type ?? '';
	if (type !== '' && type !== 'C' && type !== 'I') errors.push("type must be '' (regular), 'C' (credit) or 'I' (automatic collection)");

	let customerId: number | null = null;
	if (typeof body.receiver === 'number') {
		const customer = ctx.state.customers.get(body.receiver);
		if (!customer || customer.companyId !== companyId) errors.push(`receiver ${body.receiver} is not a customer of this company`);
		else customerId = customer.id;
	} else if (isPlainObject(body.receiver)) {
		if (typeof body.receiver.companyname !== 'string' || body.receiver.companyname.trim() === '') {
			errors.push('receiver.companyname is required');
		}
		if (typeof body.receiver.id === 'number' || typeof body.receiver.id === 'string') {
			const customer = ctx.state.customers.get(Number(body.receiver.id));
			if (customer?.companyId === companyId) customerId = customer.id;
		}
	} else errors.push('receiver is required: a customer id or a receiver object');

	if (typeof body.sender === 'number') {
		const profile = ctx.state.profiles.get(body.sender);
		if (!profile || profile.companyId !== companyId) errors.push(`sender ${body.sender} is not a profile of this company`);
	} else if (!isPlainObject(body.sender)) errors.push('sender is required: a profile id or a sender object');

	const lines: InvoiceLine[] = [];
	if (!Array.isArray(body.lines) || body.lines.length === 0) errors.push('lines is required and must be a non-empty array');
	else {
		body.lines.forEach((raw, index) => {
			const line = parseLine(ctx, companyId, raw, `lines[${index}]`, errors);
			if (line) lines.push(line);
		});
	}
	if (errors.length > 0) throw badRequest(errors.join('; '));
	return {
		discount: body.discount as number,
		includesVat: body.includesVat as boolean,
		lines,
		meta: { ...(body.meta as Record<string, unknown>) },
		receiver: body.receiver,
		sender: body.sender,
		status: status as 0 | 1,
		text: { ...(body.text as Record<string, unknown>) },
		type: type as '' | 'C' | 'I',
		creationToken: body.creationToken as string | undefined,
		customerId,
	};
}

function parseLine(ctx: TheNextInvoiceContext, companyId: number, raw: unknown, at: string, errors: string[]): InvoiceLine | undefined {
	if (!isPlainObject(raw)) {
		errors.push(`${at} must be an object`);
		return undefined;
	}
	if (typeof raw.description !== 'string') errors.push(`${at}.description is required and must be a string`);
	const valueFields = ['quantity', 'ledger', 'vat', 'price'] as const;
	const nulls = valueFields.filter((name) => raw[name] === null);
	if (nulls.length === valueFields.length) {
		return { description: String(raw.description ?? ''), ledger: null, price: null, quantity: null, vat: null };
	}
	if (nulls.length > 0) errors.push(`${at}: ${nulls.join(', ')} can only be null when quantity, ledger, vat and price are all null`);
	for (const name of ['quantity', 'price'] as const) {
		if (raw[name] !== null && (typeof raw[name] !== 'number' || !Number.isFinite(raw[name]))) errors.push(`${at}.${name} must be a number`);
	}
	if (typeof raw.ledger === 'number') {
		const ledger = ctx.state.ledgerNumbers.get(raw.ledger);
		if (!ledger || ledger.companyId !== companyId) errors.push(`${at}.ledger ${raw.ledger} does not exist`);
	} else if (raw.ledger !== null && !isPlainObject(raw.ledger)) errors.push(`${at}.ledger must be a ledger id or object`);
	if (typeof raw.vat === 'number') {
		const vat = ctx.state.vatCodes.get(raw.vat);
		if (!vat || vat.companyId !== companyId) errors.push(`${at}.vat ${raw.vat} does not exist`);
	} else if (raw.vat !== null && !isPlainObject(raw.vat)) errors.push(`${at}.vat must be a VAT id or object`);
	else if (isPlainObject(raw.vat) && (typeof raw.vat.factor !== 'number' || raw.vat.factor < 1)) {
		errors.push(`${at}.vat.factor must be a number >= 1`);
	}
	return {
		description: String(raw.description ?? ''),
		ledger: raw.ledger,
		price: raw.price as number,
		quantity: raw.quantity as number,
		vat: raw.vat,
	};
}

function vatFactor(ctx: TheNextInvoiceContext, vat: unknown): number {
	if (typeof vat === 'number') return ctx.state.vatCodes.get(vat)?.factor ?? 1;
	if (isPlainObject(vat) && typeof vat.factor === 'number') return vat.factor;
	return 1;
}

/** Totals as the vendor shows them; vatTotals are keyed by the rate in percent. */
export function calculate(ctx: TheNextInvoiceContext, invoice: Pick<StoredInvoice, 'lines' | 'discount' | 'includesVat'>): InvoiceCalculated {
	let excl = 0;
	let vatSum = 0;
	const vatTotals: Record<string, number> = {};
	const keep = 1 - invoice.discount / 100;
	let discountApplied = 0;
	for (const line of invoice.lines) {
		if (line.price === null || line.quantity === null) continue;
		const factor = vatFactor(ctx, line.vat);
		const gross = line.price * line.quantity;
		const lineExcl = invoice.includesVat ? gross / factor : gross;
		const discounted = lineExcl * keep;
		discountApplied += lineExcl - discounted;
		const vat = discounted * (factor - 1);
		excl += discounted;
		vatSum += vat;
		const rate = String(round2((factor - 1) * 100));
		if (factor !== 1) vatTotals[rate] = round2((vatTotals[rate] ?? 0) + vat);
	}
	return {
		totalExclVat: round2(excl),
		totalInclVat: round2(excl + vatSum),
		discountApplied: round2(discountApplied),
		vatApplied: round2(vatSum),
		vatTotals,
	};
}

export function newInvoiceRecord(
	ctx: TheNextInvoiceContext,
	companyId: number,
	input: InvoiceInput,
	kind: InvoiceKind = 'invoice',
): StoredInvoice {
	const id = ctx.nextId('invoice');
	const invoice: StoredInvoice = {
		companyId,
		id,
		kind,
		status: 0,
		type: input.type,
		number: null,
		discount: input.discount,
		includesVat: input.includesVat,
		lines: input.lines,
		sender: input.sender,
		receiver: input.receiver,
		customerId: input.customerId,
		meta: withMetaDefaults(input.meta),
		text: { top: '', bottom: '', footer: '', ...input.text },
		creationToken: input.creationToken,
		deleted: false,
		createdAt: timestamp(),
		finalizedAt: null,
		payment: null,
		credited: false,
		reminders: [],
		booking: { status: false, method: null, message: null, time: null },
		mailEvents: [],
		comments: [],
		sepaBatchId: null,
		trackingNumber: null,
		approved: false,
		archived: false,
		paymentToken: paymentToken(),
		attachments: [],
		sentVia: [],
	};
	ctx.state.invoices.set(id, invoice);
	if (input.creationToken) ctx.state.creationTokens.set(`${companyId}:${input.creationToken}`, id);
	if (input.status === 1) finalize(ctx, invoice);
	return invoice;
}

export function applyInvoiceInput(ctx: TheNextInvoiceContext, invoice: StoredInvoice, input: InvoiceInput): void {
	Object.assign(invoice, {
		type: input.type,
		discount: input.discount,
		includesVat: input.includesVat,
		lines: input.lines,
		sender: input.sender,
		receiver: input.receiver,
		customerId: input.customerId,
		meta: withMetaDefaults(input.meta),
		text: { top: '', bottom: '', footer: '', ...input.text },
	});
	if (input.status === 1) finalize(ctx, invoice);
}

function withMetaDefaults(meta: Record<string, unknown>): Record<string, unknown> {
	return { currency: 'EUR', language: 'nl', sendDate: today(), dueDate: today(14), ...meta };
}

/** Finalizing assigns the next invoice (or quotation) number and snapshots the totals. */
export function finalize(ctx: TheNextInvoiceContext, invoice: StoredInvoice): void {
	if (invoice.status === 1) return;
	const settings = settingsOf(ctx, invoice.companyId);
	const key = invoice.kind === 'quotation' ? 'quotation' : 'invoice';
	invoice.number = settings.numbers[key];
	settings.numbers[key] = incrementNumber(settings.numbers[key]);
	invoice.status = 1;
	invoice.finalizedAt = timestamp();
}

/** '202600013' -> '202600014', keeping the width (leading zeros). */
export function incrementNumber(value: string): string {
	const match = /^(.*?)(\d+)$/.exec(value);
	if (!match) return `${value}1`;
	const next = String(BigInt(match[2]) + 1n).padStart(match[2].length, '0');
	return match[1] + next;
}

/** The documented invoice object. Drafts have receiver, sender and calculated null. */
export function publicInvoice(ctx: TheNextInvoiceContext, invoice: StoredInvoice): Record<string, unknown> {
	const draft = invoice.status === 0;
	return {
		id: invoice.id,
		company: invoice.companyId,
		number: invoice.number,
		status: invoice.status,
		type: invoice.type,
		discount: invoice.discount,
		includesVat: invoice.includesVat,
		lines: invoice.lines.map((line) => ({ ...line })),
		sender: draft ? null : invoice.sender,
		receiver: draft ? null : invoice.receiver,
		meta: { ...invoice.meta },
		text: { ...invoice.text },
		calculated: draft ? null : calculate(ctx, invoice),
	};
}

// ---------------------------------------------------------------------------------------------------------
// Derived state

export function isPastDue(invoice: StoredInvoice): boolean {
	const due = invoice.meta.dueDate;
	return isOpen(invoice) && typeof due === 'string' && due < today();
}

export function isOpen(invoice: StoredInvoice): boolean {
	return invoice.status === 1 && invoice.kind === 'invoice' && !invoice.payment && !invoice.credited && invoice.type !== 'C';
}

/** The state the status endpoint reports. */
export function invoiceState(invoice: StoredInvoice): string {
	if (invoice.status === 0) return 'draft';
	if (invoice.kind === 'quotation') return invoice.archived ? 'archived' : invoice.approved ? 'approved' : 'open';
	if (invoice.credited) return 'credited';
	if (invoice.type === 'C') return 'credit';
	if (invoice.payment) return 'paid';
	if (isPastDue(invoice)) return 'pastdue';
	return 'open';
}

export function hasStatus(invoice: StoredInvoice, status: (typeof INVOICE_STATUSES)[number]): boolean {
	switch (status) {
		case 'open':
			return isOpen(invoice);
		case 'paid':
			return invoice.payment !== null;
		case 'pastdue':
			return isPastDue(invoice);
		case 'credit':
			return invoice.type === 'C';
		case 'credited':
			return invoice.credited;
		case 'reminded':
			return invoice.reminders.length > 0;
		case 'booked':
			return invoice.booking.status;
		case 'notbooked':
			return invoice.status === 1 && !invoice.booking.status;
		case 'sepa':
			return invoice.sepaBatchId !== null;
	}
}

export function amountOf(ctx: TheNextInvoiceContext, invoice: StoredInvoice): number {
	return calculate(ctx, invoice).totalInclVat;
}

export function customerName(ctx: TheNextInvoiceContext, invoice: StoredInvoice): string {
	if (isPlainObject(invoice.receiver) && typeof invoice.receiver.companyname === 'string') return invoice.receiver.companyname;
	const customer = invoice.customerId === null ? undefined : ctx.state.customers.get(invoice.customerId);
	return typeof customer?.fields.companyname === 'string' ? customer.fields.companyname : '';
}

// ---------------------------------------------------------------------------------------------------------
// Search filters (invoice search, totals, CSV)

export interface InvoiceFilter {
	type: (typeof INVOICE_SEARCH_TYPES)[number];
	statuses: (typeof INVOICE_STATUSES)[number][];
	order: (typeof INVOICE_ORDERS)[number];
	reverse: boolean;
}

/** Reads the documented filter parameters (400 for values outside the documented options). */
export function parseInvoiceFilter(query: Record<string, string>): InvoiceFilter {
	const type = (query.type || 'invoice') as InvoiceFilter['type'];
	if (!INVOICE_SEARCH_TYPES.includes(type)) throw badRequest(`type must be one of ${INVOICE_SEARCH_TYPES.join(', ')}`);
	const statuses = (query.status ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '') as InvoiceFilter['statuses'];
	if (statuses.length > 5) throw badRequest('status accepts at most 5 comma-separated values');
	for (const status of statuses) {
		if (!INVOICE_STATUSES.includes(status)) throw badRequest(`status must be one of ${INVOICE_STATUSES.join(', ')}`);
	}
	const defaultOrder = type === 'invoice' || type === 'quotation' ? 'number' : 'id';
	const order = (query.order || defaultOrder) as InvoiceFilter['order'];
	if (!INVOICE_ORDERS.includes(order)) throw badRequest(`order must be one of ${INVOICE_ORDERS.join(', ')}`);
	for (const name of ['customer_id', 'minamount', 'maxamount'] as const) {
		if (query[name] !== undefined && query[name] !== '' && !Number.isFinite(Number(query[name]))) {
			throw badRequest(`${name} must be a number`);
		}
	}
	for (const name of ['mindate', 'maxdate', 'minduedate', 'maxduedate'] as const) {
		if (query[name] !== undefined && query[name] !== '' && !isValidDate(query[name])) throw badRequest(`${name} must be a date (YYYY-MM-DD)`);
	}
	return { type, statuses, order, reverse: queryBool(query, 'reverse') };
}

function matchesType(invoice: StoredInvoice, type: InvoiceFilter['type']): boolean {
	switch (type) {
		case 'draft':
			return invoice.status === 0 && invoice.kind === 'invoice';
		case 'invoice':
			return invoice.status === 1 && invoice.kind === 'invoice';
		case 'quotation':
			return invoice.kind === 'quotation' && !invoice.archived;
		case 'recurring':
			return invoice.kind === 'recurring';
		case 'sepa':
			return invoice.type === 'I' && invoice.kind === 'invoice';
	}
}

const numberValue = (value: string | null) => (value === null ? NaN : Number(value.replace(/\D/g, '')));

/** Matching invoices of a company, sorted as requested. */
export function searchInvoices(ctx: TheNextInvoiceContext, companyId: number, query: Record<string, string>): StoredInvoice[] {
	const filter = parseInvoiceFilter(query);
	const present = (name: string) => query[name] !== undefined && query[name] !== '';
	const matching = [...ctx.state.invoices.values()].filter((invoice) => {
		if (invoice.companyId !== companyId || invoice.deleted || !matchesType(invoice, filter.type)) return false;
		if (filter.statuses.length > 0 && !filter.statuses.some((status) => hasStatus(invoice, status))) return false;
		if (present('customer_id') && invoice.customerId !== Number(query.customer_id)) return false;
		if (present('term') && !matchesTerm(ctx, invoice, query.term)) return false;
		if (present('minnumber') && !(numberValue(invoice.number) >= numberValue(query.minnumber))) return false;
		if (present('maxnumber') && !(numberValue(invoice.number) <= numberValue(query.maxnumber))) return false;
		const date = String(invoice.meta.sendDate ?? '');
		const due = String(invoice.meta.dueDate ?? '');
		if (present('mindate') && date < query.mindate) return false;
		if (present('maxdate') && date > query.maxdate) return false;
		if (present('minduedate') && due < query.minduedate) return false;
		if (present('maxduedate') && due > query.maxduedate) return false;
		if (present('minamount') && amountOf(ctx, invoice) < Number(query.minamount)) return false;
		if (present('maxamount') && amountOf(ctx, invoice) > Number(query.maxamount)) return false;
		return true;
	});
	const keys: Record<InvoiceFilter['order'], (invoice: StoredInvoice) => unknown> = {
		id: (invoice) => invoice.id,
		customer: (invoice) => customerName(ctx, invoice).toLowerCase(),
		number: (invoice) => (invoice.number === null ? null : numberValue(invoice.number)),
		date: (invoice) => invoice.meta.sendDate,
		duedate: (invoice) => invoice.meta.dueDate,
		collection_date: (invoice) => (invoice.sepaBatchId === null ? null : ctx.state.sepaBatches.get(invoice.sepaBatchId)?.date),
		amount: (invoice) => amountOf(ctx, invoice),
	};
	return sortBy(matching, keys[filter.order], filter.reverse);
}

function matchesTerm(ctx: TheNextInvoiceContext, invoice: StoredInvoice, term: string): boolean {
	return (
		includesIgnoreCase(invoice.number ?? '', term) ||
		includesIgnoreCase(customerName(ctx, invoice), term) ||
		invoice.lines.some((line) => includesIgnoreCase(line.description, term)) ||
		Object.values(invoice.text).some((value) => includesIgnoreCase(value, term))
	);
}

/** `{ EUR: { amount_incl, amount_excl } }`. */
export function totalsByCurrency(ctx: TheNextInvoiceContext, invoices: StoredInvoice[]): Record<string, { amount_incl: number; amount_excl: number }> {
	const totals: Record<string, { amount_incl: number; amount_excl: number }> = {};
	for (const invoice of invoices) {
		const currency = String(invoice.meta.currency ?? 'EUR');
		const calculated = calculate(ctx, invoice);
		const entry = (totals[currency] ??= { amount_incl: 0, amount_excl: 0 });
		entry.amount_incl = round2(entry.amount_incl + calculated.totalInclVat);
		entry.amount_excl = round2(entry.amount_excl + calculated.totalExclVat);
	}
	return totals;
}
