/**
 * Request Options → Items in Parallel: up to N items in flight, output in item order, one login for all of them, every
 * item checked before any is sent, and a failure without Continue On Fail that names what was already done.
 * Runs through n8n-core's WorkflowExecute against the TheNextInvoice and fiskaly sandboxes.
 */
import { AUTO_ITEMS } from '@n8n-nodes-eu-finance/shared/properties';

import { fiskalyTokens } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/api';
import { startFiskaly, type FiskalyFixture } from '../fiskaly/setup';
import { idLocator, useTni } from '../thenextinvoice/setup';

const f = useTni();

const DELAY_MS = 300;
const createCustomer = (parallelItems?: number) => ({
	resource: 'customer',
	operation: 'create',
	companyname: '={{ $json.name }}',
	person: false,
	email: 'info@example.nl',
	address: 'Dorpsstraat 12',
	postalcode: '1234AB',
	city: 'Utrecht',
	country: 'nl',
	requestOptions: { maxAttempts: 2, timeoutSeconds: 5, ...(parallelItems ? { parallelItems } : {}) },
});
const names = (count: number, prefix = 'Parallel') => Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i}` }));

/**
 * Most requests the sandbox had in hand at once. Every answer is held back DELAY_MS, so requests that arrived
 * within less than that of each other were in flight together.
 */
function mostInFlight(arrivals: number[]): number {
	const sorted = [...arrivals].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0; i < sorted.length; i++) most = Math.max(most, sorted.filter((t) => t >= sorted[i] && t < sorted[i] + DELAY_MS * 0.8).length);
	return most;
}

const customerCreates = () => f.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/customer');

describe('Items in Parallel', () => {
	it('with 1, sends one item at a time', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: DELAY_MS, times: 4, match: { method: 'POST', path: '/api/v1/customer' } });
		const { items, error } = await f.run(createCustomer(1), { input: names(4, 'One at a time') });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(mostInFlight(customerCreates().map((r) => r.at))).toBe(1);
	});

	it('with 4, keeps 4 items in flight, creates each once and emits the results in item order', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: DELAY_MS, times: 10, match: { method: 'POST', path: '/api/v1/customer' } });
		const { items, json, error } = await f.run(createCustomer(4), { input: names(10) });
		expect(error).toBeUndefined();
		expect(mostInFlight(customerCreates().map((r) => r.at))).toBe(4);
		expect(customerCreates()).toHaveLength(10);
		expect(json.map((c) => c.companyname)).toEqual(names(10).map((n) => n.name));
		expect(items.map((i) => i.pairedItem)).toEqual(names(10).map((_, item) => ({ item })));
		const stored = [...f.sandbox.state.customers.values()].map((c) => String(c.fields.companyname)).filter((name) => name.startsWith('Parallel '));
		expect(stored.sort()).toEqual(names(10).map((n) => n.name).sort());
	});

	it('checks every item before sending any: a bad input in the last item sends nothing, in parallel too', async () => {
		for (const parallelItems of [undefined, 4]) {
			f.sandbox.clearRequests();
			const { error } = await f.run({ ...createCustomer(parallelItems), email: '={{ $json.email }}' }, {
				input: [...names(5).map((n) => ({ ...n, email: 'info@example.nl' })), { name: 'Bad', email: 'not an e-mail' }],
			});
			expect(error?.message).toMatch(/^Invalid input in item 5: "E-?mail/i);
			expect(customerCreates()).toHaveLength(0);
		}
	});

	it('a failure without Continue On Fail stops new items, lets those in flight finish and names them', async () => {
		const ids: number[] = [];
		for (const { name } of names(2)) ids.push(Number((await f.run({ ...createCustomer(), companyname: name })).json[0].id));
		f.sandbox.clearRequests();
		// Items 0 and 1 are slow; item 2 asks for a customer that does not exist and fails first.
		for (const id of ids) f.sandbox.faults.add({ kind: 'slow', delayMs: DELAY_MS, match: { method: 'GET', path: `/api/v1/customer/${id}` } });
		const input = [...ids, 999999, ...ids, ...ids, ids[0]].map((id) => ({ id }));
		const { error } = await f.run(
			{ resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, requestOptions: { parallelItems: 3 } },
			{ input },
		);
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
		expect(error?.message).toMatch(/Customer does not exist/);
		const description = String((error as { description?: string }).description);
		expect(description).toContain('Items in Parallel: 3.');
		expect(description).toContain('These items had succeeded before the run stopped: 0–1.');
		expect(description).toContain('These items were not sent: 3–7.');
		expect(f.sandbox.requests.map((r) => r.path)).toHaveLength(3);
	});

	it('a single item that fails gets only its own error, no list of items sent in parallel (an AI tool call reads it)', async () => {
		const { error } = await f.run({ resource: 'customer', operation: 'get', customerId: idLocator('999999') }, { input: [{}] });
		expect(error?.message).toMatch(/Customer does not exist/);
		const description = String((error as { description?: string }).description ?? '');
		expect(description).not.toMatch(/Items in Parallel|had succeeded|were not sent/);
	});

	it('with Continue On Fail the failed item becomes an error item in its place and every other item is sent', async () => {
		const { json } = await f.run({ ...createCustomer(), companyname: 'Kept' });
		const id = Number(json[0].id);
		const input = [id, 999999, id, id, id].map((value) => ({ id: value }));
		const run = await f.run(
			{ resource: 'customer', operation: 'get', customerId: idLocator('={{ $json.id }}'), requestOptions: { parallelItems: 3 } },
			{ input, continueOnFail: true },
		);
		expect(run.json.map((item) => (item.error ? 'error' : Number(item.id)))).toEqual([id, 'error', id, id, id]);
		expect(run.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	});
});

describe('Items in Parallel = Auto (the default)', () => {
	it('grows on a vendor that answers fine: from its start up to more at once, output in item order and paired', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: DELAY_MS, times: 40, match: { method: 'POST', path: '/api/v1/customer' } });
		const { items, json, error } = await f.run(createCustomer(), { input: names(40, 'Auto') });
		expect(error).toBeUndefined();
		const most = mostInFlight(customerCreates().map((r) => r.at));
		expect(most).toBeGreaterThan(AUTO_ITEMS.start);
		expect(most).toBeLessThanOrEqual(AUTO_ITEMS.max);
		expect(customerCreates()).toHaveLength(40);
		expect(json.map((c) => c.companyname)).toEqual(names(40, 'Auto').map((n) => n.name));
		expect(items.map((i) => i.pairedItem)).toEqual(names(40).map((_, item) => ({ item })));
	});

	it('stays within Max Items in Parallel', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: DELAY_MS, times: 30, match: { method: 'POST', path: '/api/v1/customer' } });
		const { error } = await f.run({ ...createCustomer(), requestOptions: { maxParallelItems: 5 } }, { input: names(30, 'Capped') });
		expect(error).toBeUndefined();
		expect(mostInFlight(customerCreates().map((r) => r.at))).toBe(5);
	});

	it('shrinks on a rate-limited vendor (429 + Retry-After) and finishes with every item created once, none failed', async () => {
		f.sandbox.faults.rateLimit({ perSecond: 20 });
		try {
			const input = names(60, 'Limited');
			const { json, error } = await f.run({ ...createCustomer(), requestOptions: {} }, { input, continueOnFail: true });
			expect(error).toBeUndefined();
			expect(json.filter((item) => item.error)).toEqual([]);
			expect(json.map((c) => c.companyname)).toEqual(input.map((n) => n.name));
			expect(f.sandbox.faults.bucket!.refused).toBeGreaterThan(0);
			const created = [...f.sandbox.state.customers.values()].map((c) => String(c.fields.companyname)).filter((name) => name.startsWith('Limited '));
			expect(created.sort()).toEqual(input.map((n) => n.name).sort());
			// The vendor admits 20 per second: the last 20 creates it accepted took most of a second.
			const accepted = customerCreates().filter((r) => r.status !== 429).map((r) => r.at);
			expect(accepted.at(-1)! - accepted[accepted.length - 21]).toBeGreaterThan(700);
		} finally {
			f.sandbox.faults.rateLimit(undefined);
		}
	});

	it('sends that message a customer stay one at a time under Auto (an explicit number still applies)', async () => {
		const ids = Array.from({ length: 4 }, () => Number(f.sandbox.control.createInvoice({}).id));
		const mails = () => f.sandbox.requests.filter((r) => r.method === 'POST' && /\/send\/mail$/.test(r.path));
		const sendMail = (requestOptions: Record<string, number>) => ({
			resource: 'invoice',
			operation: 'sendEmail',
			invoiceId: idLocator('={{ $json.id }}'),
			subject: 'Invoice {invoicenumber}',
			body: 'Hi',
			requestOptions,
		});
		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'slow', delayMs: DELAY_MS, times: 8, match: { method: 'POST', path: /\/send\/mail$/ } });
		const auto = await f.run(sendMail({}), { input: ids.map((id) => ({ id })) });
		expect(auto.error).toBeUndefined();
		expect(mails()).toHaveLength(4);
		expect(mostInFlight(mails().map((r) => r.at))).toBe(1);
		f.sandbox.clearRequests();
		// New invoices: the first four were e-mailed, and a second Send by Email of them sends nothing (alreadyDone).
		const more = Array.from({ length: 4 }, () => Number(f.sandbox.control.createInvoice({}).id));
		const fixed = await f.run(sendMail({ parallelItems: 4 }), { input: more.map((id) => ({ id })) });
		expect(fixed.error).toBeUndefined();
		expect(mostInFlight(mails().map((r) => r.at))).toBe(4);
	});

	it('with Continue On Fail a failed item becomes an error item in its place, the others are sent', async () => {
		const { json } = await f.run({ ...createCustomer(1), companyname: 'Kept auto' });
		const id = Number(json[0].id);
		const input = [id, 999999, id, id, 999998, id].map((value) => ({ id: value }));
		const run = await f.run({ resource: 'customer', operation: 'get', customerId: idLocator('={{ $json.id }}') }, { input, continueOnFail: true });
		expect(run.json.map((item) => (item.error ? 'error' : Number(item.id)))).toEqual([id, 'error', id, id, 'error', id]);
		expect(run.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	});
});

describe('Items in Parallel with a token login', () => {
	let fiskaly: FiskalyFixture;
	beforeAll(async () => {
		fiskaly = await startFiskaly();
	});
	afterAll(async () => await fiskaly.sandbox.close());

	it('10 items, 5 at a time, from an empty token cache: one login for all of them', async () => {
		fiskalyTokens.clear();
		const logins = fiskaly.sandbox.stats.logins;
		const { items, error } = await fiskaly.run(
			{ resource: 'organization', operation: 'getAll', returnAll: false, limit: 1, requestOptions: { parallelItems: 5 } },
			{ input: Array.from({ length: 10 }, () => ({})) },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10);
		expect(fiskaly.sandbox.stats.logins - logins).toBe(1);
	});
});
