/**
 * Test controls: things that happen on the vendor side without an API call (a customer pays, an invoice
 * becomes past due, a notification appears), plus shortcuts to create data for polling-trigger tests.
 */
import { isValidDate, ofCompany, today, type InvoiceKind, type TheNextInvoiceContext } from './context';
import { newInvoiceRecord, parseInvoiceInput, publicInvoice } from './invoice-model';
import { addNotification, publicNotification } from './notifications';
import { addCustomerRecord, publicCustomer } from './state';

/** The customer control calls make when they are given none (an invoice's receiver, createCustomer's defaults). */
const SANDBOX_CUSTOMER = {
	companyname: 'Sandbox Customer B.V.',
	address: 'Klantweg 1',
	postalcode: '1011AB',
	city: 'Amsterdam',
	country: 'NL',
	email: 'customer@example.com',
	person: false,
};

export interface TheNextInvoiceControl {
	/**
	 * Registers a payment on a finalized invoice as if the customer paid (default: today, the company's first
	 * payment method) and, unless `notify: false`, adds the notification 'Invoice <number> has been paid'
	 * with data.invoice_id. Returns the invoice as GET /invoice/{id} shows it.
	 */
	markPaid(invoiceId: number, options?: { date?: string; methodId?: number; notify?: boolean }): Record<string, unknown>;
	/**
	 * Moves the due date of a finalized, unpaid invoice `daysOverdue` days (default 1) into the past, so it
	 * matches status=pastdue; `notify: true` also adds 'Invoice <number> is past due'.
	 */
	markPastDue(invoiceId: number, options?: { daysOverdue?: number; notify?: boolean }): Record<string, unknown>;
	/** Adds a notification (default: the first company, now). Returns it as GET /notifications shows it. */
	addNotification(input: { message: string; data?: Record<string, unknown>; companyId?: number; time?: string }): Record<string, unknown>;
	/**
	 * Creates an invoice (or quotation) without an API call: `fields` override a valid default body (one line
	 * of 100 + 21% VAT, the first customer, the default profile, status 1 = finalized). Not counted in stats.creates.
	 */
	createInvoice(
		fields?: Record<string, unknown>,
		options?: { companyId?: number; kind?: InvoiceKind },
	): Record<string, unknown>;
	/** Creates a customer without an API call (documented fields; defaults fill the required ones). */
	createCustomer(fields?: Record<string, unknown>, options?: { companyId?: number }): Record<string, unknown>;
	/**
	 * Bulk seeding (benchmarks, trigger tests): `count` invoices like createInvoice's default (or `fields`), the body
	 * checked once, no answer built; 100,000 take a few seconds. Returns their ids, oldest first.
	 */
	bulkInvoices(count: number, fields?: Record<string, unknown>, options?: { companyId?: number }): number[];
	/** Bulk seeding: `count` customers 'Bulk Customer <n>'. Returns their ids, oldest first. */
	bulkCustomers(count: number, options?: { companyId?: number }): number[];
	/** Makes every issued JWT expired now (what a client sees after the JWT lifetime). Returns how many. */
	expireJwts(): number;
	/** The 8-character code of the letter of an address verification (`GET /settings/verification` ids). */
	verificationCode(verificationId: number): string | undefined;
	/** The key of the verification e-mail for an e-mail address id (body `key` of POST /settings/email/verify). */
	emailVerificationKey(addressId: number): string | undefined;
}

