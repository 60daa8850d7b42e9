/**
 * fiskaly under faults: 100 organizations, each with an API key, created through the node (two steps, like a
 * workflow "Create organization" → "Create API key") while about a quarter of all requests fail and the tokens
 * are revoked every few seconds.
 */
import { newOrganization, startFiskaly, type FiskalyFixture } from '../fiskaly/setup';
import {
	describeFailure,
	duplicatesOf,
	faultCounts,
	faultRequestOptions,
	injectFaultMix,
	outcomeOf,
	printReport,
	revokeTokensPeriodically,
	transportCounter,
	type FaultReport,
} from './harness';

const ITEMS = 100;
const name = (i: number) => `Faults Org ${String(i).padStart(4, '0')}`;
const keyName = (i: number) => `faults-key-${String(i).padStart(4, '0')}`;

let f: FiskalyFixture;
beforeAll(async () => {
	// Tokens that live 30 s: the periodic revocation below is what takes them away mid-run.
	f = await startFiskaly({ accessTokenLifetimeSeconds: 30 });
});
afterAll(async () => await f.sandbox.close());

it(`fiskaly: ${ITEMS} organizations each with an API key, under faults: none lost, none duplicated`, async () => {
	const started = Date.now();
	const counter = transportCounter();
	injectFaultMix(f.sandbox);
	const revoker = revokeTokensPeriodically(() => f.sandbox.tokens.revokeAll(), 1500);

	const input = Array.from({ length: ITEMS }, (_, i) => ({ index: i, name: name(i) }));
	const orgRun = await f.run({ ...newOrganization('={{ $json.name }}'), ...faultRequestOptions }, { input, continueOnFail: true });
	expect(orgRun.json).toHaveLength(ITEMS);

	// Step two only for the organizations that exist for sure, as a workflow's IF node would route them.
	const created = orgRun.json.map((item, i) => ({ i, item })).filter(({ item }) => outcomeOf(item) === 'succeeded');
	const keyInput = created.map(({ i, item }) => ({ index: i, organizationId: item._id as string, keyName: keyName(i) }));
	const keyRun = await f.run(
		{
			resource: 'apiKey',
			operation: 'create',
			organizationId: { __rl: true, mode: 'id', value: '={{ $json.organizationId }}' },
			name: '={{ $json.keyName }}',
			status: 'enabled',
			...faultRequestOptions,
		},
		{ input: keyInput, continueOnFail: true },
	);
	const tokenRevocations = revoker.stop();
	f.sandbox.faults.clear();
	const sent = counter();

	// Per item: the outcome of its first failed step, or success when both steps succeeded.
	const keyResult = new Map(keyInput.map((k, n) => [k.index, keyRun.json[n]]));
	const orgs = [...f.sandbox.state.organizations.values()].filter((o) => String(o.name).startsWith('Faults Org '));
	const keys = [...f.sandbox.state.apiKeys.values()].filter((k) => String(k.name).startsWith('faults-key-'));
	const orgsNamed = (i: number) => orgs.filter((o) => o.name === name(i));
	const keysNamed = (i: number) => keys.filter((k) => k.name === keyName(i));

	let succeeded = 0;
	let failedNotApplied = 0;
	let failedUnknown = 0;
	let lost = 0;
	const failures: string[] = [];
	for (let i = 0; i < ITEMS; i++) {
		const orgItem = orgRun.json[i];
		const keyItem = keyResult.get(i);
		const failedItem = outcomeOf(orgItem) !== 'succeeded' ? orgItem : keyItem && outcomeOf(keyItem) !== 'succeeded' ? keyItem : undefined;
		if (!failedItem) {
			succeeded++;
			// Succeeded: the organization and its key exist exactly once, and the key belongs to it.
			const key = keysNamed(i);
			if (orgsNamed(i).length !== 1 || key.length !== 1 || key[0].organization_id !== orgItem._id) lost++;
			continue;
		}
		failures.push(describeFailure(i, failedItem));
		if (outcomeOf(failedItem) === 'unknown') {
			failedUnknown++;
			continue;
		}
		failedNotApplied++;
		// "Not applied" must be true: the step that failed left nothing behind.
		if (failedItem === orgItem ? orgsNamed(i).length > 0 : keysNamed(i).length > 0) lost++;
	}

	const faults = faultCounts(f.sandbox, { tokenRevoked: tokenRevocations });
	const report: FaultReport = {
		vendor: 'fiskaly',
		workflow: `${ITEMS} organizations, each with an API key`,
		items: ITEMS,
		requestsSent: sent.requests,
		faultsInjected: faults.total,
		faultsByKind: faults.byKind,
		retries: sent.retries,
		succeeded,
		failedNotApplied,
		failedUnknown,
		records: orgs.length + keys.length,
		duplicates: duplicatesOf(orgs.map((o) => String(o.name))) + duplicatesOf(keys.map((k) => String(k.name))),
		lost,
		failures,
		seconds: (Date.now() - started) / 1000,
	};
	printReport(report);

	expect(report.duplicates).toBe(0);
	expect(report.lost).toBe(0);
	expect(report.faultsInjected).toBeGreaterThanOrEqual(report.requestsSent * 0.2);
	// Every failed item says which kind it is, in words a user can act on.
	for (const failure of failures) expect(failure).toMatch(/Outcome known|OUTCOME UNKNOWN/);
	expect(succeeded + failedNotApplied + failedUnknown).toBe(ITEMS);
	// Faults are retried, not passed on: nearly every item gets through.
	expect(succeeded).toBeGreaterThanOrEqual(ITEMS * 0.8);
});
