import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '@n8n-nodes-eu-finance/shared/transport/request';
import { fiskalyApi } from '../api';

const PAGE = 100;

/** Searches one page at a time; fiskaly has no name filter, so matching happens here. */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const { body } = await apiRequest(context, fiskalyApi, { method: 'GET', path, qs: { limit: PAGE, offset } });
	const { data = [], count = 0 } = body as { data?: IDataObject[]; count?: number };
	const needle = filter?.toLowerCase();
	const results = data
		.map((record) => ({ name: label(record), value: String(record._id) }))
		.filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.value.includes(needle));
	const next = offset + data.length;
	return { results, paginationToken: next < count && data.length > 0 ? String(next) : undefined };
}

export async function searchOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/organizations', (o) => String(o.display_name || o.name), filter, paginationToken);
}

export async function searchApiKeys(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const organizationId = this.getCurrentNodeParameter('organizationId', { extractValue: true }) as string;
	if (!organizationId) return { results: [] };
	return await searchPage(
		this,
		`/organizations/${organizationId}/api-keys`,
		(k) => `${String(k.name)} (${String(k.status)})`,
		filter,
		paginationToken,
	);
}
