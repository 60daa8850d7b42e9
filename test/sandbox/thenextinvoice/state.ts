/** Initial sandbox state (two companies, one owner user, bookkeeping defaults, seeds) and record factories. */
import { randomToken } from '../framework';
import {
	today,
	type CompanySettings,
	type StoredCustomer,
	type StoredProfile,
	type TheNextInvoiceContext,
	type TheNextInvoiceState,
} from './context';

export interface InitialStateSettings {
	email: string;
	password: string;
	seedInvoices: number;
	seedCustomers: number;
	seedProducts: number;
	seedTemplates: boolean;
}

/** Id sequences start where the vendor doc's examples are, so ids look familiar. */
const SEQUENCE_STARTS: Record<string, number> = {
	invoice: 45311,
	customer: 1,
	product: 1,
	ledgerNumber: 76,
	vatCode: 154,
	paymentMethod: 8,
	notification: 42,
	comment: 123,
	sepaBatch: 1,
	profile: 1,
	emailAddress: 1,
	emailText: 1,
	smsText: 1,
	attachment: 1,
	invoiceAttachment: 1,
	verification: 1,
	user: 1,
};

export function createSequences(): (sequence: string) => number {
	const next = new Map<string, number>();
	return (sequence) => {
		const id = next.get(sequence) ?? SEQUENCE_STARTS[sequence] ?? 1;
		next.set(sequence, id + 1);
		return id;
	};
}

export function emptyState(): TheNextInvoiceState {
	return {
		companies: new Map(),
		users: new Map(),
		memberships: [],
		settings: new Map(),
		invoices: new Map(),
		creationTokens: new Map(),
		customers: new Map(),
		products: new Map(),
		ledgerNumbers: new Map(),
		vatCodes: new Map(),
		paymentMethods: new Map(),
		notifications: new Map(),
		sepaBatches: new Map(),
		profiles: new Map(),
		emailAddresses: new Map(),
		emailTexts: new Map(),
		smsTexts: new Map(),
		attachments: new Map(),
		verifications: new Map(),
		integrations: new Map(),
	};
}

/** Two companies the owner can switch between, each with VAT codes, ledger numbers, a payment method and a default profile. */
export function seedState(ctx: TheNextInvoiceContext, settings: InitialStateSettings): number[] {
	const { state } = ctx;
	const ownerId = ctx.nextId('user');
	state.users.set(ownerId, {
		id: ownerId,
		email: settings.email,
		name: 'TNI Sandbox Owner',
		password: settings.password,
		language: 'en',
		twoFactor: { status: 'disabled', recoveryCodes: [] },
	});
	const companyIds: number[] = [];
	for (const [index, name] of ['TNI Sandbox B.V.', 'TNI Sandbox Second B.V.'].entries()) {
		const id = index + 1;
		companyIds.push(id);
		state.companies.set(id, {
			id,
			name,
			address: `Condensatorweg ${54 + index}`,
			postalcode: '1014AX',
			city: 'Amsterdam',
			coc: String(12345678 + index),
			country: 'NL',
			logo: null,
		});
		state.memberships.push({ companyId: id, userId: ownerId, role: 'owner' });
		state.settings.set(id, defaultSettings(id));
		seedBookkeeping(ctx, id, name);
	}
	const main = companyIds[0];
	for (let i = 1; i <= settings.seedCustomers; i++) addCustomerRecord(ctx, main, seedCustomerFields(i));
	for (let i = 1; i <= settings.seedProducts; i++) {
		const id = ctx.nextId('product');
		state.products.set(id, { companyId: main, id, description: `Product ${i}`, price: 10 + (i % 50), vat_id: null, ledgernumber_id: null });
	}
	if (settings.seedTemplates) for (const companyId of companyIds) seedTemplates(ctx, companyId);
	return companyIds;
}

/** The vendor docs' example templates (GET /settings/email/text and /settings/sms/text), plus a reminder of each kind. */
function seedTemplates(ctx: TheNextInvoiceContext, companyId: number): void {
	for (const [name, subject, text] of [
		['Default', 'Invoice {invoicenumber}', '<p>Dear {companyname},</p><p>Please find invoice {invoicenumber} attached. You can pay it here: {paymentlink}</p>'],
		['Reminder', 'Reminder: invoice {invoicenumber}', '<p>Dear {companyname},</p><p>Invoice {invoicenumber} was due on {duedate}. You can pay it here: {paymentlink}</p>'],
	]) {
		const id = ctx.nextId('emailText');
		ctx.state.emailTexts.set(id, { companyId, id, name, subject, text });
	}
	for (const [name, text] of [
		['Payment reminder', 'Please pay via {paymentlink}'],
		['New invoice', 'Your invoice is ready: {viewinvoice}'],
	]) {
		const id = ctx.nextId('smsText');
		ctx.state.smsTexts.set(id, { companyId, id, name, text });
	}
}

