/**
 * The fault-injection suite's shared parts: the mix of faults every vendor's sandbox gets, how a run's items are
 * classified, and the table printed per vendor. Each vendor has one `<vendor>.faults.ts` that runs its main write
 * workflow through n8n-core (test/helpers/n8n.ts) against its sandbox and counts what the sandbox holds afterwards.
 */
import type { IDataObject } from 'n8n-workflow';

import { transportStats } from '@n8n-nodes-eu-finance/shared/transport/request';
import fs from 'node:fs';

import type { RunningSandbox, ScheduledFault } from '../sandbox/framework';

/**
 * Node options for the suite: a short timeout (so "slow" answers really time out), patient retries, and a Settle
 * Delay a little above the time the sandbox's late writes land after the timeout (SLOW_LANDS_AFTER_MS): the default
 * 2 s, made for vendors whose processing time nobody documents, would only make the runs longer here.
 */
export const FAULT_TIMEOUT_SECONDS = 1;
const SLOW_LANDS_AFTER_MS = 300;
export const faultRequestOptions = { requestOptions: { timeoutSeconds: FAULT_TIMEOUT_SECONDS, maxAttempts: 8, maxTotalWaitSeconds: 60, settleSeconds: 0.5 } };

/**
 * Every kind of fault the issue names, each on about 4% of requests (logins included): 27% of requests are hit,
 * dealt at exact shares by a seeded FaultSchedule (27 in every 100 requests, 2 or 3 in every 10), so every run gets
 * its faults by construction. `slow` holds the answer back longer than the node's timeout; the handler still runs
 * afterwards, so the change lands after the client gave up (the worst case for duplicates).
 */
export const FAULT_MIX: ScheduledFault[] = [
	{ kind: 'status429', share: 0.04, retryAfterSeconds: 1 },
	{ kind: 'status503', share: 0.04, retryAfterSeconds: 0 },
	{ kind: 'dropBeforeHandling', share: 0.04 },
	{ kind: 'dropAfterHandling', share: 0.04 },
	{ kind: 'slow', share: 0.04, delayMs: FAULT_TIMEOUT_SECONDS * 1000 + SLOW_LANDS_AFTER_MS },
	{ kind: 'status500', share: 0.03 },
	{ kind: 'status502', share: 0.02 },
	{ kind: 'status504', share: 0.02 },
];

/** The seed CI runs with: fixed, so a green run stays green. */
export const CI_SEED = 1;

/**
 * The seeds to run each scenario under: `FAULT_SEEDS=1,2,3` (what `npm run test:faults -- --seeds 20` sets),
 * `FAULT_SEED=<n>` to replay one run, else CI_SEED.
 */
export function faultSeeds(): number[] {
	const list = process.env.FAULT_SEEDS ?? process.env.FAULT_SEED;
	if (!list) return [CI_SEED];
	const seeds = list.split(',').map((s) => Number(s.trim()));
	for (const seed of seeds) if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`FAULT_SEED(S): "${list}" is not a list of whole numbers`);
	return seeds;
}

/**
 * Registers the scenario once per seed (see faultSeeds). `run(seed)` starts its own sandbox, so every seeded run
 * begins from the same state and replays exactly when its requests come in the same order.
 */
export function forEachSeed(title: string, run: (seed: number) => Promise<void>): void {
	for (const seed of faultSeeds()) it(`${title} [seed ${seed}]`, () => run(seed));
}

export type ItemOutcome = 'succeeded' | 'notApplied' | 'unknown';

/** A failed item's outcome as the node stated it (Continue On Fail items carry `outcome`). */
export function outcomeOf(item: IDataObject): ItemOutcome {
	if (item.error === undefined) return 'succeeded';
	return item.outcome === 'notApplied' ? 'notApplied' : 'unknown';
}

/** Transport counters between two points of a run. */
export function transportCounter() {
	const start = { ...transportStats };
	return () => ({ requests: transportStats.requests - start.requests, retries: transportStats.retries - start.retries });
}