export function createControl(ctx: TheNextInvoiceContext, defaultCompanyId: number): TheNextInvoiceControl {
	const { state } = ctx;

	function finalizedInvoice(invoiceId: number) {
		const invoice = state.invoices.get(invoiceId);
		if (!invoice || invoice.deleted) throw new Error(`control: invoice ${invoiceId} does not exist`);
		if (invoice.status !== 1) throw new Error(`control: invoice ${invoiceId} is a draft`);
		return invoice;
	}

	/** createInvoice's body: one line of 100 + 21% VAT, the first customer, the default profile, finalized; `fields` override. */
	function invoiceBody(companyId: number, fields: Record<string, unknown>): Record<string, unknown> {
		const customer =
			ofCompany(state.customers, companyId)[0] ??
			addCustomerRecord(ctx, companyId, SANDBOX_CUSTOMER);
		const profile = ofCompany(state.profiles, companyId).find((p) => p.fields.default) ?? ofCompany(state.profiles, companyId)[0];
		const vat = ofCompany(state.vatCodes, companyId).find((v) => v.factor === 1.21);
		const ledger = ofCompany(state.ledgerNumbers, companyId)[0];
		return {
			discount: 0,
			includesVat: false,
			lines: [{ description: 'Sandbox item', ledger: ledger?.id ?? null, price: 100, quantity: 1, vat: vat?.id ?? null }],
			meta: { currency: 'EUR', language: 'nl', sendDate: today(), dueDate: today(14) },
			receiver: customer.id,
			sender: profile?.id ?? null,
			status: 1,
			text: { top: '', bottom: '', footer: '' },
			type: '',
			...fields,
		};
	}

	return {
		markPaid(invoiceId, options = {}) {
			const invoice = finalizedInvoice(invoiceId);
			const date = options.date ?? today();
			if (!isValidDate(date)) throw new Error(`control: date '${date}' is not YYYY-MM-DD`);
			const method =
				options.methodId === undefined ? ofCompany(state.paymentMethods, invoice.companyId)[0] : state.paymentMethods.get(options.methodId);
			if (!method) throw new Error('control: no payment method');
			invoice.payment = { method: method.id, methodName: method.name, date, time: `${date} 00:00:00` };
			if (options.notify !== false) {
				addNotification(ctx, invoice.companyId, `Invoice ${invoice.number} has been paid`, { invoice_id: invoice.id });
			}
			return publicInvoice(ctx, invoice);
		},
		markPastDue(invoiceId, options = {}) {
			const invoice = finalizedInvoice(invoiceId);
			if (invoice.payment) throw new Error(`control: invoice ${invoiceId} is paid`);
			const days = options.daysOverdue ?? 1;
			invoice.meta.dueDate = today(-Math.max(1, days));
			if (String(invoice.meta.sendDate ?? '') > String(invoice.meta.dueDate)) invoice.meta.sendDate = today(-Math.max(1, days) - 14);
			if (options.notify) addNotification(ctx, invoice.companyId, `Invoice ${invoice.number} is past due`, { invoice_id: invoice.id });
			return publicInvoice(ctx, invoice);
		},
		addNotification(input) {
			const companyId = input.companyId ?? defaultCompanyId;
			if (!state.companies.has(companyId)) throw new Error(`control: company ${companyId} does not exist`);
			return publicNotification(addNotification(ctx, companyId, input.message, input.data ?? {}, input.time));
		},
		createInvoice(fields = {}, options = {}) {
			const companyId = options.companyId ?? defaultCompanyId;
			const invoice = newInvoiceRecord(ctx, companyId, parseInvoiceInput(ctx, companyId, invoiceBody(companyId, fields)), options.kind ?? 'invoice');
			return publicInvoice(ctx, invoice);
		},
		bulkInvoices(count, fields = {}, options = {}) {
			const companyId = options.companyId ?? defaultCompanyId;
			const input = parseInvoiceInput(ctx, companyId, invoiceBody(companyId, fields));
			const ids: number[] = [];
			for (let i = 0; i < count; i++) {
				const copy = { ...input, lines: input.lines.map((line) => ({ ...line })), meta: { ...input.meta }, text: { ...input.text } };
				ids.push(newInvoiceRecord(ctx, companyId, copy).id);
			}
			return ids;
		},
		bulkCustomers(count, options = {}) {
			const companyId = options.companyId ?? defaultCompanyId;
			const ids: number[] = [];
			for (let i = 0; i < count; i++) {
				const n = state.customers.size + 1;
				ids.push(Number(addCustomerRecord(ctx, companyId, { companyname: `Bulk Customer ${n}`, address: `Bulkstraat ${n}`, postalcode: '1011AB', city: 'Amsterdam', country: 'NL', email: `bulk${n}@example.com`, person: false }).id));
			}
			return ids;
		},
		createCustomer(fields = {}, options = {}) {
			const companyId = options.companyId ?? defaultCompanyId;
			const customer = addCustomerRecord(ctx, companyId, { ...SANDBOX_CUSTOMER, ...fields });
			return publicCustomer(customer);
		},
		expireJwts: () => ctx.tokens.expireAll(),
		verificationCode: (id) => state.verifications.get(id)?.code,
		emailVerificationKey: (id) => state.emailAddresses.get(id)?.key,
	};
}

/** Seeded invoices: alternating amounts and dates over the last months, a few paid. */
export function seedInvoices(control: TheNextInvoiceControl, ctx: TheNextInvoiceContext, count: number): void {
	for (let i = 1; i <= count; i++) {
		const daysAgo = (i * 7) % 330;
		const invoice = control.createInvoice({
			lines: [{ description: `Seed service ${i}`, ledger: null, price: null, quantity: null, vat: null }, seedLine(ctx, i)],
			meta: { currency: 'EUR', language: 'nl', sendDate: today(-daysAgo), dueDate: today(-daysAgo + 30) },
		});
		if (i % 3 === 0) control.markPaid(invoice.id as number, { notify: false, date: today(-Math.max(0, daysAgo - 5)) });
	}
}

function seedLine(ctx: TheNextInvoiceContext, i: number) {
	const vat = [...ctx.state.vatCodes.values()].find((v) => v.factor === 1.21);
	const ledger = [...ctx.state.ledgerNumbers.values()][0];
	return { description: `Seed item ${i}`, ledger: ledger?.id ?? null, price: 50 + ((i * 37) % 450), quantity: 1 + (i % 3), vat: vat?.id ?? null };
}
