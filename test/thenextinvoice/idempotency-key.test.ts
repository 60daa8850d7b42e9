/**
 * Create Invoice → Idempotency Key: the same key in two separate runs (an AI agent retrying a tool call, a workflow run
 * again) is sent as the same creation token, so TheNextInvoice answers the first invoice instead of making a second.
 * A UUID is sent as it is; other text as a name-based UUID; without a key every run gets a fresh UUID.
 */
import type { INodeParameters } from 'n8n-workflow';

import { creationTokenFor } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/resources/invoice/single';
import { idLocator, useTni } from './setup';

const f = useTni();
let create: (extra?: INodeParameters) => INodeParameters;

beforeAll(() => {
	const company = f.sandbox.companyIds[0];
	const first = <T extends { companyId: number; id: number }>(map: Map<number, T>) => [...map.values()].find((r) => r.companyId === company)!.id;
	const customer = Number(f.sandbox.control.createCustomer({ companyname: 'Agent Retry B.V.' }).id);
	create = (extra = {}) => ({
		resource: 'invoice',
		operation: 'create',
		receiverMode: 'id',
		receiver: idLocator(customer),
		senderMode: 'id',
		sender: idLocator(first(f.sandbox.state.profiles)),
		lines: { line: [{ description: 'Retried consulting', quantity: 1, price: 50, vat: first(f.sandbox.state.vatCodes), ledger: first(f.sandbox.state.ledgerNumbers) }] },
		...extra,
	});
});

const posts = () => f.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/invoice').map((r) => (r.body as { creationToken?: string }).creationToken);

describe('TheNextInvoice create: Idempotency Key', () => {
	it('the same key in two runs makes one invoice, and both runs answer its ID', async () => {
		const before = f.sandbox.state.invoices.size;
		const first = await f.run(create({ idempotencyKey: 'order-4711' }));
		const again = await f.run(create({ idempotencyKey: 'order-4711' }));
		expect(first.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(again.json[0].invoiceId).toBe(first.json[0].invoiceId);
		expect(f.sandbox.state.invoices.size).toBe(before + 1);
		expect(posts().slice(-2)).toEqual([creationTokenFor('order-4711'), creationTokenFor('order-4711')]);
	});

	it('sends a UUID key as it is (lower case), other text as a stable name-based UUID, and a fresh UUID without a key', async () => {
		expect(creationTokenFor('3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
		expect(creationTokenFor('order-4711')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(creationTokenFor('order-4711')).toBe(creationTokenFor('order-4711'));
		expect(creationTokenFor('order-4712')).not.toBe(creationTokenFor('order-4711'));
		const before = f.sandbox.state.invoices.size;
		await f.run(create());
		await f.run(create());
		const [a, b] = posts().slice(-2);
		expect(a).toMatch(/^[0-9a-f-]{36}$/);
		expect(a).not.toBe(b);
		expect(f.sandbox.state.invoices.size).toBe(before + 2);
	});

	it('refuses a key over 200 characters before sending', async () => {
		f.sandbox.clearRequests();
		const { error } = await f.run(create({ idempotencyKey: 'x'.repeat(201) }));
		expect(error?.message).toMatch(/Idempotency Key.*at most 200 characters/);
		expect(f.apiCalls()).toEqual([]);
	});
});