function defaultSettings(companyId: number): CompanySettings {
	return {
		numbers: { invoice: `${new Date().getUTCFullYear()}00001`, quotation: '00001' },
		ledgerNumberDebit: 1000,
		sepa: { id: companyId, company_id: companyId, creditor_name: '', iban: '', creditor_identifier: '' },
		payment: { message: 'Please pay invoice {invoicenumber}.', success_message: 'Thank you for your payment.' },
		peppol: { id: companyId, company_id: companyId, enabled: false },
		sms: { id: companyId, company_id: companyId, enabled: false },
		smsCount: { last: 0, current: 0, total: 0 },
		terms: null,
		prognosis: null,
		preferences: { package: 'premium', addons: [], language: 'EN', confirmed: true, grace: 0 },
	};
}

function seedBookkeeping(ctx: TheNextInvoiceContext, companyId: number, companyName: string): void {
	const { state } = ctx;
	for (const [name, ledgernumber] of [
		['Revenue', '8000'],
		['Shipping', '4020'],
	]) {
		const id = ctx.nextId('ledgerNumber');
		state.ledgerNumbers.set(id, { companyId, id, name, ledgernumber, costcenter: '' });
	}
	for (const [name, code, factor, type] of [
		['Geen BTW', '', 1, 'none'],
		['9% BTW', 'VL', 1.09, 'low'],
		['21% BTW', 'VH', 1.21, 'high'],
	] as const) {
		const id = ctx.nextId('vatCode');
		state.vatCodes.set(id, { companyId, id, name, code, factor, type });
	}
	const methodId = ctx.nextId('paymentMethod');
	state.paymentMethods.set(methodId, { companyId, id: methodId, name: 'Bank transfer' });
	const profile = newProfile(ctx, companyId, { name: 'Default Profile', default: true });
	Object.assign(profile.fields, {
		companyName,
		address: 'Condensatorweg 54',
		postalCode: '1014AX',
		city: 'Amsterdam',
		country: 'NL',
		vatNumber: 'NL857494454B01',
		coc: '12345678',
		iban: 'NL73EXMPL000000000',
		email: 'info@example.com',
	});
}

/** A profile with the vendor's defaults (`fields` are the public ones, `id` included). */
export function newProfile(ctx: TheNextInvoiceContext, companyId: number, overrides: Record<string, unknown> = {}): StoredProfile {
	const id = ctx.nextId('profile');
	const profile: StoredProfile = {
		companyId,
		id,
		logoData: null,
		fields: {
			id,
			name: 'New profile',
			default: false,
			logo: null,
			language: 'nl',
			expiration: 14,
			companyName: '',
			contact: '',
			address: '',
			postalCode: '',
			city: '',
			country: 'NL',
			vatNumber: '',
			coc: '',
			iban: '',
			phone: '',
			email: '',
			extra: '',
			config: {},
			extratext: '',
			extratextbottom: '',
			footer: '',
			quotationextratext: '',
			quotationextratextbottom: '',
			quotationfooter: '',
			logo_position: 'left',
			sender_position: 'right',
			margin_global: 15,
			margin_header: 10,
			merge_mail_attachments: false,
			email_from_id: null,
			email_cc_id: null,
			email_text_id: null,
			email_text_reminder_id: null,
			email_text_quotation_id: null,
			sms_text_id: null,
			email_attachment_id: null,
			email_attachment_quotation_id: null,
			peppol_verified: false,
			...overrides,
		},
	};
	ctx.state.profiles.set(id, profile);
	return profile;
}

export const CUSTOMER_FIELDS = [
	'debnumber',
	'companyname',
	'companycontact',
	'address',
	'postalcode',
	'city',
	'country',
	'vatnumber',
	'email',
	'ccaddress',
	'phone',
	'iban',
	'optionalfield_1',
	'optionalfield_2',
	'person',
	'option_expiration',
	'option_extratext',
	'option_extratextbottom',
	'option_language',
	'option_currency',
] as const;

/** Stores a customer; absent documented fields get their default (null). */
export function addCustomerRecord(ctx: TheNextInvoiceContext, companyId: number, input: Record<string, unknown>): StoredCustomer {
	const id = ctx.nextId('customer');
	const customer: StoredCustomer = { companyId, id, fields: customerFields(input), createdAt: today() };
	ctx.state.customers.set(id, customer);
	return customer;
}

export function customerFields(input: Record<string, unknown>): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const name of CUSTOMER_FIELDS) fields[name] = input[name] ?? null;
	fields.person = input.person === true;
	return fields;
}

/** The documented wire shape: ids and the person flag are strings. */
export function publicCustomer(customer: StoredCustomer): Record<string, unknown> {
	const result: Record<string, unknown> = { id: String(customer.id) };
	for (const name of CUSTOMER_FIELDS) result[name] = customer.fields[name] ?? null;
	result.person = customer.fields.person ? '1' : '0';
	return result;
}

function seedCustomerFields(i: number): Record<string, unknown> {
	const label = String(i).padStart(5, '0');
	return {
		companyname: `Seed Customer ${label}`,
		companycontact: `Contact ${label}`,
		address: `Seedstraat ${i}`,
		postalcode: '1011AB',
		city: 'Amsterdam',
		country: 'NL',
		email: `customer${i}@example.com`,
		person: false,
	};
}

export function paymentToken(): string {
	return randomToken(9).replace(/[^A-Za-z0-9]/g, 'x').toLowerCase();
}
