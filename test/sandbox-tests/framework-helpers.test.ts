import {
	json,
	newUuid,
	parseEnumParam,
	parseListQuery,
	randomToken,
	SandboxHttpError,
	sortAndPaginate,
	TokenStore,
	validateObject,
	type ObjectSchema,
} from '../sandbox/framework';
import { UUID_PATTERN } from './helpers';

describe('TokenStore', () => {
	let now = 0;
	beforeEach(() => {
		now = 1_700_000_000_500;
	});
	const store = () => new TokenStore<{ user: string }>(() => now);

	it('issues opaque base64url tokens with expiry in unix seconds', () => {
		const tokens = store();
		const issued = tokens.issue({ user: 'a' }, 300);
		expect(issued.token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes
		expect(issued).toMatchObject({ expiresIn: 300, expiresAt: 1_700_000_300 });
		expect(tokens.validate(issued.token)).toEqual({ user: 'a' });
		expect(tokens.issue({ user: 'a' }, 300).token).not.toBe(issued.token);
		expect(tokens.issuedCount).toBe(2);
	});

	it('rejects unknown, missing and expired tokens', () => {
		const tokens = store();
		const { token } = tokens.issue({ user: 'a' }, 1);
		expect(tokens.validate('nope')).toBeUndefined();
		expect(tokens.validate(undefined)).toBeUndefined();
		now += 999;
		expect(tokens.validate(token)).toBeDefined();
		now += 1;
		expect(tokens.validate(token)).toBeUndefined();
	});

	it('revokes and expires all tokens, or only those matching a filter', () => {
		const tokens = store();
		const a = tokens.issue({ user: 'a' }, 60).token;
		const b = tokens.issue({ user: 'b' }, 60).token;
		expect(tokens.expireAll((s) => s.user === 'a')).toBe(1);
		expect([tokens.validate(a), tokens.validate(b)]).toEqual([undefined, { user: 'b' }]);
		expect(tokens.revokeAll()).toBe(1);
		expect(tokens.validate(b)).toBeUndefined();
		const c = tokens.issue({ user: 'c' }, 60).token;
		tokens.expireAll();
		expect(tokens.validate(c)).toBeUndefined();
		expect(tokens.activeCount).toBe(0);
		expect(tokens.issuedCount).toBe(3);
	});

	it('revokes a single token', () => {
		const tokens = store();
		const { token } = tokens.issue({ user: 'a' }, 60);
		expect(tokens.revoke(token)).toBe(true);
		expect(tokens.validate(token)).toBeUndefined();
	});
});

describe('response helpers', () => {
	it('builds JSON answers and ids', () => {
		expect(json(201, { a: 1 })).toEqual({ status: 201, body: { a: 1 } });
		expect(json(200, [], { 'X-A': 'b' })).toEqual({ status: 200, body: [], headers: { 'X-A': 'b' } });
		expect(newUuid()).toMatch(UUID_PATTERN);
		expect(randomToken(6)).toMatch(/^[A-Za-z0-9_-]{8}$/);
	});
});

describe('validateObject', () => {
	const schema: ObjectSchema = {
		name: { type: 'string', required: true, minLength: 3 },
		code: { type: 'string', enum: ['A', 'B'] },
		id: { type: 'string', format: 'uuid' },
		mail: { type: 'string', format: 'email' },
		options: { type: 'object', fields: { flag: { type: 'boolean' } } },
		metadata: { type: 'stringMap', maxKeys: 2, maxKeyLength: 3, maxValueLength: 4 },
	};

	it('accepts valid objects', () => {
		expect(validateObject({ name: 'abc', code: 'A', id: newUuid(), mail: 'a@b.de', options: { flag: true }, metadata: { k: 'v' } }, schema)).toEqual([]);
	});

	it('lists every violation', () => {
		const errors = validateObject(
			{ name: 'ab', code: 'C', id: 'x', mail: 'no', options: { flag: 'yes', extra: 1 }, metadata: { long: 'v', b: 5, c: 'toolong' }, other: 1 },
			schema,
		);
		expect(errors).toEqual([
			'name: must be at least 3 characters',
			'code: must be one of A, B',
			'id: must be a UUID',
			'mail: must be a valid e-mail address',
			'options.flag: must be a boolean',
			'options.extra: is not allowed',
			'metadata: must have at most 2 keys',
			"metadata: key 'long...' is longer than 3 characters",
			'metadata.b: must be a string',
			'metadata.c: must be at most 4 characters',
			'other: is not allowed',
		]);
	});

	it('enforces required fields unless partial', () => {
		expect(validateObject({}, schema)).toEqual(['name: is required']);
		expect(validateObject({}, schema, { partial: true })).toEqual([]);
		expect(validateObject({ name: 'x' }, schema, { partial: true })).toEqual(['name: must be at least 3 characters']);
		expect(validateObject([], schema)).toEqual(['body: must be an object']);
	});
});

describe('listing helpers', () => {
	const spec = { orderBy: { name: 'name', id: '_id' }, defaultOrderBy: 'name', defaultLimit: 2, maxLimit: 3 };
	const items = [
		{ _id: 'c', name: 'same' },
		{ _id: 'a', name: 'same' },
		{ _id: 'b', name: 'first' },
		{ _id: 'd' },
	];

	it('parses defaults and rejects invalid values instead of clamping', () => {
		expect(parseListQuery({}, spec)).toEqual({ sortField: 'name', order: 'asc', limit: 2, offset: 0 });
		expect(parseListQuery({ order_by: 'id', order: 'desc', limit: '3', offset: '5' }, spec)).toEqual({
			sortField: '_id',
			order: 'desc',
			limit: 3,
			offset: 5,
		});
		const invalidQueries: Record<string, string>[] = [{ order_by: 'zip' }, { order: 'up' }, { limit: '4' }, { limit: '0' }, { limit: '1.5' }, { offset: '-1' }, { offset: 'x' }];
		for (const query of invalidQueries) {
			expect(() => parseListQuery(query, spec)).toThrow(SandboxHttpError);
		}
		expect(() => parseEnumParam({ env: 'DEV' }, 'env', ['TEST', 'LIVE'])).toThrow(/env: must be one of TEST, LIVE/);
		expect(parseEnumParam({}, 'env', ['TEST'])).toBeUndefined();
	});

	it('sorts by field then id, missing values first, and pages after sorting', () => {
		const asc = sortAndPaginate(items, { sortField: 'name', order: 'asc', limit: 10, offset: 0 });
		expect(asc.data.map((i) => i._id)).toEqual(['d', 'b', 'a', 'c']);
		const desc = sortAndPaginate(items, { sortField: 'name', order: 'desc', limit: 2, offset: 1 });
		expect(desc).toEqual({ data: [items[1], items[2]], count: 4 });
	});
});
