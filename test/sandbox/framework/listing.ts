/** offset/limit list endpoints: query parsing, deterministic sorting and paging. */
import { SandboxHttpError } from './responses';
import { VALIDATION_ERROR_CODE } from './validation';

export interface ListQuerySpec {
	/** Allowed `order_by` values, mapped to the record field they sort on (e.g. { id: '_id', name: 'name' }). */
	orderBy: Record<string, string>;
	defaultOrderBy: string;
	defaultLimit: number;
	maxLimit: number;
}

export interface ListQuery {
	/** Record field to sort on. */
	sortField: string;
	order: 'asc' | 'desc';
	limit: number;
	offset: number;
}

export interface ListPage<T> {
	data: T[];
	/** Total number of matching records, not the page size. */
	count: number;
}

/** Reads order_by / order / limit / offset; anything invalid is a 400 (never silently clamped). */
export function parseListQuery(query: Record<string, string>, spec: ListQuerySpec): ListQuery {
	const orderBy = query.order_by ?? spec.defaultOrderBy;
	const sortField = Object.prototype.hasOwnProperty.call(spec.orderBy, orderBy) ? spec.orderBy[orderBy] : undefined;
	if (sortField === undefined) {
		throw invalid(`order_by: must be one of ${Object.keys(spec.orderBy).join(', ')}`);
	}
	const order = query.order ?? 'asc';
	if (order !== 'asc' && order !== 'desc') throw invalid('order: must be one of asc, desc');
	return {
		sortField,
		order,
		limit: parseInteger(query.limit, 'limit', spec.defaultLimit, 1, spec.maxLimit),
		offset: parseInteger(query.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
	};
}

/** An optional enum query parameter (filter), or a 400 for values outside the enum. */
export function parseEnumParam<T extends string>(
	query: Record<string, string>,
	name: string,
	allowed: readonly T[],
): T | undefined {
	const value = query[name];
	if (value === undefined) return undefined;
	if (!allowed.includes(value as T)) throw invalid(`${name}: must be one of ${allowed.join(', ')}`);
	return value as T;
}

/**
 * Sorts by the requested field, then `idField` for ties (so pages never overlap or skip records), and
 * cuts the page. `desc` is the exact reverse of `asc`. Missing values sort before present ones.
 */
export function sortAndPaginate<T extends object>(items: Iterable<T>, query: ListQuery, idField = '_id'): ListPage<T> {
	const direction = query.order === 'asc' ? 1 : -1;
	const field = (item: T, name: string) => (item as Record<string, unknown>)[name];
	const sorted = Array.from(items).sort(
		(a, b) =>
			direction * (compareValues(field(a, query.sortField), field(b, query.sortField)) || compareValues(field(a, idField), field(b, idField))),
	);
	return { data: sorted.slice(query.offset, query.offset + query.limit), count: sorted.length };
}

/** Case-insensitive substring filter; an absent needle matches everything. */
export function containsIgnoreCase(value: unknown, needle: string | undefined): boolean {
	if (needle === undefined) return true;
	return typeof value === 'string' && value.toLowerCase().includes(needle.toLowerCase());
}

function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === undefined || a === null) return -1;
	if (b === undefined || b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const left = String(a);
	const right = String(b);
	return left < right ? -1 : left > right ? 1 : 0;
}

function parseInteger(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
	if (raw === undefined) return fallback;
	const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(value) || value < min) throw invalid(`${name}: must be an integer >= ${min}`);
	if (value > max) throw invalid(`${name}: must be <= ${max}`);
	return value;
}

function invalid(message: string): SandboxHttpError {
	return new SandboxHttpError(400, VALIDATION_ERROR_CODE, message);
}
