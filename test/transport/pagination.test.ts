/**
 * The pagination core (nodes/shared/transport/pagination.ts) with a fake list: which pages are asked for, how many at
 * once, in what order the records come back, and when it stops. The node-level Return All tests run the same code
 * against the sandboxes (test/thenextinvoice, test/fiskaly, and the Return All test at the end of this file).
 */
import type { IDataObject } from 'n8n-workflow';

import { collectNumberedPages, collectOffsetPages, type Page } from '@n8n-nodes-eu-finance/shared/transport/pagination';
import { useTni } from '../thenextinvoice/setup';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A list of `count` records; every request is logged and takes a few ms, so requests can overlap. */
function fakeList(count: number, answer: { total?: (n: number) => unknown; totalPages?: (pageSize: number) => unknown } = { total: (n) => n }) {
	const records: IDataObject[] = Array.from({ length: count }, (_, i) => ({ id: i + 1 }));
	const asked: Array<{ from: number; size: number }> = [];
	let inFlight = 0;
	let mostInFlight = 0;
	const serve = async (from: number, size: number, pageSize: number): Promise<Page> => {
		asked.push({ from, size });
		inFlight++;
		mostInFlight = Math.max(mostInFlight, inFlight);
		await tick();
		inFlight--;
		return {
			items: records.slice(from, from + size),
			total: answer.total?.(count) as number | undefined,
			totalPages: answer.totalPages?.(pageSize) as number | undefined,
		};
	};
	return {
		asked,
		mostInFlight: () => mostInFlight,
		byOffset: (pageSize: number) => async (offset: number, limit: number) => await serve(offset, limit, pageSize),
		byNumber: (firstPage: number) => async (page: number, pageSize: number) => await serve((page - firstPage) * pageSize, pageSize, pageSize),
	};
}
const ids = (records: IDataObject[]) => records.map((r) => r.id);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('offset pagination', () => {
	it('asks for the first page alone, then the rest up to `parallel` at a time, records in order, each page once', async () => {
		const list = fakeList(1001);
		const records = await collectOffsetPages(list.byOffset(100), { pageSize: 100, parallel: 3 });
		expect(ids(records)).toEqual(oneTo(1001));
		expect(list.asked.map((a) => a.from)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
		expect(list.mostInFlight()).toBe(3);
	});

	it('parallel 1 asks one page after the other', async () => {
		const list = fakeList(350);
		expect(ids(await collectOffsetPages(list.byOffset(100), { pageSize: 100, parallel: 1 }))).toEqual(oneTo(350));
		expect(list.asked).toHaveLength(4);
		expect(list.mostInFlight()).toBe(1);
	});

	it('a limit plans only the pages it needs, the last one just as big as needed', async () => {
		const list = fakeList(1000);
		expect(ids(await collectOffsetPages(list.byOffset(100), { pageSize: 100, limit: 250, parallel: 5 }))).toEqual(oneTo(250));
		expect(list.asked).toEqual([{ from: 0, size: 100 }, { from: 100, size: 100 }, { from: 200, size: 50 }]);
	});

	it('without a total (or an unreadable one) pages go one at a time until a short page', async () => {
		for (const total of [() => undefined, () => Number('n/a')]) {
			const list = fakeList(230, { total });
			expect(ids(await collectOffsetPages(list.byOffset(100), { pageSize: 100, parallel: 4 }))).toEqual(oneTo(230));
			expect(list.asked.map((a) => a.from)).toEqual([0, 100, 200]);
			expect(list.mostInFlight()).toBe(1);
		}
	});

	it('a total that grew while paging is followed; a list that shrank ends at its first short page', async () => {
		let total = 300;
		const grows = fakeList(400, { total: () => (total += 50) });
		expect(ids(await collectOffsetPages(grows.byOffset(100), { pageSize: 100, parallel: 3 }))).toEqual(oneTo(400));
		const shrank = fakeList(150, { total: () => 1000 });
		expect(ids(await collectOffsetPages(shrank.byOffset(100), { pageSize: 100, parallel: 3 }))).toEqual(oneTo(150));
	});

	it('a failing page fails the list and no further page is started', async () => {
		const list = fakeList(2000);
		const fetchPage = list.byOffset(100);
		await expect(
			collectOffsetPages(async (offset, limit) => {
				if (offset === 300) throw new Error('page 4 failed');
				return await fetchPage(offset, limit);
			}, { pageSize: 100, parallel: 3 }),
		).rejects.toThrow('page 4 failed');
		await tick();
		await tick();
		// Page 1, then 2–4 together; 4 fails at once, so only pages already started (at most one more) were asked.
		expect(list.asked.length).toBeLessThanOrEqual(5);
	});
});

describe('page-number pagination', () => {
	it.each([
		['a total', { total: (n: number) => n }],
		['a page count', { totalPages: (pageSize: number) => Math.ceil(1001 / pageSize) }],
		['a total as a string', { total: (n: number) => String(n) }],
	])('with %s: first page alone, the rest in parallel, records in order', async (_name, answer) => {
		const list = fakeList(1001, answer as never);
		const records = await collectNumberedPages(list.byNumber(1), { pageSize: 100, firstPage: 1, parallel: 4 });
		expect(ids(records)).toEqual(oneTo(1001));
		expect(list.asked).toHaveLength(11);
		expect(new Set(list.asked.map((a) => a.from)).size).toBe(11);
		expect(list.mostInFlight()).toBe(4);
	});

	it('pages from 0; a limit asks for small pages and only as many as needed', async () => {
		const list = fakeList(1000);
		expect(ids(await collectNumberedPages(list.byNumber(0), { pageSize: 100, firstPage: 0, limit: 30, parallel: 4 }))).toEqual(oneTo(30));
		expect(list.asked).toEqual([{ from: 0, size: 30 }]);
		const more = fakeList(1000);
		expect(ids(await collectNumberedPages(more.byNumber(0), { pageSize: 100, firstPage: 0, limit: 230, parallel: 4 }))).toEqual(oneTo(230));
		expect(more.asked.map((a) => a.from)).toEqual([0, 100, 200]);
	});

	it('without a total, one page at a time until a short page', async () => {
		const list = fakeList(250, {});
		expect(ids(await collectNumberedPages(list.byNumber(1), { pageSize: 100, firstPage: 1, parallel: 4 }))).toEqual(oneTo(250));
		expect(list.asked).toHaveLength(3);
		expect(list.mostInFlight()).toBe(1);
	});
});

describe('Return All through the node (TheNextInvoice invoices, 1,000 in the sandbox)', () => {
	const f = useTni({ seedInvoices: 1000 });
	const searches = () => f.sandbox.requests.filter((r) => r.path === '/api/v1/invoice/search');

	it('Pages in Parallel 1, 3 and the default (Auto) return the same records in the same order, with the same 10 requests; Auto grows past 3', async () => {
		const one = await f.run({ resource: 'invoice', operation: 'getAll', returnAll: true, requestOptions: { pagesInParallel: 1 } });
		const sequentialPages = searches().map((r) => r.query.page);
		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'slow', delayMs: 200, times: 20, match: { method: 'GET', path: '/api/v1/invoice/search' } });
		const three = await f.run({ resource: 'invoice', operation: 'getAll', returnAll: true, requestOptions: {} });
		expect(one.json).toHaveLength(1000);
		expect(three.json.map((i) => i.id)).toEqual(one.json.map((i) => i.id));
		expect(sequentialPages).toEqual(oneTo(10).map(String));
		expect(searches().map((r) => r.query.page).sort((a, b) => Number(a) - Number(b))).toEqual(oneTo(10).map(String));
		// Held back 200 ms each: pages that arrived within 150 ms of each other were in flight together.
		const arrivals = searches().map((r) => r.at);
		const together = Math.max(...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 150).length));
		// Auto starts with 3 pages at once and adds one per answer that came back fine (at most 10).
		expect(together).toBeGreaterThan(3);
		expect(together).toBeLessThanOrEqual(10);
		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'slow', delayMs: 200, times: 20, match: { method: 'GET', path: '/api/v1/invoice/search' } });
		const fixed = await f.run({ resource: 'invoice', operation: 'getAll', returnAll: true, requestOptions: { pagesInParallel: 3 } });
		expect(fixed.json.map((i) => i.id)).toEqual(one.json.map((i) => i.id));
		const fixedArrivals = searches().map((r) => r.at);
		expect(Math.max(...fixedArrivals.map((t) => fixedArrivals.filter((u) => u >= t && u < t + 150).length))).toBe(3);
	});

	it('Auto backs off on a rate-limited vendor and still returns every record once', async () => {
		f.sandbox.faults.rateLimit({ perSecond: 4 });
		try {
			const run = await f.run({ resource: 'invoice', operation: 'getAll', returnAll: true, requestOptions: {} });
			expect(run.error).toBeUndefined();
			expect(new Set(run.json.map((i) => i.id)).size).toBe(1000);
			expect(f.sandbox.faults.bucket?.refused).toBeGreaterThan(0);
		} finally {
			f.sandbox.faults.rateLimit(undefined);
		}
	});
});
