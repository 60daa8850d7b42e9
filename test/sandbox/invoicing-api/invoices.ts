/** The three documented endpoints: create (optionally create-only; at the edition's path), send, status. */
import { json, newUuid, randomToken, type SandboxRequest, type SandboxResponse, type SandboxRoute } from '../framework';
import { validateCreateBody } from './validation';

export type InvoiceEvent = 'delivered' | 'opened' | 'paid';
export const EVENTS: readonly InvoiceEvent[] = ['delivered', 'opened', 'paid'];

export interface StoredInvoice {
	customInvoiceId: string;
	/** The create body as received (pdfBytes included). */
	body: Record<string, any>;
	invoiceUrl: string;
	createdAt: number;
	/** Epoch ms of the send (at create unless create-only). */
	sentAt?: number;
	events: Partial<Record<InvoiceEvent, number>>;
	/** How often it went out to the recipient: must never exceed 1. */
	sendCount: number;
}

export interface InvoicingApiStats {
	logins: number;
	unauthorized: number;
	creates: number;
	duplicates: number;
	sends: number;
	statusRequests: number;
}

/** The two editions of the docs: createInvoice (`POST /invoice/create`) and postInvoice (`POST /invoice`). */
export type InvoicingCreatePath = '/invoice/create' | '/invoice';

export interface InvoicingContext {
	invoices: Map<string, StoredInvoice>;
	stats: InvoicingApiStats;
	url: () => string;
	/** Events that follow a send by themselves after these delays (the sandbox clock); undefined = only the controls. */
	lifecycleMs?: Record<InvoiceEvent, number>;
	/** The create path served; the other one is an unknown route (404). */
	createPath: InvoicingCreatePath;
}

/** NestJS's HttpException body. */
export const nestError = (status: number, message: string | string[], error: string): SandboxResponse =>
	json(status, { statusCode: status, message, error });

/** Events reached by the clock (after a send) are filled in lazily, when someone looks. */
export function advanceClock(ctx: InvoicingContext, invoice: StoredInvoice, now = Date.now()): void {
	if (!ctx.lifecycleMs || invoice.sentAt === undefined) return;
	for (const event of EVENTS) {
		const at = invoice.sentAt + ctx.lifecycleMs[event];
		if (invoice.events[event] === undefined && at <= now) invoice.events[event] = at;
	}
}

/** The documented status answer: a key only for the events that happened. */
export function statusBody(invoice: StoredInvoice): Record<string, string> {
	const body: Record<string, string> = {};
	for (const event of EVENTS) {
		const at = invoice.events[event];
		if (at !== undefined) body[`${event}At`] = new Date(at).toISOString();
	}
	return body;
}

export function invoiceRoutes(ctx: InvoicingContext): SandboxRoute[] {
	const find = (req: SandboxRequest) => ctx.invoices.get(req.params.customInvoiceId);
	// The docs give 400 as the only error answer of status and send; 404 stays for unknown routes (a wrong base URL).
	const notFound = (req: SandboxRequest) => nestError(400, `Invoice with customInvoiceId "${req.params.customInvoiceId}" not found`, 'Bad Request');
	const sendResponse = (status: number, message: string, invoice: StoredInvoice) => json(status, { statusCode: status, message, invoiceUrl: invoice.invoiceUrl });

	return [
		{
			method: 'POST',
			path: `/api${ctx.createPath}`,
			handler: (req) => {
				if (req.body === undefined) return nestError(400, 'Request body must be valid JSON', 'Bad Request');
				const problems = validateCreateBody(req.body);
				if (problems.length) return nestError(422, problems, 'Unprocessable Entity');
				const body = req.body as Record<string, any>;
				const customInvoiceId = String(body.invoiceDetails.customInvoiceId || newUuid());
				if (ctx.invoices.has(customInvoiceId)) {
					ctx.stats.duplicates++;
					return nestError(409, `Invoice with customInvoiceId "${customInvoiceId}" already exists`, 'Conflict');
				}
				const now = Date.now();
				const createOnly = body.smsDetails?.createOnly === true;
				const invoice: StoredInvoice = {
					customInvoiceId,
					body,
					invoiceUrl: `${ctx.url()}/i/${randomToken(9)}`,
					createdAt: now,
					sentAt: createOnly ? undefined : now,
					events: {},
					sendCount: createOnly ? 0 : 1,
				};
				ctx.invoices.set(customInvoiceId, invoice);
				ctx.stats.creates++;
				return sendResponse(201, createOnly ? 'Invoice created' : 'Invoice created and sent', invoice);
			},
		},
		{
			method: 'POST',
			path: '/api/invoice/:customInvoiceId/send',
			handler: (req) => {
				const invoice = find(req);
				if (!invoice) return notFound(req);
				if (invoice.sentAt !== undefined) return nestError(400, 'Invoice has already been sent', 'Bad Request');
				invoice.sentAt = Date.now();
				invoice.sendCount++;
				ctx.stats.sends++;
				return sendResponse(200, 'Invoice sent', invoice);
			},
		},
		{
			method: 'GET',
			path: '/api/invoice/:customInvoiceId/status',
			handler: (req) => {
				ctx.stats.statusRequests++;
				const invoice = find(req);
				if (!invoice) return notFound(req);
				advanceClock(ctx, invoice);
				return json(200, statusBody(invoice));
			},
		},
	];
}
