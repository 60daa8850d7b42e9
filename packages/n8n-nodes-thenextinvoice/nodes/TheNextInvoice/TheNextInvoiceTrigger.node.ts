import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { fetchList, pollTransportSettings, type ListSpec } from '@n8n-nodes-eu-finance/shared/operations';
import { requestOptionsProperty } from '@n8n-nodes-eu-finance/shared/properties';
import {
	markCursor,
	markOf,
	oldSeenIds,
	reachedMark,
	storeCursor,
	takeAfterMark,
	takeInWindow,
	windowCursor,
	type MarkCursor,
	type MarkOptions,
} from '@n8n-nodes-eu-finance/shared/pollCursor';
import { readUntil } from '@n8n-nodes-eu-finance/shared/pollList';
import { apiRequest, type TransportSettings, type VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';
import { tniApiByAuthentication } from './api';
import { authenticationProperty, tniCredentials } from './fields';

type TriggerEvent = 'newInvoice' | 'invoicePaid' | 'invoicePastDue' | 'newCustomer' | 'newNotification';

const invoicePages = (qs: IDataObject): ListSpec => ({
	request: { method: 'GET', path: '/invoice/search', qs: { type: 'invoice', order: 'id', reverse: 'true', ...qs } },
	pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items', totalPagesField: 'last' },
});

/** What each event watches. Paid / past due: an invoice is emitted when it first appears with that status. */
const WATCHED: Record<TriggerEvent, ListSpec> = {
	newInvoice: invoicePages({}),
	invoicePaid: invoicePages({ status: 'paid' }),
	invoicePastDue: invoicePages({ status: 'pastdue' }),
	newCustomer: {
		request: { method: 'GET', path: '/customer/search', qs: { order: 'id', reverse: 'true' } },
		pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items' },
	},
	newNotification: { request: { method: 'GET', path: '/notifications' }, pagination: { style: 'none' } },
};

/** Drafts (`type=draft`), newest first: the invoices that can still become a New Invoice below the mark. */
const DRAFTS: ListSpec = {
	request: { method: 'GET', path: '/invoice/search', qs: { type: 'draft', order: 'id', reverse: 'true' } },
	pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items', totalPagesField: 'last' },
};

/** Paid / past due read the newest pages (by id) of their list only: 10 pages = the newest 1,000 such invoices. */
export const WINDOW_PAGES = 10;
/** Drafts tracked below the mark (New Invoice): the newest 1,000. */
export const DRAFT_PAGES = 10;

const byId: MarkOptions = { orderOf: (r) => Number(r.id), idOf: (r) => String(r.id) };
const descending = (items: IDataObject[]) => items.every((r, i) => i === 0 || Number(r.id) < Number(items[i - 1].id));

/**
 * New Invoice cursor: the highest invoice id seen (`mark`) and the ids of drafts at or below it (`pending`).
 * An invoice gets its id when it is created, usually as a draft, and enters `type=invoice` only when it is finalized
 * (the id stays; the number is given then, and the next number can be set to anything in Settings, so numbers are
 * no mark either). A draft created before the mark and finalized after it would be missed by an id mark alone, so
 * each poll also reads the drafts (newest first, usually one page): a pending draft that has left the draft list was
 * finalized (emitted once, read by id) or deleted (404, dropped).
 */
interface InvoiceCursor extends MarkCursor {
	pending?: number[];
}

type PollOutcome = { fresh: IDataObject[]; next: object };

async function pollNewInvoice(
	context: IPollFunctions,
	api: VendorApi,
	settings: TransportSettings,
	staticData: IDataObject,
): Promise<PollOutcome> {
	const key = 'newInvoice';
	// Drafts first: a draft finalized while this poll runs is then in the draft list or in the invoice list read after it.
	const drafts = await readUntil(context, api, DRAFTS, { reached: () => false, maxPages: DRAFT_PAGES, settings });
	const draftIds = new Set(drafts.records.map((r) => Number(r.id)));
	const pendingBelow = (mark: number, finalized: Set<number>) => [...draftIds].filter((id) => id <= mark && !finalized.has(id)).sort((a, b) => b - a);
	const old = oldSeenIds(staticData, key);
	const cursor = markCursor(staticData, key) as InvoiceCursor | undefined;
	if (old || !cursor) {
		// Migration from the old cursor (every id): one full read, as before, then the mark. First poll: one page.
		const records = old ? await fetchList(context, api, WATCHED.newInvoice, { settings }) : (await readUntil(context, api, WATCHED.newInvoice, { reached: () => true, settings })).records;
		const next: InvoiceCursor = { ...markOf(key, records, byId) };
		next.pending = pendingBelow(next.mark, new Set(records.map((r) => Number(r.id))));
		return { fresh: old ? records.filter((r) => !old.has(String(r.id))).reverse() : [], next };
	}
	const read = await readUntil(context, api, WATCHED.newInvoice, { reached: reachedMark(cursor, byId), settings, inOrder: descending });
	const { fresh, next } = takeAfterMark(cursor, read.records, byId);
	const finalized = new Set(read.records.map((r) => Number(r.id)));
	const pending = cursor.pending ?? [];
	// Pending drafts that the read found finalized (on the page that reached the mark).
	const done = new Set<number>();
	for (const record of read.records) {
		const id = Number(record.id);
		if (id <= cursor.mark && pending.includes(id)) {
			fresh.push(record);
			done.add(id);
		}
	}
	// Pending drafts that left the draft list: finalized (emit) or deleted (drop). Read one by one; usually none.
	const stillPending = new Set<number>();
	for (const id of pending) {
		if (done.has(id)) continue;
		if (draftIds.has(id) || !drafts.complete) {
			stillPending.add(id);
			continue;
		}
		const answer = await apiRequest(context, api, { method: 'GET', path: `/invoice/${id}` }, { settings }).then(
			(response) => response.body as IDataObject,
			(error: unknown) => (error instanceof NodeApiError ? error : new NodeOperationError(context.getNode(), error as Error)),
		);
		if (answer instanceof NodeApiError && answer.httpCode === '404') continue; // deleted
		if (answer instanceof NodeApiError || answer instanceof NodeOperationError) throw answer;
		if (Number(answer?.status) === 1) fresh.push(answer);
		else stillPending.add(id);
	}
	for (const id of pendingBelow(next.mark, finalized)) if (id > cursor.mark) stillPending.add(id);
	const kept: InvoiceCursor = { ...next, pending: [...stillPending].sort((a, b) => b - a).slice(0, DRAFT_PAGES * 100) };
	return { fresh, next: kept };
}

/** New Customer, New Notification: ids only grow, so the mark is the whole cursor. */
async function pollByMark(context: IPollFunctions, api: VendorApi, settings: TransportSettings, staticData: IDataObject, event: TriggerEvent): Promise<PollOutcome> {
	const old = oldSeenIds(staticData, event);
	const cursor = markCursor(staticData, event);
	if (old || !cursor) {
		const records = old ? await fetchList(context, api, WATCHED[event], { settings }) : (await readUntil(context, api, WATCHED[event], { reached: () => true, settings })).records;
		const fresh = old ? records.filter((r) => !old.has(String(r.id))).sort((a, b) => Number(a.id) - Number(b.id)) : [];
		return { fresh, next: markOf(event, records, byId) };
	}
	// Newest first; a vendor answer that is not in that order is read to its end (still right, only slower).
	const read = await readUntil(context, api, WATCHED[event], { reached: reachedMark(cursor, byId), settings, inOrder: descending });
	return takeAfterMark(cursor, read.records, byId);
}

/** Invoice Paid / Past Due: invoices enter these lists in any id order, so the newest WINDOW_PAGES pages are compared by id. */
async function pollWindow(context: IPollFunctions, api: VendorApi, settings: TransportSettings, staticData: IDataObject, event: TriggerEvent): Promise<PollOutcome> {
	const read = await readUntil(context, api, WATCHED[event], { reached: () => false, maxPages: WINDOW_PAGES, settings });
	const result = takeInWindow(windowCursor(staticData, event), event, read.records, read.complete, { ...byId, seen: oldSeenIds(staticData, event) });
	result.fresh.reverse();
	return result;
}

export class TheNextInvoiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TheNextInvoice Trigger',
		name: 'theNextInvoiceTrigger',
		icon: { light: 'file:thenextinvoice.svg', dark: 'file:thenextinvoice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new invoices, payments, overdue invoices, new customers or notifications in TheNextInvoice',
		defaults: { name: 'TheNextInvoice Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: tniCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Invoice Paid', value: 'invoicePaid' },
					{ name: 'Invoice Past Due', value: 'invoicePastDue' },
					{ name: 'New Customer', value: 'newCustomer' },
					{ name: 'New Invoice', value: 'newInvoice' },
					{ name: 'New Notification', value: 'newNotification' },
				],
				default: 'newInvoice',
			},
			requestOptionsProperty(undefined, { forPages: true }),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const api = tniApiByAuthentication(this.getNodeParameter('authentication', 'apiToken'));
		const settings = pollTransportSettings(this);
		if (this.getMode() === 'manual') {
			// A sample for building the workflow (the newest record, one request); the cursor stays where it is.
			const { records } = await readUntil(this, api, WATCHED[event], { reached: () => true, maxPages: 1, settings });
			return records.length ? [this.helpers.returnJsonArray(records.slice(0, 1))] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const { fresh, next } =
			event === 'newInvoice'
				? await pollNewInvoice(this, api, settings, staticData)
				: event === 'invoicePaid' || event === 'invoicePastDue'
					? await pollWindow(this, api, settings, staticData, event)
					: await pollByMark(this, api, settings, staticData, event);
		// Only after every request of the poll succeeded: a failed poll leaves the cursor as it was.
		storeCursor(staticData, next);
		return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}
