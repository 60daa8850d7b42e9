import type { IDataObject } from 'n8n-workflow';
import { createHash } from 'crypto';

/** What a polling trigger keeps in the workflow's static data between polls. */
interface SeenIdsCursor {
	key?: string;
	seen?: string[];
}

/**
 * "New record" detection by remembered ids, for APIs without a creation timestamp to filter on.
 * The first poll after activation only records what exists (no flood of old records); later polls
 * emit each unseen record exactly once. Changing what is watched (`key`) starts over.
 */
export function takeNewRecords(
	staticData: IDataObject,
	key: string,
	records: IDataObject[],
	idOf: (record: IDataObject) => string,
): IDataObject[] {
	const cursor = staticData as SeenIdsCursor;
	const ids = records.map(idOf);
	if (cursor.key !== key || !Array.isArray(cursor.seen)) {
		cursor.key = key;
		cursor.seen = ids;
		return [];
	}
	const seen = new Set(cursor.seen);
	const fresh = records.filter((record) => !seen.has(idOf(record)));
	// Keep only ids that still exist, so deleted records do not grow the cursor forever.
	cursor.seen = ids;
	return fresh;
}

/**
 * Cursor of a list that can be read newest first by a number that only grows for new records (an id handed out
 * at creation, a creation time): the high-water mark `mark` instead of every id. With a `window` (creation times,
 * where two records can share a second and a record can commit a moment late), the ids of the records within
 * `window` below the mark are kept too (`at`), so the cursor stays small but nothing at the boundary is lost or
 * repeated. Without a window (unique ids) the cursor is constant in size.
 */
export interface MarkCursor {
	key: string;
	mark: number;
	at?: string[];
}

export interface MarkOptions {
	orderOf: (record: IDataObject) => number;
	idOf: (record: IDataObject) => string;
	/** Only for orders that are not unique (timestamps): how far below the mark records are checked by id. */
	window?: number;
}

/** The old `{ key, seen: [...] }` cursor of an active workflow (before high-water marks). */
export function oldSeenIds(staticData: IDataObject, key: string): Set<string> | undefined {
	const cursor = staticData as SeenIdsCursor;
	return cursor.key === key && Array.isArray(cursor.seen) ? new Set(cursor.seen.map(String)) : undefined;
}

/** The high-water mark cursor, if the static data holds one for this key. */
export function markCursor(staticData: IDataObject, key: string): MarkCursor | undefined {
	const cursor = staticData as Partial<MarkCursor>;
	return cursor.key === key && typeof cursor.mark === 'number' ? (cursor as MarkCursor) : undefined;
}

/** Stop rule of a newest-first read: the record is at or below what the cursor has seen. */
export function reachedMark(cursor: MarkCursor, options: MarkOptions): (record: IDataObject) => boolean {
	return (record) => (options.window === undefined ? options.orderOf(record) <= cursor.mark : options.orderOf(record) < cursor.mark - options.window);
}

/** The cursor that says where things stand after these records (first poll, or after a migration). */
export function markOf(key: string, records: IDataObject[], options: MarkOptions, floor = 0): MarkCursor {
	const mark = records.reduce((max, record) => Math.max(max, options.orderOf(record)), floor);
	if (options.window === undefined) return { key, mark };
	const window = options.window;
	return { key, mark, at: [...new Set(records.filter((r) => options.orderOf(r) >= mark - window).map(options.idOf))] };
}

/**
 * The records above the cursor (oldest first, each once) and the cursor to keep after them. `records` is what a
 * newest-first read returned: everything above the mark plus the page that reached it.
 */
export function takeAfterMark(cursor: MarkCursor, records: IDataObject[], options: MarkOptions): { fresh: IDataObject[]; next: MarkCursor } {
	const { orderOf, idOf, window } = options;
	const seenAt = new Set(cursor.at ?? []);
	const taken = new Set<string>();
	const fresh = records.filter((record) => {
		const order = orderOf(record);
		const id = idOf(record);
		const isNew = window === undefined ? order > cursor.mark : order > cursor.mark || (order >= cursor.mark - window && !seenAt.has(id));
		if (!isNew || taken.has(id)) return false;
		taken.add(id);
		return true;
	});
	fresh.sort((a, b) => orderOf(a) - orderOf(b));
	const next = markOf(cursor.key, records, options, cursor.mark);
	if (window !== undefined && next.mark === cursor.mark) next.at = [...new Set([...(cursor.at ?? []), ...(next.at ?? [])])];
	return { fresh, next };
}

