/**
 * Shared pieces of the TheNextInvoice sandbox: stored record shapes, the context every route table receives,
 * the response envelope and the helpers for the vendor's recurring rules (numeric ids, comma-separated bulk ids,
 * per-company data, page/limit pagination).
 */
import {
	isPlainObject,
	json,
	SandboxHttpError,
	type SandboxRequest,
	type SandboxResponse,
	type TokenStore,
} from '../framework';

export const BASE_PATH = '/api/v1';

/** A type alias (not an interface) so it satisfies TokenStore's Record<string, unknown> bound. */
export type TheNextInvoiceTokenSubject = { userId: number; companyId: number };

/** Who is calling: resolved once per request by the auth hook. */
export interface CallerAuth {
	kind: 'jwt' | 'apiToken';
	userId: number;
	companyId: number;
}

export interface StoredCompany {
	id: number;
	name: string;
	address: string;
	postalcode: string;
	city: string;
	coc: string;
	country: string;
	logo: string | null;
}

export interface StoredUser {
	id: number;
	email: string;
	name: string;
	password: string;
	language: string;
	/** 2FA state of the user. */
	twoFactor: { status: 'disabled' | 'connecting' | 'enabled'; secret?: string; recoveryCodes: string[] };
}

export interface StoredMembership {
	companyId: number;
	userId: number;
	role: 'owner' | 'employee';
}

/** Every per-company record carries its company; the public shape never shows `companyId`. */
export interface CompanyRecord {
	companyId: number;
	id: number;
}

export interface StoredLedgerNumber extends CompanyRecord {
	name: string;
	ledgernumber: string;
	costcenter: string;
}

export interface StoredVatCode extends CompanyRecord {
	name: string;
	code: string;
	factor: number;
	type: string | null;
}

export interface StoredPaymentMethod extends CompanyRecord {
	name: string;
}

export interface StoredCustomer extends CompanyRecord {
	fields: Record<string, unknown>;
	createdAt: string;
}

export interface StoredProduct extends CompanyRecord {
	description: string;
	price: number;
	vat_id: number | null;
	ledgernumber_id: number | null;
}

export type InvoiceKind = 'invoice' | 'quotation' | 'recurring';

export interface InvoiceLine {
	description: string;
	ledger: unknown;
	price: number | null;
	quantity: number | null;
	vat: unknown;
}

export interface InvoiceCalculated {
	totalExclVat: number;
	totalInclVat: number;
	discountApplied: number;
	vatApplied: number;
	vatTotals: Record<string, number>;
}

