import type { IDataObject } from 'n8n-workflow';

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
