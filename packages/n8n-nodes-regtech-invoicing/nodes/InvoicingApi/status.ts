import type { IDataObject } from 'n8n-workflow';

import { asNodeError } from '@n8n-nodes-eu-finance/shared/transport/errors';
import { apiRequest, type RequestContext, type TransportSettings, type VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';

export type InvoiceEvent = 'delivered' | 'opened' | 'paid';

/** The status answer has a key only for the events that happened. */
export const INVOICE_EVENTS: ReadonlyArray<{ event: InvoiceEvent; field: string }> = [
	{ event: 'delivered', field: 'deliveredAt' },
	{ event: 'opened', field: 'openedAt' },
	{ event: 'paid', field: 'paidAt' },
];

export const statusPath = (customInvoiceId: string) => `/invoice/${encodeURIComponent(customInvoiceId)}/status`;

/**
 * The current state and each event's date (null until it happens). The API has no "sent" event: an invoice
 * it knows without any event is reported as "sent" (this includes a create-only invoice that was not sent yet).
 */
export function simplifyStatus(customInvoiceId: string, status: IDataObject): IDataObject {
	let state = 'sent';
	const dates: IDataObject = {};
	for (const { event, field } of INVOICE_EVENTS) {
		const date = status[field];
		dates[field] = typeof date === 'string' && date ? date : null;
		if (dates[field]) state = event;
	}
	return { customInvoiceId, state, ...dates };
}

const httpCodeOf = (error: unknown) => String((error as { httpCode?: unknown })?.httpCode ?? '');

/**
 * The invoice's status, or undefined when the API does not know the id (404; the docs give 400 as the error
 * answer of this endpoint, so 400 counts as "not found" too).
 */
export async function findStatus(
	context: RequestContext,
	api: VendorApi,
	customInvoiceId: string,
	options: { itemIndex?: number; settings?: TransportSettings } = {},
): Promise<IDataObject | undefined> {
	try {
		const { body } = await apiRequest(context, api, { method: 'GET', path: statusPath(customInvoiceId) }, options);
		return (body ?? {}) as IDataObject;
	} catch (error) {
		if (['400', '404'].includes(httpCodeOf(error))) return undefined;
		throw asNodeError(context.getNode(), error, options.itemIndex);
	}
}


/**
 * After a Send whose outcome is unknown, or a refusal of a second send: only an event (delivered, opened, paid)
 * proves the invoice went out. The proof, or `undefined` when no event shows it or the status could not be read.
 * The docs do not say that the API refuses a second send, so without such proof nothing is sent again (it could
 * message the customer twice) unless the user says to (Send Again When Unproven).
 */
export async function proveSent(context: RequestContext, api: VendorApi, customInvoiceId: string, options: { itemIndex?: number; settings?: TransportSettings }): Promise<IDataObject | undefined> {
	const status = await findStatus(context, api, customInvoiceId, options).catch(() => undefined);
	if (!status || !INVOICE_EVENTS.some(({ field }) => status[field])) return undefined;
	return { recoveredAfterUnknownOutcome: true, status: simplifyStatus(customInvoiceId, status) };
}
