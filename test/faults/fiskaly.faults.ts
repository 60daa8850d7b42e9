/**
 * fiskaly under faults: 100 organizations, each with an API key, created through the node (two steps, like a
 * workflow "Create organization" → "Create API key") while 27 % of all requests fail (a seeded schedule) and the tokens
 * are revoked every 150 requests.
 */
import { newOrganization, startFiskaly, type FiskalyFixture } from '../fiskaly/setup';
import { duplicatesOf, expectFaultRunHolds, faultReport, faultRequestOptions, firstFailed, forEachSeed, outcomeOf, startFaultRun, tallyItems } from './harness';

const ITEMS = 100;
const name = (i: number) => `Faults Org ${String(i).padStart(4, '0')}`;
const keyName = (i: number) => `faults-key-${String(i).padStart(4, '0')}`;

/**
 * Tokens are revoked before every REVOKE_EVERY-th request: more requests than can be in flight at once (Auto sends
 * up to all 100 creates together), so the re-login round after a revocation completes before the next one.
 */
const REVOKE_EVERY = 150;

let fixture: FiskalyFixture | undefined;
afterEach(async () => await fixture?.sandbox.close());
const startFixture = async () => (fixture = await startFiskaly({ accessTokenLifetimeSeconds: 30 }));

forEachSeed(`fiskaly: ${ITEMS} organizations each with an API key, under faults: none lost, none duplicated`, async (seed) => {
	// Tokens that live 30 s: the periodic revocation below is what takes them away mid-run.
	const f = await startFixture();
	const run = startFaultRun(f.sandbox, seed, () => f.sandbox.tokens.revokeAll(), REVOKE_EVERY);
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
	const sent = run.finish();

	const keyResult = new Map(keyInput.map((k, n) => [k.index, keyRun.json[n]]));
	const orgs = [...f.sandbox.state.organizations.values()].filter((o) => String(o.name).startsWith('Faults Org '));
	const keys = [...f.sandbox.state.apiKeys.values()].filter((k) => String(k.name).startsWith('faults-key-'));
	const orgsNamed = (i: number) => orgs.filter((o) => o.name === name(i));
	const keysNamed = (i: number) => keys.filter((k) => k.name === keyName(i));
	const tally = tallyItems(
		ITEMS,
		(i) => firstFailed(orgRun.json[i], keyResult.get(i)),
		(i, failed) => {
			// Succeeded: the organization and its key exist exactly once, and the key belongs to it.
			if (!failed) return orgsNamed(i).length === 1 && keysNamed(i).length === 1 && keysNamed(i)[0].organization_id === orgRun.json[i]._id;
			// "Not applied" must be true: the step that failed left nothing behind.
			return failed === orgRun.json[i] ? orgsNamed(i).length === 0 : keysNamed(i).length === 0;
		},
	);

	expectFaultRunHolds(
		faultReport(f.sandbox, sent, {
			vendor: 'fiskaly',
			workflow: `${ITEMS} organizations, each with an API key`,
			items: ITEMS,
			records: orgs.length + keys.length,
			duplicates: duplicatesOf(orgs.map((o) => String(o.name))) + duplicatesOf(keys.map((k) => String(k.name))),
		}, tally),
		// Organizations have no idempotency key: a lost answer that the lookup cannot settle stays unknown.
		0.7,
	);
});
