import type { IDataObject } from 'n8n-workflow';

import type { ListSpec } from './operations';
import { apiRequest, type RequestContext, type TransportSettings, type VendorApi } from './transport/request';

/** What a trigger's list read returned: the records in the vendor's order, and how it ended. */
export interface PollRead {
	records: IDataObject[];
	/** Requests sent. */
	requests: number;
	/** True when the read reached the end of the list (not stopped early and not cut at `maxPages`). */
	complete: boolean;
	/** True when the read was cut at `maxPages` before the list ended or `reached` said stop. */
	truncated: boolean;
}

const numberOrUndefined = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : Number(value));

/**
 * Reads a list for a polling trigger one page after the other, in the order the request asks for (newest first where
 * the vendor can sort so), and stops after the first page that holds a record `reached` says was already seen, at the
 * end of the list, or after `maxPages`. Pages are read one at a time on purpose: the point is to not ask for the
 * pages after the cursor. (fetchList reads whole lists; this is the trigger's own reader.)
 */
export async function readUntil(
	context: RequestContext,
	api: VendorApi,
	spec: ListSpec,
	options: {
		reached: (record: IDataObject) => boolean;
		maxPages?: number;
		settings?: TransportSettings;
		/** Whether a page is in the order asked for; a page that is not (a vendor that ignored the order) reads on to the end. */
		inOrder?: (items: IDataObject[]) => boolean;
	},
): Promise<PollRead> {
	const { pagination, request } = spec;
	const maxPages = options.maxPages ?? Number.MAX_SAFE_INTEGER;
	const send = async (qs: IDataObject) =>
		(await apiRequest(context, api, { ...request, qs: { ...request.qs, ...qs } }, { settings: options.settings })).body as IDataObject;
	const records: IDataObject[] = [];
	if (pagination.style === 'none') {
		const body = await send({});
		const found = pagination.itemsField ? body?.[pagination.itemsField] : body;
		records.push(...((Array.isArray(found) ? found : found && typeof found === 'object' ? [found] : []) as IDataObject[]));
		return { records, requests: 1, complete: true, truncated: false };
	}
	let requests = 0;
	let ordered = true;
	while (requests < maxPages) {
		let items: IDataObject[];
		let atEnd: boolean;
		if (pagination.style === 'page') {
			const page = pagination.firstPage + requests;
			const body = await send({ [pagination.pageParam]: page, [pagination.pageSizeParam]: pagination.pageSize });
			items = (body?.[pagination.itemsField] ?? []) as IDataObject[];
			const totalPages = pagination.totalPagesField ? numberOrUndefined(body?.[pagination.totalPagesField]) : undefined;
			const total = pagination.totalField ? numberOrUndefined(body?.[pagination.totalField]) : undefined;
			atEnd =
				items.length < pagination.pageSize ||
				(totalPages !== undefined && Number.isFinite(totalPages) && page >= totalPages - (pagination.firstPage === 0 ? 1 : 0)) ||
				(total !== undefined && Number.isFinite(total) && records.length + items.length >= total);
		} else {
			const body = await send({ [pagination.offsetParam]: records.length, [pagination.limitParam]: pagination.pageSize });
			items = (body?.[pagination.itemsField] ?? []) as IDataObject[];
			const total = numberOrUndefined(body?.[pagination.totalField]);
			atEnd = items.length < pagination.pageSize || (total !== undefined && Number.isFinite(total) && records.length + items.length >= total);
		}
		requests++;
		records.push(...items);
		if (atEnd || items.length === 0) return { records, requests, complete: true, truncated: false };
		if (options.inOrder && !options.inOrder(items)) ordered = false;
		if (ordered && items.some(options.reached)) return { records, requests, complete: false, truncated: false };
	}
	return { records, requests, complete: false, truncated: true };
}
