/** /invoice: search, totals, CRUD with creationToken idempotency, finalize/credit/pay, bulk actions, sending. */
import { isPlainObject, type SandboxRequest, type SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	caller,
	companyOf,
	countCreate,
	decodeBase64,
	EMAIL_PATTERN,
	fail,
	isValidDate,
	jsonBody,
	notFound,
	ok,
	pageOf,
	parseIdList,
	parseIdOrUndefined,
	queryInt,
	settingsOf,
	timestamp,
	today,
	validate,
	type StoredInvoice,
	type TheNextInvoiceContext,
} from './context';
import {
	applyInvoiceInput,
	finalize,
	invoiceState,
	newInvoiceRecord,
	parseInvoiceInput,
	publicInvoice,
	searchInvoices,
	totalsByCurrency,
} from './invoice-model';
import { createSepaBatch } from './sepa';

const INVOICE = `${BASE_PATH}/invoice`;

/** A single, not deleted invoice of the caller's company. */
export function requireInvoice(ctx: TheNextInvoiceContext, req: SandboxRequest, param = 'id'): StoredInvoice {
	const companyId = companyOf(ctx, req);
	const id = parseIdOrUndefined(req.params[param]);
	const invoice = id === undefined ? undefined : ctx.state.invoices.get(id);
	if (!invoice || invoice.companyId !== companyId || invoice.deleted) throw notFound(`Invoice ${req.params[param]} not found`);
	return invoice;
}

/** The invoices of a comma-separated id list; any unknown id is a 404 and nothing changes. */
export function requireInvoices(ctx: TheNextInvoiceContext, req: SandboxRequest): StoredInvoice[] {
	const companyId = companyOf(ctx, req);
	const ids = parseIdList(req.params.id);
	const missing: number[] = [];
	const invoices: StoredInvoice[] = [];
	for (const id of ids) {
		const invoice = ctx.state.invoices.get(id);
		if (!invoice || invoice.companyId !== companyId || invoice.deleted) missing.push(id);
		else invoices.push(invoice);
	}
	if (missing.length > 0) throw notFound(`Invoice not found: ${missing.join(',')}`);
	return invoices;
}

function requireFinalized(invoices: StoredInvoice[], status = 400, message = 'is a draft and not finalized'): void {
	const drafts = invoices.filter((invoice) => invoice.status === 0);
	if (drafts.length > 0) throw fail(status, `Invoice ${drafts.map((d) => d.id).join(',')} ${message}`);
}

