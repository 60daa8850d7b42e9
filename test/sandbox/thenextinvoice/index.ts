/**
 * Local sandbox of the TheNextInvoice API v1 (https://api.thenextinvoice.com/api/v1), built from
 * TheNextInvoice's published API docs (https://docs.thenextinvoice.com/, newer edition).
 * In-memory, one instance per test file. Every JSON answer is wrapped in the vendor envelope.
 */
import { startSandbox, TokenStore, type RunningSandbox } from '../framework';
import { analyticsRoutes } from './analytics';
import { attachmentRoutes } from './attachments';
import { authenticate, authRoutes } from './auth';
import { bookkeepingRoutes } from './bookkeeping';
import { companyRoutes } from './company';
import {
	BASE_PATH,
	type TheNextInvoiceContext,
	type TheNextInvoiceState,
	type TheNextInvoiceStats,
	type TheNextInvoiceTokenSubject,
} from './context';
import { customerRoutes } from './customers';
import { emailSmsRoutes } from './email-sms';
import { createControl, seedInvoices, type TheNextInvoiceControl } from './control';
import { integrationRoutes } from './integrations';
import { invoiceFileRoutes } from './invoice-files';
import { invoiceRoutes } from './invoices';
import { notificationRoutes } from './notifications';
import { productRoutes } from './products';
import { profileRoutes } from './profiles';
import { sepaRoutes } from './sepa';
import { settingsRoutes } from './settings';
import { createSequences, emptyState, seedState } from './state';
import { twoFactorRoutes } from './two-factor';
import { userRoutes } from './users';
import { verificationRoutes } from './verification';

export type { TheNextInvoiceControl } from './control';
export type {
	CallerAuth,
	StoredCustomer,
	StoredInvoice,
	StoredNotification,
	StoredProduct,
	StoredProfile,
	TheNextInvoiceState,
	TheNextInvoiceStats,
	TheNextInvoiceTokenSubject,
} from './context';
export { totpCode } from './two-factor';

export interface TheNextInvoiceSandboxOptions {
	/** 0 / undefined: random free port. */
	port?: number;
	/** Value of X-Api-Token that is accepted (it belongs to the first company). Default 'tni_test_api_token'. */
	apiToken?: string;
	/** Login of the owner user. Default 'owner@example.com'. */
	email?: string;
	/** Default 'tni-password'. */
	password?: string;
	/** The vendor does not document it; after it a JWT answers 401. Default 3600. */
	jwtLifetimeSeconds?: number;
	/** Finalized invoices in the first company (every third one paid). Default 0. */
	seedInvoices?: number;
	/** Customers 'Seed Customer 00001', ... in the first company. Default 0. */
	seedCustomers?: number;
	/** Products 'Product 1', ... in the first company. Default 0. */
	seedProducts?: number;
	/** The vendor docs' example e-mail and SMS templates ('Default', 'Payment reminder', ...) in each company. Default false. */
	seedTemplates?: boolean;
}

export interface TheNextInvoiceSandbox extends RunningSandbox {
	/** url + '/api/v1' */
	baseUrl: string;
	apiToken: string;
	email: string;
	password: string;
	/** The owner's companies; [0] is the API token's company and the default login company. */
	companyIds: number[];
	tokens: TokenStore<TheNextInvoiceTokenSubject>;
	/** All records of all companies (each carries its companyId). */
	state: TheNextInvoiceState;
	stats: TheNextInvoiceStats;
	control: TheNextInvoiceControl;
}

export async function startTheNextInvoiceSandbox(options: TheNextInvoiceSandboxOptions = {}): Promise<TheNextInvoiceSandbox> {
	const apiToken = options.apiToken ?? 'tni_test_api_token';
	const email = options.email ?? 'owner@example.com';
	const password = options.password ?? 'tni-password';
	const ctx: TheNextInvoiceContext = {
		state: emptyState(),
		tokens: new TokenStore<TheNextInvoiceTokenSubject>(),
		stats: { logins: 0, unauthorized: 0, creates: {} },
		apiToken,
		jwtLifetimeSeconds: options.jwtLifetimeSeconds ?? 3600,
		callers: new WeakMap(),
		nextId: createSequences(),
	};
	const companyIds = seedState(ctx, {
		email,
		password,
		seedCustomers: options.seedCustomers ?? 0,
		seedProducts: options.seedProducts ?? 0,
		seedInvoices: options.seedInvoices ?? 0,
		seedTemplates: options.seedTemplates ?? false,
	});
	const ownerId = ctx.state.memberships[0].userId;
	const control = createControl(ctx, companyIds[0]);
	seedInvoices(control, ctx, options.seedInvoices ?? 0);

	const fileRoutes = invoiceFileRoutes(ctx);
	const sandbox = await startSandbox({
		name: 'thenextinvoice',
		port: options.port,
		routes: [
			...authRoutes(ctx),
			// Static /invoice/... paths (search, totals, csv, syncpayments) come before /invoice/:id.
			...fileRoutes.filter((route) => !route.path.includes(':')),
			...invoiceRoutes(ctx),
			...fileRoutes.filter((route) => route.path.includes(':')),
			...customerRoutes(ctx),
			...productRoutes(ctx),
			...bookkeepingRoutes(ctx),
			...companyRoutes(ctx),
			// /settings/sms/count and /settings/sms/text before the generic profile/email routes.
			...settingsRoutes(ctx),
			...emailSmsRoutes(ctx),
			...attachmentRoutes(ctx),
			...profileRoutes(ctx),
			...verificationRoutes(ctx),
			...integrationRoutes(ctx),
			...userRoutes(ctx),
			...twoFactorRoutes(ctx),
			...analyticsRoutes(ctx),
			...sepaRoutes(ctx),
			...notificationRoutes(ctx),
		],
		onRequest: authenticate(ctx, companyIds[0], ownerId),
		decorateResponse: (response) => {
			if (response.status === 401) ctx.stats.unauthorized += 1;
		},
		// Vendor envelope; the numeric error code is the HTTP status (the doc shows only `code: 0`, no catalogue).
		errorBody: ({ status, message }) => ({ success: false, error: { code: status, message } }),
	});

	return Object.assign(sandbox, {
		baseUrl: sandbox.url + BASE_PATH,
		apiToken,
		email,
		password,
		companyIds,
		tokens: ctx.tokens,
		state: ctx.state,
		stats: ctx.stats,
		control,
	});
}
