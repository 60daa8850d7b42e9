import { idLocator, useTni } from './setup';

const f = useTni({ seedInvoices: 130 });
let company: number;
let vat: number;
let ledger: number;
let profile: number;
let customer: number;
let method: number;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
	const first = <T extends { companyId: number; id: number }>(map: Map<number, T>) => [...map.values()].find((r) => r.companyId === company)!.id;
	vat = first(f.sandbox.state.vatCodes);
	ledger = first(f.sandbox.state.ledgerNumbers);
	profile = first(f.sandbox.state.profiles);
	method = first(f.sandbox.state.paymentMethods);
	customer = Number(f.sandbox.control.createCustomer({ companyname: 'Bakkerij Jansen' }).id);
});

const draft = (extra: Record<string, unknown> = {}) => ({
	resource: 'invoice',
	operation: 'create',
	receiverMode: 'id',
	receiver: idLocator(customer),
	senderMode: 'id',
	sender: idLocator(profile),
	lines: {
		line: [
			{ description: 'Consulting', quantity: 2, price: 100, vat: vat, ledger: ledger, descriptionOnly: false },
			{ description: 'Thank you for your order', descriptionOnly: true },
		],
	},
	meta: { currency: 'EUR', dueDate: '2026-12-31T00:00:00', language: 'nl' },
	text: { top: 'Order 1425' },
	...extra,
});