/** The receiver's e-mail / phone: from the receiver object or the linked customer. */
export function receiverField(ctx: TheNextInvoiceContext, invoice: StoredInvoice, field: 'email' | 'phone'): string | undefined {
	if (isPlainObject(invoice.receiver) && typeof invoice.receiver[field] === 'string' && invoice.receiver[field] !== '') {
		return invoice.receiver[field] as string;
	}
	const customer = invoice.customerId === null ? undefined : ctx.state.customers.get(invoice.customerId);
	const value = customer?.fields[field];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export function invoiceRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	return [
		{
			method: 'GET',
			path: `${INVOICE}/search`,
			handler: (req) => {
				const limit = queryInt(req.query, 'limit', 20, 1, 100);
				const page = queryInt(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
				const matching = searchInvoices(ctx, companyOf(ctx, req), req.query);
				const result = pageOf(matching, page, limit);
				return ok({
					current: result.current,
					first: result.first,
					previous: result.previous,
					next: result.next,
					last: result.last,
					limit: result.limit,
					total_items: result.totalItems,
					items: result.items.map((invoice) => publicInvoice(ctx, invoice)),
				});
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/totals`,
			handler: (req) => {
				const matching = searchInvoices(ctx, companyOf(ctx, req), req.query);
				if (matching.length === 0) throw notFound('No totals found for this period');
				return ok(totalsByCurrency(ctx, matching));
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/syncpayments`,
			handler: (req) => {
				companyOf(ctx, req);
				return ok('Invoice payments are being synced');
			},
		},
		{
			method: 'POST',
			path: INVOICE,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const body = jsonBody(req);
				// A repeated creationToken answers with the invoice it created first (no second invoice).
				if (typeof body.creationToken === 'string' && body.creationToken !== '') {
					const existing = ctx.state.creationTokens.get(`${companyId}:${body.creationToken}`);
					if (existing !== undefined) return ok(existing);
				}
				const input = parseInvoiceInput(ctx, companyId, body);
				const invoice = newInvoiceRecord(ctx, companyId, input);
				countCreate(ctx, 'invoice');
				return ok(invoice.id);
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id`,
			handler: (req) => ok(publicInvoice(ctx, requireInvoice(ctx, req))),
		},
		{
			method: 'PUT',
			path: `${INVOICE}/:id`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				const input = parseInvoiceInput(ctx, invoice.companyId, jsonBody(req));
				if (invoice.status === 1) throw fail(500, 'Invoice saving failed: the invoice was finalized');
				applyInvoiceInput(ctx, invoice, input);
				return ok(invoice.id);
			},
		},
		{
			method: 'DELETE',
			path: `${INVOICE}/:id`,
			handler: (req) => {
				for (const invoice of requireInvoices(ctx, req)) invoice.deleted = true;
				return ok('Invoice(s) deleted');
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id/status`,
			handler: (req) => ok(statusOf(ctx, requireInvoice(ctx, req))),
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/send`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				if (invoice.status === 1) throw badRequest(`Invoice ${invoice.id} is already finalized`);
				finalize(ctx, invoice);
				return ok(invoice.id);
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/credit`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				if (invoice.status === 0 || invoice.kind !== 'invoice') throw badRequest('Only finalized invoices can be credited');
				if (invoice.type === 'C') throw badRequest('A credit invoice cannot be credited');
				if (invoice.credited) throw badRequest(`Invoice ${invoice.id} has already been credited`);
				const credit = newInvoiceRecord(ctx, invoice.companyId, {
					discount: invoice.discount,
					includesVat: invoice.includesVat,
					lines: invoice.lines.map((line) => ({ ...line, price: line.price === null ? null : -line.price })),
					meta: { ...invoice.meta, sendDate: today() },
					receiver: invoice.receiver,
					sender: invoice.sender,
					status: 1,
					text: { ...invoice.text },
					type: 'C',
					customerId: invoice.customerId,
				});
				credit.credits = invoice.id;
				invoice.credited = true;
				invoice.creditedBy = credit.id;
				countCreate(ctx, 'invoice');
				return ok(credit.id, 201);
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id/payment-url`,
			handler: (req) => ok(`thenextinvoice.com/t/${requireInvoice(ctx, req).paymentToken}`),
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/payment`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				const body = jsonBody(req);
				validate(body, { method: { type: 'integer', required: true }, date: { type: 'string', required: true } });
				if (!isValidDate(body.date)) throw badRequest('date must be a date (YYYY-MM-DD)');
				if (invoice.status === 0) throw badRequest('A draft invoice cannot be paid');
				const method = ctx.state.paymentMethods.get(body.method as number);
				if (!method || method.companyId !== invoice.companyId) throw notFound(`Payment method ${String(body.method)} not found`);
				if (invoice.payment) throw fail(409, `Invoice ${invoice.id} is already paid`);
				invoice.payment = { method: method.id, methodName: method.name, date: body.date, time: `${body.date} 00:00:00` };
				return ok(invoice.id, 201);
			},
		},
		{
			method: 'DELETE',
			path: `${INVOICE}/:id/payment`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				if (!invoice.payment) throw fail(409, `Invoice ${invoice.id} is not paid`);
				invoice.payment = null;
				return ok('Payment removed');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/comment`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				const body = jsonBody(req);
				validate(body, { message: { type: 'string', required: true } });
				const comment = {
					id: ctx.nextId('comment'),
					invoice_id: invoice.id,
					user_id: caller(ctx, req).userId,
					time: timestamp(),
					message: body.message as string,
				};
				invoice.comments.push(comment);
				return ok(comment);
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/send/mail`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				const body = jsonBody(req);
				validate(body, { subject: { type: 'string', required: true }, body: { type: 'string', required: true } });
				requireFinalized([invoice]);
				const attachments = parseMailAttachments(body.attachments);
				const recipient = receiverField(ctx, invoice, 'email');
				if (!recipient || !EMAIL_PATTERN.test(recipient)) throw badRequest('The receiver has no valid e-mail address');
				for (const attachment of attachments) {
					invoice.attachments.push({ id: ctx.nextId('invoiceAttachment'), ...attachment });
				}
				recordMail(invoice, recipient, 'mail');
				return ok(invoice.id);
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/book`,
			handler: (req) => {
				const list = requireInvoices(ctx, req);
				requireFinalized(list, 500, 'cannot be added to the booking queue (draft)');
				const method = activeBookkeeping(ctx, list[0].companyId);
				for (const invoice of list) {
					invoice.booking = { status: true, method, message: `Invoice ${invoice.number} has been booked`, time: timestamp() };
				}
				return ok('Updated the booking queue');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/remind`,
			handler: (req) => {
				const list = requireInvoices(ctx, req);
				requireFinalized(list, 500, 'is a draft: could not save reminder');
				for (const invoice of list) invoice.reminders.push(timestamp());
				return ok('Reminder(s) created');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/approve`,
			handler: (req) => {
				const list = requireInvoices(ctx, req);
				const invalid = list.filter((invoice) => invoice.kind !== 'quotation' || invoice.archived || invoice.approved);
				if (invalid.length > 0) throw badRequest(`Invalid state for ${invalid.map((i) => i.id).join(',')}: only open quotations can be approved`);
				for (const invoice of list) invoice.approved = true;
				return ok('Invoice(s) approved');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/archive`,
			handler: (req) => {
				const list = requireInvoices(ctx, req);
				const invalid = list.filter((invoice) => invoice.kind !== 'quotation' || invoice.archived);
				if (invalid.length > 0) throw badRequest(`Invalid state for ${invalid.map((i) => i.id).join(',')}: only quotations can be archived`);
				for (const invoice of list) invoice.archived = true;
				return ok('Invoice(s) archived');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/queue`,
			handler: (req) => {
				const body = jsonBody(req);
				if (typeof body.subject !== 'string' || body.subject === '' || typeof body.body !== 'string' || body.body === '') {
					throw badRequest('Missing subject and/or body');
				}
				const list = requireInvoices(ctx, req);
				requireFinalized(list);
				for (const invoice of list) recordMail(invoice, receiverField(ctx, invoice, 'email') ?? '', 'mail', false);
				return ok('Invoices added to queue');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/sepa`,
			handler: (req) => {
				const body = jsonBody(req);
				if (!isValidDate(body.date)) throw badRequest('date is empty or invalid (YYYY-MM-DD)');
				const list = requireInvoices(ctx, req);
				requireFinalized(list);
				return ok(createSepaBatch(ctx, list, body.date as string));
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/send/sms`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				const settings = settingsOf(ctx, invoice.companyId);
				if (!settings.sms.enabled) throw fail(403, 'SMS is not enabled');
				requireFinalized([invoice]);
				const phone = receiverField(ctx, invoice, 'phone');
				if (!phone) throw badRequest('The receiver has no phone number');
				settings.smsCount.current += 1;
				settings.smsCount.total += 1;
				invoice.sentVia.push('sms');
				return ok('Sent');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/send/peppol`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				requireFinalized([invoice]);
				const profile = typeof invoice.sender === 'number' ? ctx.state.profiles.get(invoice.sender) : undefined;
				if (!profile?.fields.peppol_verified) throw fail(403, 'The sender profile is not Peppol-verified');
				invoice.sentVia.push('peppol');
				return ok('Sent');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/resend`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				requireFinalized([invoice]);
				const channel = invoice.sentVia[0] ?? 'mail';
				if (channel === 'mail') recordMail(invoice, receiverField(ctx, invoice, 'email') ?? '', 'mail');
				else invoice.sentVia.push(channel);
				return ok('Resent');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/tracking-number`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				const body = jsonBody(req);
				validate(body, { tracking_number: { type: 'string', required: true } });
				invoice.trackingNumber = body.tracking_number as string;
				return ok('Tracking number saved');
			},
		},
	];

	function recordMail(invoice: StoredInvoice, recipient: string, channel: string, delivered = true): void {
		invoice.mailEvents.push({ recipient, event: 'queued', time: timestamp() });
		if (delivered) invoice.mailEvents.push({ recipient, event: 'delivered', time: timestamp() });
		if (!invoice.sentVia.includes(channel)) invoice.sentVia.push(channel);
	}
}

/** `attachments` of send/mail: one `{ content, filename }` object or an array of them, base64 content. */
function parseMailAttachments(raw: unknown): { filename: string; contentType: string; data: Buffer }[] {
	if (raw === undefined || raw === null) return [];
	const list = Array.isArray(raw) ? raw : [raw];
	return list.map((entry, index) => {
		if (!isPlainObject(entry) || typeof entry.filename !== 'string' || entry.filename === '') {
			throw badRequest(`attachments[${index}].filename is required`);
		}
		const data = decodeBase64(entry.content);
		if (!data) throw badRequest(`attachments[${index}].content must be base64 encoded`);
		return { filename: entry.filename, contentType: contentTypeOf(entry.filename), data };
	});
}

export function contentTypeOf(filename: string): string {
	const extension = filename.toLowerCase().split('.').pop() ?? '';
	const types: Record<string, string> = {
		pdf: 'application/pdf',
		png: 'image/png',
		jpg: 'image/jpeg',
		jpeg: 'image/jpeg',
		gif: 'image/gif',
		svg: 'image/svg+xml',
		txt: 'text/plain',
		csv: 'text/csv',
		xml: 'application/xml',
		zip: 'application/zip',
	};
	return types[extension] ?? 'application/octet-stream';
}

function activeBookkeeping(ctx: TheNextInvoiceContext, companyId: number): string | null {
	for (const integration of ctx.state.integrations.values()) {
		if (integration.companyId === companyId && integration.enabled && BOOKKEEPING.includes(integration.name)) return integration.name;
	}
	return null;
}

export const BOOKKEEPING = ['twinfield', 'exact', 'xero', 'yuki', 'visma'];

/** GET /invoice/{id}/status, the documented sections. */
function statusOf(ctx: TheNextInvoiceContext, invoice: StoredInvoice): Record<string, unknown> {
	const batch = invoice.sepaBatchId === null ? undefined : ctx.state.sepaBatches.get(invoice.sepaBatchId);
	const lastReminder = invoice.reminders[invoice.reminders.length - 1];
	return {
		invoice: { state: invoiceState(invoice) },
		booking: { ...invoice.booking },
		mail: { status: invoice.mailEvents.length > 0, events: invoice.mailEvents.map((event) => ({ ...event })) },
		comments: {
			status: invoice.comments.length > 0,
			comments: invoice.comments.map((comment) => ({
				user: { id: comment.user_id, name: ctx.state.users.get(comment.user_id)?.name ?? '' },
				message: comment.message,
				time: comment.time,
			})),
		},
		sepa: batch
			? { status: true, message: `SEPA batch ${batch.id} created`, time: batch.createdAt }
			: { status: false, message: null, time: null },
		collection: batch ? { status: true, date: batch.date, type: 'sepa' } : { status: false, date: null, type: null },
		payment: invoice.payment
			? { status: true, message: invoice.payment.methodName, time: invoice.payment.time }
			: { status: false, message: null, time: null },
		reminder: { status: invoice.reminders.length > 0, count: String(invoice.reminders.length), time: lastReminder ?? null },
		recurring: { status: invoice.kind === 'recurring', time: null },
		quotation:
			invoice.kind === 'quotation'
				? { status: invoice.approved, message: invoice.approved ? 'Quotation approved' : null, time: null }
				: { status: false, message: null, time: null },
	};
}
