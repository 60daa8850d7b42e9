import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport/request';
import { tniApiByAuthentication } from '../api';

async function get(context: ILoadOptionsFunctions, path: string, qs?: IDataObject): Promise<unknown> {
	const api = tniApiByAuthentication(context.getNodeParameter('authentication', 'apiToken'));
	return (await apiRequest(context, api, { method: 'GET', path, qs })).body;
}

const asList = (body: unknown): IDataObject[] => (Array.isArray(body) ? (body as IDataObject[]) : (((body as IDataObject)?.items as IDataObject[]) ?? []));

/** Customers page by page (customer search: page from 1, counts as strings). */
export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const body = (await get(this, '/customer/search', { page, limit: 100, ...(filter ? { term: filter } : {}) })) as IDataObject;
	const results = asList(body).map((c) => ({ name: String(c.companyname ?? c.id), value: String(c.id) }));
	return { results, paginationToken: page < Number(body.last ?? page) ? String(page + 1) : undefined };
}

/** Invoices, newest first (invoice search: page from 1). */
export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const body = (await get(this, '/invoice/search', { page, limit: 100, order: 'id', reverse: 'true', ...(filter ? { term: filter } : {}) })) as IDataObject;
	const results = asList(body).map((i) => ({ name: `${String(i.number || `Draft ${String(i.id)}`)}`, value: String(i.id) }));
	return { results, paginationToken: page < Number(body.last ?? page) ? String(page + 1) : undefined };
}

/** Invoice profiles (the sender of an invoice). */
export async function searchProfiles(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = filter?.toLowerCase();
	const results = asList(await get(this, '/settings/profile'))
		.map((p) => ({ name: String(p.name ?? p.companyname ?? `Profile ${String(p.id)}`), value: String(p.id) }))
		.filter((p) => !needle || p.name.toLowerCase().includes(needle));
	return { results };
}

export async function getVatCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asList(await get(this, '/settings/vatcodes')).map((v) => ({
		name: `${String(v.description ?? v.name ?? v.id)}${v.percentage !== undefined ? ` (${String(v.percentage)}%)` : ''}`,
		value: Number(v.id),
	}));
}

export async function getLedgerNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asList(await get(this, '/settings/ledgernumbers')).map((l) => ({
		name: `${String(l.number ?? l.id)} ${String(l.description ?? '')}`.trim(),
		value: Number(l.id),
	}));
}

export async function getPaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asList(await get(this, '/settings/paymentmethods')).map((m) => ({ name: String(m.name ?? m.description ?? m.id), value: Number(m.id) }));
}