describe('TheNextInvoice invoice', () => {
	it('creates a draft with lines (incl. description-only), meta, texts and a creation token', async () => {
		const { json, error } = await f.run(draft());
		expect(error).toBeUndefined();
		const id = json[0].invoiceId as number;
		const body = f.lastRequest()!.body as Record<string, any>;
		expect(f.apiCalls()).toEqual(['POST /invoice']);
		expect(body).toMatchObject({
			discount: 0,
			includesVat: false,
			receiver: customer,
			sender: profile,
			status: 0,
			type: '',
			meta: { currency: 'EUR', dueDate: '2026-12-31', language: 'nl' },
			text: { top: 'Order 1425' },
			lines: [
				{ description: 'Consulting', quantity: 2, price: 100, vat, ledger },
				{ description: 'Thank you for your order', quantity: null, price: null, vat: null, ledger: null },
			],
		});
		expect(body.creationToken).toMatch(/^[0-9a-f-]{36}$/);
		const got = await f.run({ resource: 'invoice', operation: 'get', invoiceId: String(id) });
		// Drafts come back without receiver, sender and totals, as documented.
		expect(got.json[0]).toMatchObject({ id, status: 0, receiver: null, sender: null, calculated: null });
	});

	it('a receiver given as a JSON object is sent as it is; broken, non-object or empty JSON is refused before sending', async () => {
		const receiver = { companyname: 'Nieuwe Klant B.V.', email: 'info@nieuweklant.nl', country: 'nl' };
		// As the editor stores it: the hidden ID picker is not kept.
		const byObject = (receiverObject: string) => {
			const { receiver: _hidden, ...parameters } = draft({ receiverMode: 'object', receiverObject });
			return parameters;
		};
		const { error } = await f.run(byObject(JSON.stringify(receiver)));
		expect(error).toBeUndefined();
		expect((f.lastRequest()!.body as Record<string, unknown>).receiver).toEqual(receiver);
		f.sandbox.clearRequests();
		for (const [text, message] of [
			['{"companyname": ', 'must be valid JSON'],
			['[1, 2]', 'must be a JSON object'],
			['  ', 'must not be empty'],
		]) {
			const bad = await f.run(byObject(text));
			expect(bad.error?.message).toMatch(new RegExp(`^Invalid input in item 0: "Receiver[^"]*": ${message}`));
		}
		expect(f.apiCalls()).toEqual([]);
	});

	it('a create whose connection drops after the server saved it is retried with the same token: one invoice', async () => {
		const before = f.sandbox.state.invoices.size;
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/v1/invoice' } });
		const { json, error } = await f.run(draft());
		expect(error).toBeUndefined();
		const posts = f.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/invoice');
		expect(posts).toHaveLength(2);
		expect((posts[0].body as any).creationToken).toBe((posts[1].body as any).creationToken);
		expect(f.sandbox.state.invoices.size).toBe(before + 1);
		expect(f.sandbox.state.invoices.has(json[0].invoiceId as number)).toBe(true);
	});

	it('finalizes, registers a payment, downloads the PDF and UBL, and credits', async () => {
		const { json } = await f.run(draft());
		const id = String(json[0].invoiceId);
		expect((await f.run({ resource: 'invoice', operation: 'finalize', invoiceId: id })).json[0]).toMatchObject({ finalized: true });
		const got = await f.run({ resource: 'invoice', operation: 'get', invoiceId: id });
		expect(got.json[0]).toMatchObject({ status: 1 });
		expect(got.json[0].number).toBeTruthy();

		const pdf = await f.run({ resource: 'invoice', operation: 'downloadPdf', invoiceId: id, binaryPropertyName: 'pdf' });
		// The file name is the one TheNextInvoice gives in Content-Disposition (with the invoice number).
		expect(pdf.items[0].binary?.pdf).toMatchObject({ mimeType: 'application/pdf', fileName: `invoice-${String(got.json[0].number)}.pdf` });
		expect(Buffer.from(pdf.items[0].binary!.pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

		const ubl = await f.run({ resource: 'invoice', operation: 'downloadUbl', invoiceId: id, peppol: true, binaryPropertyName: 'data' });
		expect(f.lastRequest()!.query).toMatchObject({ peppol: 'true' });
		expect(ubl.items[0].binary?.data.mimeType).toMatch(/xml/);

		const paid = await f.run({ resource: 'invoice', operation: 'registerPayment', invoiceId: id, method, date: '2026-11-20T10:00:00' });
		expect(paid.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ method, date: '2026-11-20' });
		expect(paid.json).toEqual([{ invoiceId: Number(id), success: true, alreadyDone: false }]);
		// A second registration: 409 "already paid", confirmed by the status's payment topic → done, not an error.
		const again = await f.run({ resource: 'invoice', operation: 'registerPayment', invoiceId: id, method, date: '2026-11-20' });
		expect(again.error).toBeUndefined();
		expect(again.json).toEqual([{ invoiceId: Number(id), success: true, alreadyDone: true }]);
		expect(f.apiCalls().slice(-2)).toEqual([`POST /invoice/${id}/payment`, `GET /invoice/${id}/status`]);
		const strict = await f.run({ resource: 'invoice', operation: 'registerPayment', invoiceId: id, method, date: '2026-11-20', ifAlreadyDone: 'fail' });
		expect(strict.error?.message).toBe('Already paid: nothing was sent');

		const credited = await f.run({ resource: 'invoice', operation: 'credit', invoiceId: id });
		expect(credited.json[0]).toMatchObject({ invoiceId: Number(id), alreadyDone: false });
		expect(credited.json[0].creditInvoiceId).toBeGreaterThan(0);
		// Credited twice: refused, the invoice's state is credited → done; the earlier credit invoice's ID is not known.
		const creditedAgain = await f.run({ resource: 'invoice', operation: 'credit', invoiceId: id });
		expect(creditedAgain.json).toEqual([{ invoiceId: Number(id), creditInvoiceId: null, alreadyDone: true }]);
		expect([...f.sandbox.state.invoices.values()].filter((invoice) => invoice.credits === Number(id))).toHaveLength(1);
	});

	it('searches with filters, Return All over pages of 100, and Limit', async () => {
		const all = await f.run({ resource: 'invoice', operation: 'getAll', returnAll: true, filters: { status: ['paid', 'open'], type: 'invoice', order: 'id', reverse: true } });
		expect(all.error).toBeUndefined();
		const gets = f.sandbox.requests.filter((r) => r.path === '/api/v1/invoice/search');
		expect(gets[0].query).toMatchObject({ status: 'paid,open', type: 'invoice', order: 'id', reverse: 'true', page: '1', limit: '100' });
		expect(gets.length).toBe(Math.ceil(all.json.length / 100));
		expect(all.json.length).toBeGreaterThan(100);
		f.sandbox.clearRequests();
		const some = await f.run({ resource: 'invoice', operation: 'getAll', returnAll: false, limit: 5, filters: {} });
		expect(some.json).toHaveLength(5);
		expect(f.sandbox.requests.map((r) => r.query.limit)).toEqual(['5']);
	});

	it('rejects more than 5 statuses before sending anything', async () => {
		const { error } = await f.run({ resource: 'invoice', operation: 'getAll', returnAll: true, filters: { status: ['open', 'paid', 'pastdue', 'credit', 'credited', 'reminded'] } });
		expect(error?.message).toMatch(/Invalid input in item 0: "Filters" › Status: at most 5 statuses/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('books many invoices in comma-separated batches, with a result per item', async () => {
		const ids = [...f.sandbox.state.invoices.values()].filter((i) => i.companyId === company && i.status === 1).slice(0, 60).map((i) => String(i.id));
		const { items } = await f.run({ resource: 'invoice', operation: 'book', invoiceId: '={{ $json.id }}', batchItems: true }, { input: ids.map((id) => ({ id })) });
		expect(f.apiCalls()).toEqual([`POST /invoice/${ids.slice(0, 50).join(',')}/book`, `POST /invoice/${ids.slice(50).join(',')}/book`]);
		expect(items.map((i) => i.json.invoiceId)).toEqual(ids.map(Number));
		expect(items.every((i, n) => i.pairedItem && (i.pairedItem as { item: number }).item === n)).toBe(true);
	});

	it('Batch Size sets how many ids go in one request (60 invoices: 25 + 25 + 10)', async () => {
		const ids = [...f.sandbox.state.invoices.values()].filter((i) => i.companyId === company && i.status === 1).slice(0, 60).map((i) => String(i.id));
		const { items } = await f.run({ resource: 'invoice', operation: 'remind', invoiceId: '={{ $json.id }}', batchItems: true, batchSize: 25 }, { input: ids.map((id) => ({ id })) });
		expect(f.apiCalls()).toEqual([0, 25, 50].map((start) => `POST /invoice/${ids.slice(start, start + 25).join(',')}/remind`));
		expect(items.map((i) => i.json.invoiceId)).toEqual(ids.map(Number));
		f.sandbox.clearRequests();
		await f.run({ resource: 'invoice', operation: 'remind', invoiceId: '={{ $json.id }}', batchItems: true, batchSize: 1000 }, { input: ids.map((id) => ({ id })) });
		expect(f.apiCalls()).toEqual([`POST /invoice/${ids.join(',')}/remind`]);
	});

	it('puts many invoices in one SEPA batch (Batch Items); each item gets the batch id, which downloads its XML', async () => {
		const ids = [...f.sandbox.state.invoices.values()].filter((i) => i.companyId === company && i.status === 1 && i.sepaBatchId === null).slice(0, 3).map((i) => String(i.id));
		const { items, error } = await f.run(
			{ resource: 'invoice', operation: 'createSepaBatch', invoiceId: '={{ $json.id }}', date: '2026-12-15', batchItems: true },
			{ input: ids.map((id) => ({ id })) },
		);
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`POST /invoice/${ids.join(',')}/sepa`]);
		expect(f.lastRequest()!.body).toEqual({ date: '2026-12-15' });
		const batchId = f.sandbox.state.invoices.get(Number(ids[0]))!.sepaBatchId;
		expect(batchId).toEqual(expect.any(Number));
		expect(items.map((i) => i.json)).toEqual(ids.map((id) => ({ invoiceId: Number(id), success: true, sepaBatchId: batchId })));

		const xml = await f.run({ resource: 'sepaBatch', operation: 'download', batchId: '={{ $json.sepaBatchId }}', binaryPropertyName: 'xml' }, { input: [items[0].json] });
		expect(xml.items[0].binary?.xml.mimeType).toBe('application/xml');
		const again = await f.run({ resource: 'invoice', operation: 'createSepaBatch', invoiceId: ids[0], date: '2026-12-15' });
		expect(again.error?.message).toMatch(/already in a SEPA batch/);
	});

	it('an unknown invoice reports TheNextInvoice\'s envelope error', async () => {
		const { error } = await f.run({ resource: 'invoice', operation: 'get', invoiceId: '999999' });
		expect(error?.message).toMatch(/^TheNextInvoice: /);
		expect(error?.description).toMatch(/HTTP 404 · GET \/invoice\/999999/);
	});

	it('exports CSV and totals with the same filters', async () => {
		const csv = await f.run({ resource: 'invoice', operation: 'exportCsv', filters: { status: ['paid'] }, binaryPropertyName: 'csv' });
		expect(csv.items[0].binary?.csv.mimeType).toBe('text/csv');
		expect(f.lastRequest()!.query).toMatchObject({ status: 'paid' });
		const totals = await f.run({ resource: 'invoice', operation: 'getTotals', filters: { status: ['paid'] } });
		expect(totals.json[0]).toHaveProperty('EUR');
	});
});

describe('e-mail & password login', () => {
	it('logs in once with POST /session/jwt and reuses the JWT until a 401, then logs in again once', async () => {
		const login = { authentication: 'emailPassword' };
		const before = f.sandbox.stats.logins;
		await f.run({ ...login, resource: 'invoice', operation: 'getAll', returnAll: false, limit: 1, filters: {} });
		await f.run({ ...login, resource: 'invoice', operation: 'getAll', returnAll: false, limit: 1, filters: {} });
		expect(f.sandbox.stats.logins - before).toBe(1);
		f.sandbox.control.expireJwts();
		const { error } = await f.run({ ...login, resource: 'invoice', operation: 'getAll', returnAll: false, limit: 1, filters: {} });
		expect(error).toBeUndefined();
		expect(f.sandbox.stats.logins - before).toBe(2);
		expect(f.sandbox.requests.some((r) => r.headers.authorization?.startsWith('Bearer '))).toBe(true);
	});
});

describe('session', () => {
	it('switches company with the login credential; later requests work in that company', async () => {
		const other = f.sandbox.companyIds[1];
		const login = { authentication: 'emailPassword' };
		const { json, error } = await f.run({ ...login, resource: 'session', operation: 'switchCompany', company: String(other) });
		expect(error).toBeUndefined();
		expect(json[0]).toEqual({ company: other, switched: true });
		f.sandbox.clearRequests();
		const list = await f.run({ ...login, resource: 'invoice', operation: 'getAll', returnAll: true, filters: {} });
		expect(list.error).toBeUndefined();
		// The seeded invoices all belong to the first company.
		expect(list.json.every((i) => i.company === other)).toBe(true);
	});

	it('refuses to switch with an API token, sending nothing', async () => {
		const { error } = await f.run({ resource: 'session', operation: 'switchCompany', company: '2' });
		expect(error?.message).toMatch(/needs the Email & Password authentication/);
		expect(f.apiCalls()).toEqual([]);
	});
});
