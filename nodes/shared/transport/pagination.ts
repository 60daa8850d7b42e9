import type { IDataObject } from 'n8n-workflow';

export interface Page {
	items: IDataObject[];
	/** Total number of matching records, when the vendor says it. */
	total?: number;
	/** Total number of pages, when the vendor says it. */
	totalPages?: number;
}

/**
 * Offset/limit pagination with a total (fiskaly: `limit`, `offset`, `count`). Asks for the
 * vendor's largest page, or just what `limit` still needs, and stops as soon as it has enough.
 */
export async function collectOffsetPages(
	fetchPage: (offset: number, limit: number) => Promise<Page>,
	options: { pageSize: number; limit?: number },
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const wanted = options.limit ?? Infinity;
	let offset = 0;
	while (results.length < wanted) {
		const size = Math.min(options.pageSize, wanted - results.length);
		const page = await fetchPage(offset, size);
		results.push(...page.items.slice(0, wanted - results.length));
		offset += page.items.length;
		const reachedEnd = page.items.length < size || (page.total !== undefined && offset >= page.total);
		if (reachedEnd || page.items.length === 0) break;
	}
	return results;
}

/** Page-number pagination (first page 0 or 1), ending on a short page or the vendor's page count. */
export async function collectNumberedPages(
	fetchPage: (page: number, pageSize: number) => Promise<Page>,
	options: { pageSize: number; firstPage: 0 | 1; limit?: number },
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const wanted = options.limit ?? Infinity;
	// A small limit asks for small pages (page numbers only work with one size throughout).
	const pageSize = Math.min(options.pageSize, wanted);
	for (let page = options.firstPage; results.length < wanted; page++) {
		const { items, total, totalPages } = await fetchPage(page, pageSize);
		results.push(...items.slice(0, wanted - results.length));
		const pagesSeen = page - options.firstPage + 1;
		if (items.length < pageSize || items.length === 0) break;
		if (totalPages !== undefined && pagesSeen >= totalPages) break;
		if (total !== undefined && pagesSeen * pageSize >= total) break;
	}
	return results;
}
