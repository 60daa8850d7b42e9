/**
 * A seeded fault run replays: the fault suite's promise behind `FAULT_SEED=<n>`. A sequential run (Items in
 * Parallel = 1) of organization creates under a schedule is made twice from the same seed in fresh sandboxes: the
 * same requests meet the same faults, token revocations included, and the items end the same way. Another seed
 * deals other faults. (No `slow` fault here: whether a late write is visible to the lookup that follows a timeout
 * is a matter of milliseconds, which no seed decides.)
 */
import type { ScheduledFault } from '../sandbox/framework';
import { newOrganization, startFiskaly } from './setup';

const MIX: ScheduledFault[] = [
	{ kind: 'status429', share: 0.05, retryAfterSeconds: 0 },
	{ kind: 'status503', share: 0.05, retryAfterSeconds: 0 },
	{ kind: 'dropBeforeHandling', share: 0.05 },
	{ kind: 'dropAfterHandling', share: 0.05 },
	{ kind: 'status500', share: 0.05 },
	{ kind: 'status502', share: 0.05 },
];
const ITEMS = 15;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** What the sandbox saw and what the node returned, with the run's own IDs taken out. */
async function seededRun(seed: number) {
	const f = await startFiskaly();
	try {
		f.sandbox.faults.schedule({ mix: MIX, seed, every: { requests: 12, kind: 'tokenRevoked', run: () => f.sandbox.tokens.revokeAll() > 0 } });
		const input = Array.from({ length: ITEMS }, (_, i) => ({ name: `Replay Org ${i}` }));
		const out = await f.run(
			{ ...newOrganization('={{ $json.name }}'), requestOptions: { parallelItems: 1, maxAttempts: 6, maxTotalWaitSeconds: 30, timeoutSeconds: 5 } },
			{ input, continueOnFail: true },
		);
		return {
			requests: f.sandbox.requests.map((r) => `${r.method} ${r.path.replace(UUID, ':id')} ${r.status} ${r.fault ?? ''}`),
			outcomes: out.json.map((item) => (item.error === undefined ? 'succeeded' : String(item.outcome))),
			faults: { ...f.sandbox.faults.byKind },
		};
	} finally {
		await f.sandbox.close();
	}
}

it('the same seed deals the same faults to the same requests of a sequential run, and the items end alike; another seed does not', async () => {
	const first = await seededRun(3);
	const replay = await seededRun(3);
	expect(first.faults.tokenRevoked).toBeGreaterThan(0);
	expect(Object.keys(first.faults).length).toBeGreaterThan(3);
	expect(replay.requests).toEqual(first.requests);
	expect(replay.outcomes).toEqual(first.outcomes);
	expect(replay.faults).toEqual(first.faults);
	const other = await seededRun(4);
	expect(other.requests).not.toEqual(first.requests);
}, 120_000);