export interface StoredInvoiceAttachment {
	id: number;
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface StoredInvoice extends CompanyRecord {
	kind: InvoiceKind;
	/** 0 draft, 1 finalized. */
	status: 0 | 1;
	/** '' regular, 'C' credit, 'I' automatic collection. */
	type: '' | 'C' | 'I';
	number: string | null;
	discount: number;
	includesVat: boolean;
	lines: InvoiceLine[];
	/** As sent: a profile id or a sender object. */
	sender: unknown;
	/** As sent: a customer id or a receiver object. */
	receiver: unknown;
	/** The customer the invoice belongs to (receiver id), also for drafts. */
	customerId: number | null;
	meta: Record<string, unknown>;
	text: Record<string, unknown>;
	creationToken?: string;
	deleted: boolean;
	createdAt: string;
	finalizedAt: string | null;
	payment: { method: number; methodName: string; date: string; time: string } | null;
	credited: boolean;
	/** The credit invoice that credits this one / the invoice a credit invoice credits. */
	creditedBy?: number;
	credits?: number;
	reminders: string[];
	booking: { status: boolean; method: string | null; message: string | null; time: string | null };
	mailEvents: { recipient: string; event: string; time: string }[];
	comments: { id: number; invoice_id: number; user_id: number; time: string; message: string }[];
	sepaBatchId: number | null;
	trackingNumber: string | null;
	approved: boolean;
	archived: boolean;
	paymentToken: string;
	attachments: StoredInvoiceAttachment[];
	sentVia: string[];
}

export interface StoredNotification extends CompanyRecord {
	message: string;
	data: Record<string, unknown>;
	time: string;
}

export interface StoredSepaBatch extends CompanyRecord {
	date: string;
	invoiceIds: number[];
	currency: string;
	amount_incl: number;
	amount_excl: number;
	createdAt: string;
}

export interface StoredProfile extends CompanyRecord {
	fields: Record<string, unknown>;
	logoData: { contentType: string; data: Buffer; extension: string } | null;
}

export interface StoredEmailAddress extends CompanyRecord {
	type: 'from' | 'cc';
	email: string;
	verified: boolean;
	/** Internal: the key the verification e-mail carries (sha256 hex). */
	key: string;
	redirect?: string;
}

export interface StoredEmailText extends CompanyRecord {
	subject: string;
	name: string;
	text: string;
}

export interface StoredSmsText extends CompanyRecord {
	name: string;
	text: string;
}

export interface StoredAttachment extends CompanyRecord {
	name: string;
	filename: string;
	data: Buffer;
}

export interface StoredVerification extends CompanyRecord {
	profile_id: number;
	status: 'pending' | 'sent' | 'verified' | 'invalid';
	verified_at: string | null;
	attempts_remaining: number;
	sent_at: string | null;
	/** Epoch ms of the last letter; resends are possible after the cooldown. */
	sentAtMs: number;
	address: string;
	postal_code: string;
	city: string;
	country: string;
	/** Internal: the 8-character code printed in the letter. */
	code: string;
}

export interface StoredIntegration {
	companyId: number;
	name: string;
	enabled: boolean;
	office: string | null;
	option: Record<string, unknown> | null;
	config: Record<string, unknown>;
	/** OAuth connectors wait for the callback. */
	pendingOAuth: boolean;
}

export interface CompanySettings {
	numbers: { invoice: string; quotation: string };
	ledgerNumberDebit: number;
	sepa: { id: number; company_id: number; creditor_name: string; iban: string; creditor_identifier: string };
	payment: { message: string; success_message: string };
	peppol: { id: number; company_id: number; enabled: boolean };
	sms: { id: number; company_id: number; enabled: boolean };
	smsCount: { last: number; current: number; total: number };
	terms: { filename: string; contentType: string; data: Buffer } | null;
	prognosis: Record<string, unknown> | null;
	preferences: { package: string; addons: string[]; language: string; confirmed: boolean; grace: number };
}

export interface TheNextInvoiceState {
	companies: Map<number, StoredCompany>;
	users: Map<number, StoredUser>;
	memberships: StoredMembership[];
	settings: Map<number, CompanySettings>;
	invoices: Map<number, StoredInvoice>;
	/** companyId + ':' + creationToken -> invoice id. */
	creationTokens: Map<string, number>;
	customers: Map<number, StoredCustomer>;
	products: Map<number, StoredProduct>;
	ledgerNumbers: Map<number, StoredLedgerNumber>;
	vatCodes: Map<number, StoredVatCode>;
	paymentMethods: Map<number, StoredPaymentMethod>;
	notifications: Map<number, StoredNotification>;
	sepaBatches: Map<number, StoredSepaBatch>;
	profiles: Map<number, StoredProfile>;
	emailAddresses: Map<number, StoredEmailAddress>;
	emailTexts: Map<number, StoredEmailText>;
	smsTexts: Map<number, StoredSmsText>;
	attachments: Map<number, StoredAttachment>;
	verifications: Map<number, StoredVerification>;
	/** companyId + ':' + type -> integration. */
	integrations: Map<string, StoredIntegration>;
}

export interface TheNextInvoiceStats {
	/** POST /session/jwt attempts (accepted or not). */
	logins: number;
	/** 401 answers. */
	unauthorized: number;
	/** Records created through the API, per resource (e.g. invoice, customer, product). */
	creates: Record<string, number>;
}

export interface TheNextInvoiceContext {
	state: TheNextInvoiceState;
	tokens: TokenStore<TheNextInvoiceTokenSubject>;
	stats: TheNextInvoiceStats;
	apiToken: string;
	jwtLifetimeSeconds: number;
	/** Caller of each request, set by the auth hook. */
	callers: WeakMap<SandboxRequest, CallerAuth>;
	nextId(sequence: string): number;
}

// ---------------------------------------------------------------------------------------------------------
// Envelope

/** `{ success: true, data }`. */
export function ok(data: unknown, status = 200): SandboxResponse {
	return json(status, { success: true, data });
}

/** Error code strings are not part of the vendor shape (the envelope's code is numeric); this one is for logs. */
export function fail(status: number, message: string): SandboxHttpError {
	return new SandboxHttpError(status, `E_HTTP_${status}`, message);
}

export const badRequest = (message: string) => fail(400, message);
export const notFound = (message: string) => fail(404, message);

/** A binary answer with a download file name. */
export function file(data: Buffer, contentType: string, filename: string, disposition: 'inline' | 'attachment' = 'attachment'): SandboxResponse {
	return {
		status: 200,
		body: data,
		// RFC 6266 quoted-string: quotes and backslashes in the name are escaped.
		headers: { 'Content-Type': contentType, 'Content-Disposition': `${disposition}; filename="${filename.replace(/["\\]/g, '\\$&')}"` },
	};
}

// ---------------------------------------------------------------------------------------------------------
// Callers and per-company data

export function caller(ctx: TheNextInvoiceContext, req: SandboxRequest): CallerAuth {
	const auth = ctx.callers.get(req);
	if (!auth) throw fail(401, 'Unauthorized');
	return auth;
}

export function companyOf(ctx: TheNextInvoiceContext, req: SandboxRequest): number {
	return caller(ctx, req).companyId;
}

export function settingsOf(ctx: TheNextInvoiceContext, companyId: number): CompanySettings {
	const settings = ctx.state.settings.get(companyId);
	if (!settings) throw fail(401, 'Unknown company');
	return settings;
}

/** Records of one company, in id order. */
export function ofCompany<T extends { companyId: number; id: number }>(map: Map<number, T>, companyId: number): T[] {
	return [...map.values()].filter((record) => record.companyId === companyId).sort((a, b) => a.id - b.id);
}

/** A record of the caller's company by path/query id, or a 404 with the given message. */
export function findOwned<T extends { companyId: number }>(
	map: Map<number, T>,
	companyId: number,
	rawId: string | undefined,
	message: string,
): T {
	const id = parseIdOrUndefined(rawId);
	const record = id === undefined ? undefined : map.get(id);
	if (!record || record.companyId !== companyId) throw notFound(message);
	return record;
}

export function parseIdOrUndefined(raw: string | undefined): number | undefined {
	if (raw === undefined || !/^\d{1,15}$/.test(raw)) return undefined;
	const id = Number(raw);
	return id > 0 ? id : undefined;
}

/** `45311,45312,45313` -> [45311, 45312, 45313] (de-duplicated, order kept); malformed lists are a 400. */
export function parseIdList(raw: string | undefined): number[] {
	const ids: number[] = [];
	for (const piece of (raw ?? '').split(',')) {
		const id = parseIdOrUndefined(piece.trim());
		if (id === undefined) throw badRequest(`Invalid id list '${raw ?? ''}'`);
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}

// ---------------------------------------------------------------------------------------------------------
// Bodies and validation

/**
 * The parsed JSON body. Like the vendor's PHP backend, a JSON body sent with another Content-Type (or none) is
 * still read; an empty body counts as {} so the field validation names what is missing.
 */
function parsedJson(req: SandboxRequest): unknown {
	if (!Buffer.isBuffer(req.body)) return req.body;
	try {
		return JSON.parse(req.body.toString('utf8'));
	} catch {
		return undefined;
	}
}

export function jsonBody(req: SandboxRequest): Record<string, unknown> {
	if (req.rawBody.length === 0) return {};
	const body = parsedJson(req);
	if (isPlainObject(body)) return body;
	if (body === undefined) throw badRequest('The request body is not valid JSON');
	throw badRequest('The request body must be a JSON object');
}

export function jsonArrayBody(req: SandboxRequest): unknown[] {
	const body = req.rawBody.length === 0 ? undefined : parsedJson(req);
	if (Array.isArray(body)) return body;
	throw badRequest('The request body must be a JSON array');
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

export interface FieldRule {
	type: FieldType;
	required?: boolean;
	/** null is accepted (and counts as absent for `required`). */
	nullable?: boolean;
	/** Strings: must not be empty when required. */
	enum?: readonly unknown[];
	maxLength?: number;
	pattern?: RegExp;
}

/**
 * Checks the documented fields of a body and answers 400 listing every violation. Unknown fields are
 * ignored (the vendor's PHP backend does the same).
 */
export function validate(body: Record<string, unknown>, rules: Record<string, FieldRule>): void {
	const errors: string[] = [];
	for (const [name, rule] of Object.entries(rules)) {
		const value = body[name];
		if (value === undefined || (value === null && rule.nullable)) {
			if (rule.required && !(value === null && rule.nullable)) errors.push(`${name} is required`);
			continue;
		}
		if (!hasType(value, rule.type)) {
			errors.push(`${name} must be ${rule.type === 'integer' ? 'an integer' : `a ${rule.type}`}`);
			continue;
		}
		if (rule.type === 'string' && rule.required && (value as string).trim() === '') errors.push(`${name} must not be empty`);
		else if (rule.enum && !rule.enum.includes(value)) errors.push(`${name} must be one of ${rule.enum.join(', ')}`);
		else if (rule.maxLength !== undefined && (value as string).length > rule.maxLength) {
			errors.push(`${name} must be at most ${rule.maxLength} characters`);
		} else if (rule.pattern && !rule.pattern.test(value as string)) errors.push(`${name} is not valid`);
	}
	if (errors.length > 0) throw badRequest(errors.join('; '));
}

function hasType(value: unknown, type: FieldType): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'integer':
			return typeof value === 'number' && Number.isSafeInteger(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'object':
			return isPlainObject(value);
		case 'array':
			return Array.isArray(value);
	}
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(value: unknown): value is string {
	if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Strict base64 (what the vendor decodes for attachments). */
export function decodeBase64(value: unknown): Buffer | undefined {
	if (typeof value !== 'string') return undefined;
	const compact = value.replace(/\s+/g, '');
	if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
	return Buffer.from(compact, 'base64');
}

// ---------------------------------------------------------------------------------------------------------
// Query parameters

export function queryInt(query: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
	const raw = query[name];
	if (raw === undefined || raw === '') return fallback;
	if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer`);
	const value = Number(raw);
	if (value < min) throw badRequest(`${name} must be >= ${min}`);
	if (value > max) throw badRequest(`${name} must be <= ${max}`);
	return value;
}

export function queryBool(query: Record<string, string>, name: string): boolean {
	const raw = query[name];
	if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
	if (raw === 'true' || raw === '1') return true;
	throw badRequest(`${name} must be true or false`);
}

export function includesIgnoreCase(value: unknown, needle: string): boolean {
	return typeof value === 'string' && value.toLowerCase().includes(needle.toLowerCase());
}

/** Page bookkeeping shared by the three pagination shapes. */
export function pageOf<T>(items: T[], page: number, limit: number) {
	const totalItems = items.length;
	const totalPages = Math.ceil(totalItems / limit);
	const last = Math.max(1, totalPages);
	return {
		current: page,
		first: 1,
		previous: Math.max(1, Math.min(page - 1, last)),
		next: Math.min(last, page + 1),
		last,
		limit,
		totalItems,
		totalPages,
		items: items.slice((page - 1) * limit, page * limit),
	};
}

/** Sorts by a key, ties by id; `reverse` is the exact reverse order. */
export function sortBy<T extends { id: number }>(items: T[], key: (item: T) => unknown, reverse: boolean): T[] {
	const direction = reverse ? -1 : 1;
	return [...items].sort((a, b) => direction * (compare(key(a), key(b)) || a.id - b.id));
}

function compare(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b), 'en', { numeric: true });
}

// ---------------------------------------------------------------------------------------------------------
// Time

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' (UTC). */
export function today(offsetDays = 0): string {
	return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:MM:SS' (UTC), the vendor's timestamp format. */
export function timestamp(date = new Date()): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(
		date.getUTCMinutes(),
	)}:${pad(date.getUTCSeconds())}`;
}

export function round2(value: number): number {
	return Math.round((value + Number.EPSILON) * 100) / 100;
}

export function countCreate(ctx: TheNextInvoiceContext, resource: string): void {
	ctx.stats.creates[resource] = (ctx.stats.creates[resource] ?? 0) + 1;
}
