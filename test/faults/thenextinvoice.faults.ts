/**
 * TheNextInvoice under faults: 500 invoices created (draft, with a creationToken) and finalized, through the
 * e-mail & password credential whose JWTs are expired every 40 (Auto: 250) requests, while 27 % of all requests fail (a seeded schedule);
 * then 200 more with Items in Parallel = 4 and 200 at the default, Auto (creates in parallel, growing while answers
 * come back fine; finalize one at a time): concurrent retries, re-logins and lookups must not duplicate either.
 */
import { startTni, type TniFixture } from '../thenextinvoice/setup';
import { duplicatesOf, expectFaultRunHolds, faultReport, faultRequestOptions, firstFailed, forEachSeed, outcomeOf, startFaultRun, tallyItems } from './harness';

const ITEMS = 500;
const PARALLEL_ITEMS = 200;

/**
 * JWTs are expired before every n-th request: more requests than can be in flight at once (1, 4, or with Auto up
 * to all 200 items), so the re-login round after an expiry completes before the next one.
 */
const revokeEvery = (parallelItems: number) => (parallelItems === 0 ? 250 : 40);

let fixture: TniFixture | undefined;
afterEach(async () => await fixture?.sandbox.close());

/** A fresh sandbox with one customer, and the company's first profile, VAT code and ledger number. */
async function startFixture() {
	const f = (fixture = await startTni());
	const company = f.sandbox.companyIds[0];
	const first = <T extends { companyId: number; id: number }>(map: Map<number, T>) => [...map.values()].find((r) => r.companyId === company)!.id;
	const customer = Number(f.sandbox.control.createCustomer({ companyname: 'Faults B.V.' }).id);
	return { f, customer, profile: first(f.sandbox.state.profiles), vat: first(f.sandbox.state.vatCodes), ledger: first(f.sandbox.state.ledgerNumbers) };
}

/** Creates `items` invoices (line text = their reference) and finalizes them, with `parallelItems` in flight. */
async function createAndFinalize(seed: number, items: number, prefix: string, parallelItems: number): Promise<void> {
	const { f, customer, profile, vat, ledger } = await startFixture();
	const reference = (i: number) => `${prefix}${String(i).padStart(4, '0')}`;
	// parallelItems 0 is Auto, the default.
	const login = { authentication: 'emailPassword', requestOptions: { ...faultRequestOptions.requestOptions, parallelItems } };
	const run = startFaultRun(f.sandbox, seed, () => f.sandbox.control.expireJwts(), revokeEvery(parallelItems));
	const input = Array.from({ length: items }, (_, i) => ({ reference: reference(i) }));
	const createRun = await f.run(
		{
			...login,
			resource: 'invoice',
			operation: 'create',
			receiverMode: 'id',
			receiver: { __rl: true, mode: 'id', value: String(customer) },
			senderMode: 'id',
			sender: { __rl: true, mode: 'id', value: String(profile) },
			lines: { line: [{ description: '={{ $json.reference }}', quantity: 1, price: 100, vat, ledger, descriptionOnly: false }] },
			meta: { currency: 'EUR' },
		},
		{ input, continueOnFail: true },
	);
	expect(createRun.json).toHaveLength(items);

	const drafts = createRun.json.map((item, i) => ({ i, item })).filter(({ item }) => outcomeOf(item) === 'succeeded');
	const finalizeInput = drafts.map(({ i, item }) => ({ index: i, invoiceId: item.invoiceId }));
	const finalizeRun = await f.run(
		{ ...login, resource: 'invoice', operation: 'finalize', invoiceId: '={{ $json.invoiceId }}' },
		{ input: finalizeInput, continueOnFail: true },
	);
	const sent = run.finish();

	const finalizeResult = new Map(finalizeInput.map((d, n) => [d.index, finalizeRun.json[n]]));
	const invoices = [...f.sandbox.state.invoices.values()].filter((inv) => !inv.deleted && String(inv.lines[0]?.description ?? '').startsWith(prefix));
	const invoicesOf = (i: number) => invoices.filter((inv) => inv.lines[0].description === reference(i));
	const tally = tallyItems(
		items,
		(i) => firstFailed(createRun.json[i], finalizeResult.get(i)),
		(i, failed) => {
			const mine = invoicesOf(i);
			// Succeeded: exactly one invoice, the one the node returned, and it is finalized.
			if (!failed) return mine.length === 1 && mine[0].id === createRun.json[i].invoiceId && mine[0].status === 1;
			// "Not applied" must be true: no invoice after a failed create, still a draft after a failed finalize.
			return failed === createRun.json[i] ? mine.length === 0 : !mine.some((inv) => inv.status === 1);
		},
	);

	expectFaultRunHolds(
		faultReport(f.sandbox, sent, {
			vendor: 'TheNextInvoice',
			workflow: `${items} invoices created (draft) and finalized${parallelItems === 0 ? ', Items in Parallel = Auto' : parallelItems > 1 ? `, ${parallelItems} items in parallel` : ''}`,
			items,
			records: invoices.length,
			duplicates: duplicatesOf(invoices.map((inv) => String(inv.lines[0].description))),
		}, tally),
		// Creates carry a creationToken and finalize is looked up: nearly every item gets through.
		0.9,
	);
}

forEachSeed(`TheNextInvoice: ${ITEMS} invoices created and finalized under faults: none lost, none duplicated`, async (seed) => {
	await createAndFinalize(seed, ITEMS, 'FAULTS-', 1);
});

forEachSeed(`TheNextInvoice: ${PARALLEL_ITEMS} invoices, 4 items in parallel, under faults: none lost, none duplicated`, async (seed) => {
	await createAndFinalize(seed, PARALLEL_ITEMS, 'FAULTS-PARALLEL-', 4);
});

forEachSeed(`TheNextInvoice: ${PARALLEL_ITEMS} invoices at the default Items in Parallel (Auto), under faults: none lost, none duplicated`, async (seed) => {
	await createAndFinalize(seed, PARALLEL_ITEMS, 'FAULTS-AUTO-', 0);
});
