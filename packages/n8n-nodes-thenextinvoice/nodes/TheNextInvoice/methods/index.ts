import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '@n8n-nodes-eu-finance/shared/transport/request';
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

/** A whole-list answer as picker entries whose name contains the filter (these endpoints have no search). */
async function pickFromList(context: ILoadOptionsFunctions, path: string, label: (record: IDataObject) => string, filter?: string): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase();
	const results = asList(await get(context, path))
		.map((record) => ({ name: label(record), value: String(record.id) }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));
	return { results };
}

/** Invoice profiles (the sender of an invoice). */
export async function searchProfiles(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await pickFromList(this, '/settings/profile', (p) => String(p.name ?? p.companyname ?? `Profile ${String(p.id)}`), filter);
}

/** The companies the user can access (switch company). */
export async function searchCompanies(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await pickFromList(this, '/company', (c) => String(c.name ?? `Company ${String(c.id)}`), filter);
}

export async function searchEmailTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await pickFromList(this, '/settings/email/text', (t) => String(t.name || t.subject || `Template ${String(t.id)}`), filter);
}

export async function searchSmsTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await pickFromList(this, '/settings/sms/text', (t) => String(t.name || `Template ${String(t.id)}`), filter);
}

/** Products page by page (product search: pages 0 and 1 are the same, so from 1; `total_pages`). */
export async function searchProducts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const body = (await get(this, '/product/search', { page, limit: 100, order: 'description', ...(filter ? { term: filter } : {}) })) as IDataObject;
	const results = asList(body).map((p) => ({ name: `${String(p.description ?? p.id)}${p.price !== undefined && p.price !== null ? ` (${String(p.price)})` : ''}`, value: String(p.id) }));
	return { results, paginationToken: page < Number(body.total_pages ?? page) ? String(page + 1) : undefined };
}

export async function getVatCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asList(await get(this, '/settings/vatcodes')).map((v) => ({
		name: `${String(v.description ?? v.name ?? v.id)}${v.percentage !== undefined ? ` (${String(v.percentage)}%)` : ''}`,
		value: Number(v.id),
	}));
}

/** "8000 Revenue": the vendor's ledger records are `{ id, name, ledgernumber, costcenter }`. */
export async function getLedgerNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asList(await get(this, '/settings/ledgernumbers')).map((l) => ({
		name: `${String(l.ledgernumber ?? l.id)} ${String(l.name ?? '')}`.trim(),
		value: Number(l.id),
	}));
}

export async function getPaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return asList(await get(this, '/settings/paymentmethods')).map((m) => ({ name: String(m.name ?? m.description ?? m.id), value: Number(m.id) }));
}

/** Records of a whole-list endpoint as dropdown entries, after "Remove the Link" (0): for the profile's send settings. */
async function linkOptions(context: ILoadOptionsFunctions, path: string, label: (record: IDataObject) => string): Promise<INodePropertyOptions[]> {
	const records = asList(await get(context, path)).map((record) => ({ name: label(record), value: Number(record.id) }));
	return [{ name: 'Remove the Link', value: 0 }, ...records];
}

export async function getEmailAddresses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await linkOptions(this, '/settings/email/address', (a) => `${String(a.email ?? a.id)}${a.verified === false ? ' (not verified)' : ''}`);
}

export async function getEmailTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await linkOptions(this, '/settings/email/text', (t) => String(t.name || t.subject || `Template ${String(t.id)}`));
}

export async function getSmsTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await linkOptions(this, '/settings/sms/text', (t) => String(t.name || `Template ${String(t.id)}`));
}

export async function getAttachments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await linkOptions(this, '/settings/attachments', (a) => String(a.name || a.filename || `Attachment ${String(a.id)}`));
}
