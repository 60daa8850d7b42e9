/**
 * Semansys under faults: 50 filing-rules validations started and waited for (Wait for Completion) through the node,
 * while 27 % of all requests fail (a seeded schedule) and the access and refresh tokens are taken away every 75 requests.
 *
 * A validation is a POST that starts a job (202 + job ID). A duplicate is a second job started for one item. Semansys
 * has no idempotency key and no way to list jobs, so a start whose answer was lost cannot be looked up: the node does
 * not start it again (that could make a second job) and the item fails with OUTCOME UNKNOWN. Polling the job's status
 * is a GET and is retried freely.
 */
import { file, INSTANCE, startSemansys, type SemansysFixture } from '../semansys/setup';
import { duplicatesOf, expectFaultRunHolds, faultReport, faultRequestOptions, firstFailed, forEachSeed, startFaultRun, tallyItems } from './harness';

const ITEMS = 50;
const fileName = (i: number) => `faults-${String(i).padStart(4, '0')}.xbrl`;

/**
 * Tokens are taken away before every REVOKE_EVERY-th request: more requests than can be in flight at once (up to
 * all 50 items), so the re-login round after a revocation completes before the next one.
 */
const REVOKE_EVERY = 75;

let fixture: SemansysFixture | undefined;
afterEach(async () => await fixture?.sandbox.close());

forEachSeed(`Semansys: ${ITEMS} validations started and waited for under faults: none lost, no job started twice`, async (seed) => {
	const f = (fixture = await startSemansys());
	// Each job answers 202 to two polls, then 200 with its result.
	f.sandbox.control.setJobPolls(2);
	const run = startFaultRun(f.sandbox, seed, () => f.sandbox.control.expireAccessTokens() + f.sandbox.control.revokeRefreshTokens(), REVOKE_EVERY);
	const input = Array.from({ length: ITEMS }, (_, i) => ({ index: i, $binary: { data: file(INSTANCE, fileName(i)) } }));
	const validations = await f.run(
		{
			resource: 'validation',
			operation: 'filingRules',
			instanceBinaryProperty: 'data',
			waitForCompletion: true,
			pollIntervalSeconds: 0.1,
			waitTimeoutSeconds: 60,
			...faultRequestOptions,
		},
		{ input, continueOnFail: true },
	);
	const sent = run.finish();
	expect(validations.json).toHaveLength(ITEMS);

	const jobs = [...f.sandbox.state.jobs.values()].filter((job) => String(job.fileName ?? '').startsWith('faults-'));
	const jobsOf = (i: number) => jobs.filter((job) => job.fileName === fileName(i));
	const tally = tallyItems(
		ITEMS,
		(i) => firstFailed(validations.json[i]),
		(i, failed) => {
			const mine = jobsOf(i);
			// Succeeded: exactly one job, the one whose finished result the node returned. Not applied: no job.
			return failed ? mine.length === 0 : mine.length === 1 && mine[0].jobId === validations.json[i].jobId && validations.json[i].jobStatus === 'success';
		},
	);

	expectFaultRunHolds(
		faultReport(f.sandbox, sent, {
			vendor: 'Semansys',
			workflow: `${ITEMS} validations (filing rules) started and waited for`,
			items: ITEMS,
			records: jobs.length,
			duplicates: duplicatesOf(jobs.map((job) => String(job.fileName))),
		}, tally),
		// About one start in four is hit by a fault a retry cannot clear, and ends unknown.
		0.5,
	);
	// An item fails at the start of its job (never repeated), or, when even the retried polling could not read the
	// result (tokens taken away again and again), with the job's ID so its result can still be fetched.
	for (const failure of tally.failures) expect(failure).toMatch(/POST \/validation\/instance\/filing-rules|validation job \S+ was started/);
});