/**
 * Cursor of a list that cannot be read from a mark (records enter it in any order: paid, past due): the ids seen
 * within the part of the list that is read (the newest `maxPages` pages), and the lowest order in that part
 * (`floor`) when the read did not reach the end, so a record that slides into the read part from below is not
 * taken for new. Bounded by what is read.
 */
export interface WindowCursor {
	key: string;
	ids: string[];
	floor?: number;
}

export function windowCursor(staticData: IDataObject, key: string): WindowCursor | undefined {
	const cursor = staticData as Partial<WindowCursor>;
	return cursor.key === key && Array.isArray(cursor.ids) ? (cursor as WindowCursor) : undefined;
}

export function takeInWindow(
	cursor: WindowCursor | undefined,
	key: string,
	records: IDataObject[],
	complete: boolean,
	options: { orderOf: (record: IDataObject) => number; idOf: (record: IDataObject) => string; seen?: Set<string> },
): { fresh: IDataObject[]; next: WindowCursor } {
	const { orderOf, idOf } = options;
	const next: WindowCursor = { key, ids: [...new Set(records.map(idOf))] };
	if (!complete && records.length) next.floor = Math.min(...records.map(orderOf));
	const seen = options.seen ?? (cursor ? new Set(cursor.ids) : undefined);
	if (!seen) return { fresh: [], next };
	const floor = cursor?.floor;
	const fresh = records.filter((record) => !seen.has(idOf(record)) && (floor === undefined || orderOf(record) >= floor));
	return { fresh, next };
}

/** Replaces what the static data holds with the new cursor (dropping an old `seen` list). */
export function storeCursor(staticData: IDataObject, cursor: object): void {
	for (const name of Object.keys(staticData)) delete staticData[name];
	Object.assign(staticData, cursor);
}

/**
 * Cursor of a list that has no order a new record could be found by (fiskaly organizations and users: random UUIDs,
 * no creation time): every record is remembered, but as a fingerprint of 8 characters (48 bits of the id's SHA-256)
 * instead of its id, `fp` all of them in one string. Records that were missing from the last read are remembered
 * for one more poll (`gone`), so a record that a read did not see (offset pages shifted by a deletion) is not taken
 * for new when it shows up again.
 */
export interface FingerprintCursor {
	key: string;
	fp: string;
	gone?: string;
}

export const FINGERPRINT_LENGTH = 8;

export function fingerprint(id: string): string {
	return createHash('sha256').update(id).digest('base64url').slice(0, FINGERPRINT_LENGTH);
}

function fingerprints(packed: string | undefined): Set<string> {
	const set = new Set<string>();
	for (let i = 0; i + FINGERPRINT_LENGTH <= (packed ?? '').length; i += FINGERPRINT_LENGTH) set.add(packed!.slice(i, i + FINGERPRINT_LENGTH));
	return set;
}

export function fingerprintCursor(staticData: IDataObject, key: string): FingerprintCursor | undefined {
	const cursor = staticData as Partial<FingerprintCursor>;
	return cursor.key === key && typeof cursor.fp === 'string' ? (cursor as FingerprintCursor) : undefined;
}

/**
 * The records of a complete read that were not there before (in the order read), and the cursor to keep. Without a
 * cursor (first poll) nothing is new; `seen` (ids of an old `{ key, seen }` cursor) stands in for a missing cursor.
 */
export function takeUnseen(
	cursor: FingerprintCursor | undefined,
	key: string,
	records: IDataObject[],
	idOf: (record: IDataObject) => string,
	seen?: Set<string>,
): { fresh: IDataObject[]; next: FingerprintCursor } {
	const known = cursor ? fingerprints(cursor.fp) : seen ? new Set([...seen].map(fingerprint)) : undefined;
	const recentlyGone = fingerprints(cursor?.gone);
	const now = new Set<string>();
	const fresh: IDataObject[] = [];
	for (const record of records) {
		const print = fingerprint(idOf(record));
		if (now.has(print)) continue;
		now.add(print);
		if (known && !known.has(print) && !recentlyGone.has(print)) fresh.push(record);
	}
	const gone = known ? [...known].filter((print) => !now.has(print)) : [];
	const next: FingerprintCursor = { key, fp: [...now].join('') };
	if (gone.length) next.gone = gone.join('');
	return { fresh, next };
}