export interface FaultReport {
	vendor: string;
	/** The fault schedule's seed: FAULT_SEED=<seed> replays the run. */
	seed: number;
	workflow: string;
	items: number;
	requestsSent: number;
	faultsInjected: number;
	faultsByKind: Record<string, number>;
	retries: number;
	succeeded: number;
	failedNotApplied: number;
	failedUnknown: number;
	/** Records of this run in the sandbox afterwards. */
	records: number;
	duplicates: number;
	lost: number;
	/** One line per failed item: its index and the message the user sees. */
	failures: string[];
	seconds: number;
}

export function faultCounts(sandbox: RunningSandbox) {
	// Token revocations are counted by the schedule's `every` action, as kind `tokenRevoked`.
	const byKind: Record<string, number> = { ...sandbox.faults.byKind };
	return { byKind, total: Object.values(byKind).reduce((a, b) => a + b, 0) };
}

export function formatReport(r: FaultReport): string {
	const faultShare = r.requestsSent ? Math.round((r.faultsInjected / r.requestsSent) * 100) : 0;
	const rows: Array<[string, string | number]> = [
		['seed (FAULT_SEED= replays it)', r.seed],
		['items', r.items],
		['requests sent', r.requestsSent],
		['faults injected', `${r.faultsInjected} (${faultShare}% of requests)`],
		['  by kind', Object.entries(r.faultsByKind).map(([k, v]) => `${k} ${v}`).join(', ')],
		['retries', r.retries],
		['items succeeded', r.succeeded],
		['items failed, known not applied', r.failedNotApplied],
		['items failed, outcome unknown', r.failedUnknown],
		['records in the sandbox afterwards', r.records],
		['duplicates (must be 0)', r.duplicates],
		['lost (must be 0)', r.lost],
		['wall time', `${r.seconds.toFixed(1)} s`],
	];
	const width = Math.max(...rows.map(([k]) => k.length));
	const lines = [`${r.vendor}: ${r.workflow}`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
	for (const failure of r.failures.slice(0, 5)) lines.push(`  failed: ${failure}`);
	if (r.failures.length > 5) lines.push(`  ... and ${r.failures.length - 5} more failed items`);
	return lines.join('\n');
}

/** Prints the table where jest does not swallow it, and hands its row to the seeds table (scripts/run-faults.mjs). */
export function printReport(r: FaultReport): void {
	process.stdout.write(`\n${formatReport(r)}\n`);
	// scripts/run-faults.mjs gathers every file's rows into one table.
	const rowsFile = process.env.FAULT_ROWS_FILE;
	if (rowsFile) fs.appendFileSync(rowsFile, `${JSON.stringify(seedRowOf(r))}\n`);
}

/** A run's line in the seeds table. */
interface SeedRow {
	scenario: string;
	seed: number;
	requests: number;
	faults: number;
	succeeded: number;
	notApplied: number;
	unknown: number;
	duplicates: number;
	lost: number;
	seconds: number;
}

const seedRowOf = (r: FaultReport): SeedRow => ({
	scenario: `${r.vendor}: ${r.workflow}`,
	seed: r.seed,
	requests: r.requestsSent,
	faults: r.faultsInjected,
	succeeded: r.succeeded,
	notApplied: r.failedNotApplied,
	unknown: r.failedUnknown,
	duplicates: r.duplicates,
	lost: r.lost,
	seconds: r.seconds,
});

/** "item 7: fiskaly: ... (OUTCOME UNKNOWN ...)" for the table's failure lines. */
export function describeFailure(index: number, item: IDataObject): string {
	return `item ${index}: ${String(item.error)} — ${String(item.errorDetails ?? '')}`.slice(0, 300);
}

/** Counts how often each key occurs; keys seen more than once are duplicates. */
export function duplicatesOf(keys: string[]): number {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return [...counts.values()].reduce((sum, n) => sum + (n > 1 ? n - 1 : 0), 0);
}

/**
 * One fault run: the fault mix dealt from `seed`, the vendor's tokens taken away before every `revokeEvery`-th
 * request (counted in requests, not milliseconds, so a replay takes them at the same points), and the transport's
 * counters started. `finish()` switches the faults off and returns what was sent.
 */
export function startFaultRun(sandbox: RunningSandbox, seed: number, revoke: () => number, revokeEvery: number) {
	const started = Date.now();
	const counter = transportCounter();
	// The report counts this run's faults only.
	sandbox.faults.resetCounts();
	sandbox.faults.schedule({
		mix: FAULT_MIX,
		seed,
		every: { requests: revokeEvery, kind: 'tokenRevoked', run: () => revoke() > 0 },
	});
	return {
		finish: () => {
			sandbox.faults.clear();
			return { ...counter(), seed, seconds: (Date.now() - started) / 1000 };
		},
	};
}

/** The first step output of an item that did not succeed (a workflow's later steps only get the items that did). */
export const firstFailed = (...steps: Array<IDataObject | undefined>): IDataObject | undefined =>
	steps.find((step) => step !== undefined && outcomeOf(step) !== 'succeeded');

export type ItemTally = Pick<FaultReport, 'succeeded' | 'failedNotApplied' | 'failedUnknown' | 'lost' | 'failures'>;

/**
 * Classifies every item and counts the lost ones. `failedStep(i)`: the item's failed step output, or undefined when
 * every step succeeded. `sandboxAgrees(i, failed)`: for a success, its record exists exactly once as returned; for a
 * known "not applied" failure, the failed step left nothing behind. An unknown outcome is not checked.
 */
export function tallyItems(
	items: number,
	failedStep: (i: number) => IDataObject | undefined,
	sandboxAgrees: (i: number, failed: IDataObject | undefined) => boolean,
): ItemTally {
	const tally: ItemTally = { succeeded: 0, failedNotApplied: 0, failedUnknown: 0, lost: 0, failures: [] };
	for (let i = 0; i < items; i++) {
		const failed = failedStep(i);
		if (failed) tally.failures.push(describeFailure(i, failed));
		const outcome = failed ? outcomeOf(failed) : 'succeeded';
		if (outcome === 'unknown') {
			tally.failedUnknown++;
			continue;
		}
		if (outcome === 'succeeded') tally.succeeded++;
		else tally.failedNotApplied++;
		if (!sandboxAgrees(i, failed)) tally.lost++;
	}
	return tally;
}

/** Prints the table and asserts what the issue asks of every vendor; `minSucceededShare` of the items must get through. */
/** `maxUnknownShare`: where the vendor offers a lookup, at most this share of items may end with an unknown outcome. */
export function expectFaultRunHolds(report: FaultReport, minSucceededShare: number, maxUnknownShare?: number): void {
	printReport(report);
	expect(report.duplicates).toBe(0);
	expect(report.lost).toBe(0);
	// The schedule deals 27 % of requests a fault (exactly, per block of 10): at least 20 % from 30 requests on.
	expect(report.faultsInjected).toBeGreaterThanOrEqual(report.requestsSent * 0.2);
	// Every failed item says which kind it is, in words a user can act on.
	for (const failure of report.failures) expect(failure).toMatch(/Outcome known|OUTCOME UNKNOWN/);
	expect(report.succeeded + report.failedNotApplied + report.failedUnknown).toBe(report.items);
	expect(report.succeeded).toBeGreaterThanOrEqual(report.items * minSucceededShare);
	if (maxUnknownShare !== undefined) expect(report.failedUnknown).toBeLessThanOrEqual(report.items * maxUnknownShare);
}

export type FaultRunTotals = ReturnType<ReturnType<typeof startFaultRun>['finish']>;

/** The table of one run: what was sent and injected, the items' tally, and what the sandbox holds. */
export function faultReport(
	sandbox: RunningSandbox,
	sent: FaultRunTotals,
	run: Pick<FaultReport, 'vendor' | 'workflow' | 'items' | 'records' | 'duplicates'>,
	tally: ItemTally,
): FaultReport {
	const faults = faultCounts(sandbox);
	return { ...run, ...tally, seed: sent.seed, requestsSent: sent.requests, faultsInjected: faults.total, faultsByKind: faults.byKind, retries: sent.retries, seconds: sent.seconds };
}
