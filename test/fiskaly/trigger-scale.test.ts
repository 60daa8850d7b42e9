/**
 * fiskaly Management Trigger at scale: API keys by a creation-time high-water mark (newest first, stop at the cursor),
 * organizations and users (no creation order in fiskaly's lists) by fingerprints of what was seen, with a bound.
 */
import { fingerprint, takeUnseen } from '@n8n-nodes-eu-finance/shared/pollCursor';

import { DEFAULT_LOOKBACK_SECONDS } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagementTrigger.node';
import { orgLocator, startFiskaly, type FiskalyFixture } from './setup';

const SEEDED_KEYS = 250;
const SEEDED_ORGS = 6000;
let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly({ seedApiKeys: SEEDED_KEYS, seedOrganizations: SEEDED_ORGS, seedUsers: 20 });
});
afterAll(async () => await f.sandbox.close());

type Static = Record<string, unknown> | undefined;
const poll = async (parameters: Record<string, unknown>, staticData?: Static, mode: 'trigger' | 'manual' = 'trigger') => {
	const before = f.apiCalls().length;
	const run = await f.poll(parameters as never, { staticData: staticData as never, mode });
	return { ...run, requests: f.apiCalls().slice(before), staticData: run.staticData as Static };
};
const bytes = (data: unknown) => JSON.stringify(data).length;
const own = () => orgLocator(f.sandbox.ownOrganizationId);
const apiKeys = (extra: Record<string, unknown> = {}) => ({ event: 'newApiKey', organizationId: own(), ...extra });
const newest = () => Math.max(...[...f.sandbox.state.apiKeys.values()].map((k) => Number(k.created_at)));

describe('fiskaly Management Trigger: New API Key (created_at high-water mark)', () => {
	it('first poll: one page, nothing emitted; then ceil(new / 100) + 1 requests, each key once, oldest first, without secrets', async () => {
		const armed = await poll(apiKeys());
		expect(armed.items).toBeNull();
		// The seeded keys are a minute apart, so the first page reaches below the lookback.
		expect(armed.requests).toEqual([`GET /api/v0/organizations/${f.sandbox.ownOrganizationId}/api-keys`]);
		expect(armed.staticData).toMatchObject({ key: `newApiKey:${f.sandbox.ownOrganizationId}`, mark: expect.any(Number) });
		const quiet = await poll(apiKeys(), armed.staticData);
		expect(quiet.items).toBeNull();
		expect(quiet.requests).toHaveLength(1);

		// 200 keys created one second apart after the mark: two pages of new keys, then the page that reaches the cursor.
		const mark = Number(quiet.staticData?.mark);
		const created = f.sandbox.seed({ apiKeys: 200, apiKeyCreatedAt: (i) => mark + 1 + i }).apiKeys;
		const next = await poll(apiKeys(), quiet.staticData);
		expect(next.items?.map((k) => k._id)).toEqual(created);
		expect(next.items?.some((k) => 'secret' in k)).toBe(false);
		expect(next.requests).toHaveLength(Math.ceil(200 / 100) + 1);
		// The cursor: the mark and the ids of the keys within the lookback below it (here 61 keys), not every id.
		const within = DEFAULT_LOOKBACK_SECONDS + 1;
		expect((next.staticData?.at as string[]).length).toBe(within);
		expect(bytes(next.staticData)).toBeLessThan(100 + within * 40);
		expect((await poll(apiKeys(), next.staticData)).items).toBeNull();
	});

	it('keys created in the same second as the newest seen one, and keys listed late within the lookback, are emitted once', async () => {
		const second = newest() + 100;
		const [first] = f.sandbox.seed({ apiKeys: 1, apiKeyCreatedAt: () => second }).apiKeys;
		const armed = await poll(apiKeys());
		expect(armed.staticData?.mark).toBe(second);
		expect(armed.staticData?.at).toContain(first);
		// Same second as the mark, created after the poll.
		const [tie] = f.sandbox.seed({ apiKeys: 1, apiKeyCreatedAt: () => second }).apiKeys;
		// Appears only now, though its created_at is 30 s before the mark (within the lookback of 60 s).
		const [late] = f.sandbox.seed({ apiKeys: 1, apiKeyCreatedAt: () => second - 30 }).apiKeys;
		// Beyond the lookback: the documented bound; not emitted.
		f.sandbox.seed({ apiKeys: 1, apiKeyCreatedAt: () => second - DEFAULT_LOOKBACK_SECONDS - 5 });
		const next = await poll(apiKeys(), armed.staticData);
		expect(next.items?.map((k) => k._id)).toEqual([late, tie]);
		expect((await poll(apiKeys(), next.staticData)).items).toBeNull();
		// With a longer lookback the late key further back is found too (a fresh cursor for the comparison).
		const wide = await poll(apiKeys({ lookbackSeconds: 600 }));
		const [veryLate] = f.sandbox.seed({ apiKeys: 1, apiKeyCreatedAt: () => second - 300 }).apiKeys;
		expect((await poll(apiKeys({ lookbackSeconds: 600 }), wide.staticData)).items?.map((k) => k._id)).toEqual([veryLate]);
	});

	it('an active workflow with the old cursor (every id) reads once in full, emits what is new, then keeps the mark', async () => {
		const all = [...f.sandbox.state.apiKeys.values()].filter((k) => k.organization_id === f.sandbox.ownOrganizationId).map((k) => k._id as string);
		const oldCursor = { key: `newApiKey:${f.sandbox.ownOrganizationId}`, seen: all };
		const [fresh] = f.sandbox.seed({ apiKeys: 1 }).apiKeys;
		const migrated = await poll(apiKeys(), oldCursor);
		expect(migrated.items?.map((k) => k._id)).toEqual([fresh]);
		expect(migrated.requests.length).toBe(Math.ceil((all.length + 1) / 100));
		expect(migrated.staticData).not.toHaveProperty('seen');
		expect(migrated.staticData).toHaveProperty('mark');
		const after = await poll(apiKeys(), migrated.staticData);
		expect(after.items).toBeNull();
		expect(after.requests).toHaveLength(1);
	});
});

