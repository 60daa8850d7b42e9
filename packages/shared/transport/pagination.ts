import type { IDataObject } from 'n8n-workflow';

import { AdaptiveConcurrency, FixedConcurrency, runLimited } from './concurrency';

/** Pages in Parallel = 0 (Auto) without a controller of its own: start with 3 pages at once, grow up to 10. */
const AUTO_START = 3;
const AUTO_MAX = 10;

export interface Page {
	items: IDataObject[];
	/** Total number of matching records, when the vendor says it. */
	total?: number;
	/** Total number of pages, when the vendor says it. */
	totalPages?: number;
}

export interface PagingOptions {
	pageSize: number;
	limit?: number;
	/**
	 * Pages requested at once once the first page has told how many there are (Request Options → Pages in
	 * Parallel): a fixed number, 0 for Auto, or an Auto controller that the list's requests report to (429/503 halve
	 * it and hold new pages until Retry-After). Without a total there is nothing to plan, and pages go one at a time.
	 */
	parallel?: number | AdaptiveConcurrency;
}

/**
 * Fetches the planned pages, at most `parallel` at a time, and returns them in plan order up to the first short
 * one (the end of the list): pages after it are not started, and any already in flight are dropped.
 */
async function fetchInOrder<K>(
	plan: K[],
	parallel: number | AdaptiveConcurrency,
	fetchPage: (key: K) => Promise<Page>,
	isShort: (page: Page, key: K) => boolean,
): Promise<Page[]> {
	const pages: Array<Page | undefined> = new Array(plan.length);
	let endAt = plan.length;
	const control =
		typeof parallel !== 'number' ? parallel : parallel === 0 ? new AdaptiveConcurrency(AUTO_START, AUTO_MAX) : new FixedConcurrency(Math.max(1, parallel));
	// A page that fails fails the list as a whole: runLimited starts no more pages and throws its error.
	await runLimited(
		plan.length,
		control,
		async (index) => {
			const page = await fetchPage(plan[index]);
			pages[index] = page;
			if (isShort(page, plan[index])) endAt = Math.min(endAt, index + 1);
		},
		(next) => next >= endAt,
	);
	return pages.slice(0, endAt) as Page[];
}

/**
 * Offset/limit pagination with a total (fiskaly: `limit`, `offset`, `count`). Asks for the vendor's largest page, or
 * just what `limit` still needs, and stops as soon as it has enough. After the first page the total says which
 * offsets remain; they are fetched up to `parallel` at a time.
 */
export async function collectOffsetPages(
	fetchPage: (offset: number, limit: number) => Promise<Page>,
	options: PagingOptions,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const wanted = options.limit ?? Infinity;
	let offset = 0;
	let total: number | undefined;
	while (results.length < wanted) {
		// Without a known total only the next page can be planned.
		const end = Math.min(wanted, total ?? offset + options.pageSize);
		const plan: Array<{ offset: number; size: number }> = [];
		for (let at = offset; at < end || plan.length === 0; at += options.pageSize) plan.push({ offset: at, size: Math.min(options.pageSize, wanted - at) });
		const pages = await fetchInOrder(plan, total === undefined ? 1 : (options.parallel ?? 1), (p) => fetchPage(p.offset, p.size), (page, p) => page.items.length < p.size);
		for (const [index, page] of pages.entries()) {
			results.push(...page.items.slice(0, wanted - results.length));
			offset += page.items.length;
			if (Number.isFinite(page.total)) total = page.total;
			const reachedEnd = page.items.length < plan[index].size || (total !== undefined && offset >= total);
			if (reachedEnd || page.items.length === 0) return results;
		}
	}
	return results;
}

/**
 * Page-number pagination (first page 0 or 1), ending on a short page or the vendor's page count. After the first
 * page its total (or page count) says which pages remain; they are fetched up to `parallel` at a time.
 */
export async function collectNumberedPages(
	fetchPage: (page: number, pageSize: number) => Promise<Page>,
	options: PagingOptions & { firstPage: 0 | 1 },
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const wanted = options.limit ?? Infinity;
	// A small limit asks for small pages (page numbers only work with one size throughout).
	const pageSize = Math.min(options.pageSize, wanted);
	let pagesSeen = 0;
	let lastPageCount: number | undefined;
	while (results.length < wanted) {
		const stillWanted = Math.ceil((wanted - results.length) / pageSize);
		const plan = Array.from({ length: Math.max(1, Math.min(stillWanted, (lastPageCount ?? pagesSeen + 1) - pagesSeen)) }, (_, i) => options.firstPage + pagesSeen + i);
		const pages = await fetchInOrder(plan, lastPageCount === undefined ? 1 : (options.parallel ?? 1), (page) => fetchPage(page, pageSize), (page) => page.items.length < pageSize);
		for (const { items, total, totalPages } of pages) {
			results.push(...items.slice(0, wanted - results.length));
			pagesSeen++;
			if (items.length < pageSize || items.length === 0) return results;
			const counts = [totalPages, total === undefined ? undefined : Math.ceil(total / pageSize)].filter((n): n is number => Number.isFinite(n));
			const pageCount = counts.length ? Math.min(...counts) : undefined;
			if (pageCount !== undefined && pagesSeen >= pageCount) return results;
			lastPageCount = pageCount;
		}
	}
	return results;
}