describe('fiskaly Management Trigger: New Organization / New User (no creation order: fingerprints, bounded)', () => {
	it('reads the whole list (pages of 5,000) and keeps 8 characters per record instead of the ids', async () => {
		const total = f.sandbox.state.organizations.size;
		const armed = await poll({ event: 'newOrganization' });
		expect(armed.items).toBeNull();
		expect(armed.requests).toHaveLength(Math.ceil(total / 5000));
		expect((armed.staticData?.fp as string).length).toBe(8 * total);
		expect(bytes(armed.staticData)).toBeLessThan(8 * total + 200);
		expect(bytes(armed.staticData)).toBeLessThan(bytes([...f.sandbox.state.organizations.keys()]) / 4);

		const created = f.sandbox.seed({ organizations: 5 }).organizations;
		const next = await poll({ event: 'newOrganization' }, armed.staticData);
		expect(next.items?.map((o) => o._id).sort()).toEqual([...created].sort());
		expect((await poll({ event: 'newOrganization' }, next.staticData)).items).toBeNull();
	});

	it('a list longer than Max Records Remembered fails the poll with a message instead of guessing', async () => {
		const total = f.sandbox.state.organizations.size;
		const armed = await poll({ event: 'newOrganization' });
		await expect(poll({ event: 'newOrganization', maxRemembered: total - 1 }, armed.staticData)).rejects.toThrow(
			`The list holds ${total} records, more than Max Records Remembered (${total - 1})`,
		);
	});

	it('new users each once; a removed user neither repeats nor stops anything', async () => {
		const org = own();
		const armed = await poll({ event: 'newUser', organizationId: org });
		const [one, two] = f.sandbox.seed({ users: 2 }).users;
		f.sandbox.state.users.get(two)!.organization_ids = [];
		const next = await poll({ event: 'newUser', organizationId: org }, armed.staticData);
		expect(next.items?.map((u) => u._id)).toEqual([one]);
		expect((await poll({ event: 'newUser', organizationId: org }, next.staticData)).items).toBeNull();
	});

	it('an active workflow with the old cursor (every id) keeps going without a second read and emits only what is new', async () => {
		const oldCursor = { key: 'newOrganization:', seen: [...f.sandbox.state.organizations.keys()] };
		const [fresh] = f.sandbox.seed({ organizations: 1 }).organizations;
		const next = await poll({ event: 'newOrganization' }, oldCursor);
		expect(next.items?.map((o) => o._id)).toEqual([fresh]);
		expect(next.staticData).not.toHaveProperty('seen');
		expect(next.requests).toHaveLength(Math.ceil(f.sandbox.state.organizations.size / 5000));
	});
});

describe('takeUnseen', () => {
	const records = (ids: string[]) => ids.map((id) => ({ id }));
	const idOf = (r: { id?: unknown }) => String(r.id);

	it('first poll: nothing new; then only unseen records, each once, in the order read', () => {
		const first = takeUnseen(undefined, 'k', records(['a', 'b', 'c']), idOf);
		expect(first.fresh).toEqual([]);
		expect(first.next).toEqual({ key: 'k', fp: ['a', 'b', 'c'].map(fingerprint).join('') });
		const second = takeUnseen(first.next, 'k', records(['d', 'a', 'b', 'c', 'd']), idOf);
		expect(second.fresh).toEqual([{ id: 'd' }]);
	});

	it('a record a read missed (offset pages shifted) is remembered one more poll, so it is not new when it is back', () => {
		const armed = takeUnseen(undefined, 'k', records(['a', 'b', 'c']), idOf).next;
		const missed = takeUnseen(armed, 'k', records(['a', 'c']), idOf);
		expect(missed.fresh).toEqual([]);
		expect(missed.next.gone).toBe(fingerprint('b'));
		const back = takeUnseen(missed.next, 'k', records(['a', 'b', 'c']), idOf);
		expect(back.fresh).toEqual([]);
		expect(back.next).not.toHaveProperty('gone');
		// Gone for two polls: forgotten (deleted); the same id coming back then counts as new.
		const deleted = takeUnseen(takeUnseen(back.next, 'k', records(['a', 'c']), idOf).next, 'k', records(['a', 'c']), idOf).next;
		expect(deleted.gone).toBeUndefined();
		expect(takeUnseen(deleted, 'k', records(['a', 'b', 'c']), idOf).fresh).toEqual([{ id: 'b' }]);
	});

	it('an old cursor of ids stands in for the missing fingerprints', () => {
		const { fresh } = takeUnseen(undefined, 'k', records(['a', 'b']), idOf, new Set(['a']));
		expect(fresh).toEqual([{ id: 'b' }]);
	});
});
