import { sleep } from 'n8n-workflow';

import { lastCreateBody, newInvoice, startInvoicing, type InvoicingFixture } from './setup';

let f: InvoicingFixture;
beforeAll(async () => {
	f = await startInvoicing();
});
afterAll(async () => await f.sandbox.close());
beforeEach(() => f.sandbox.faults.clear());

describe('Invoicing API: create invoice', () => {
	it('creates and sends an SMS invoice, with the documented body and DD-MM-YYYY dates', async () => {
		const { json, error } = await f.run(newInvoice({ customInvoiceId: 'INV-1001-A' }));
		expect(error).toBeUndefined();
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ customInvoiceId: 'INV-1001-A', invoiceNumber: 'INV-1001', createOnly: false, statusCode: 201, message: 'Invoice created and sent' });
		expect(String(json[0].invoiceUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/i\//);
		const stored = f.sandbox.invoices.get('INV-1001-A');
		expect(stored?.sendCount).toBe(1);
		expect(lastCreateBody(f)).toEqual({
			recipientDetails: { customerType: '0', firstName: 'Astrid', lastName: 'Lindgren', phoneNumber: '+46701234567' },
			invoicerDetails: { companyName: 'Vimmerby Trading AB', businessId: '556677-8899' },
			invoiceDetails: {
				customInvoiceId: 'INV-1001-A',
				invoiceDate: '01-12-2026',
				dueDate: '31-12-2026',
				total: 1250,
				currency: 'SEK',
				invoiceType: '0',
				invoiceSendType: '0',
				invoiceNumber: 'INV-1001',
				invoiceRows: [
					{ productCode: 'CONS', description: 'Consulting', quantity: 8, unit: 'h', unitPrice: 100, vatPerc: 25, priceNoVat: 800, price: 1000 },
					// priceNoVat 0 of a priced row and discount 0 are n8n's untouched defaults: left out.
					{ productCode: 'TRAV', description: 'Travel', quantity: 1, unitPrice: 200, vatPerc: 25, price: 250 },
				],
			},
		});
	});

	it('generates a custom invoice id when none is given, and returns it', async () => {
		const { json } = await f.run(newInvoice());
		const id = String(json[0].customInvoiceId);
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(f.sandbox.invoices.get(id)).toBeDefined();
		expect((lastCreateBody(f).invoiceDetails as { customInvoiceId?: string }).customInvoiceId).toBe(id);
	});

	it('gives every input item its own generated id', async () => {
		const { json } = await f.run(newInvoice({ invoiceNumber: '={{ $json.number }}' }), { input: [{ number: 'A-1' }, { number: 'A-2' }] });
		expect(json.map((j) => j.invoiceNumber)).toEqual(['A-1', 'A-2']);
		expect(new Set(json.map((j) => j.customInvoiceId)).size).toBe(2);
	});

	it('create only: nothing goes out until Send; smsDetails carries createOnly', async () => {
		const { json } = await f.run(newInvoice({ customInvoiceId: 'LATER-1', createOnly: true, smsDetails: { senderName: 'Vimmerby', freeText: 'Your invoice' } }));
		expect(json[0]).toMatchObject({ customInvoiceId: 'LATER-1', createOnly: true, message: 'Invoice created' });
		expect(lastCreateBody(f).smsDetails).toEqual({ senderName: 'Vimmerby', freeText: 'Your invoice', createOnly: true });
		expect(f.sandbox.invoices.get('LATER-1')?.sendCount).toBe(0);
	});

	it('accepts n8n DateTime values from expressions and sends them as DD-MM-YYYY', async () => {
		await f.run(newInvoice({ invoiceDate: '={{ DateTime.fromISO("2027-02-03") }}', dueDate: '={{ DateTime.fromISO("2027-02-03").plus({ days: 30 }) }}' }));
		const details = lastCreateBody(f).invoiceDetails as Record<string, string>;
		expect([details.invoiceDate, details.dueDate]).toEqual(['03-02-2027', '05-03-2027']);
	});

	it('business recipient by e-mail with payment details, language, template and SMS options', async () => {
		await f.run(
			newInvoice({
				customerType: '1',
				recipientBusinessId: '559988-7766',
				recipientCompanyName: 'Bullerbyn AB',
				invoiceSendType: '1',
				recipientEmail: 'billing@bullerbyn.example',
				recipientAdditionalFields: { customerNumber: 'C-42', address1: 'Storgatan 1' },
				invoicerAdditionalFields: { email: 'ar@vimmerby.example', phoneNumber: '+46123456789' },
				invoiceType: '1',
				paymentDetails: { iban: 'SE45 5000 0000 0583 9825 7466', bankCode: 'eskdsess', bankgirot: '5050-1055', swish: '1231181189', reference: '1001' },
				smsDetails: { senderName: 'Vimmerby AB', freeText: 'Credit note', domain: 'pay.example' },
				options: { language: 'sv', templateConfId: 'tpl-7' },
			}),
		);
		const body = lastCreateBody(f);
		expect(body.recipientDetails).toEqual({
			customerType: '1',
			businessId: '559988-7766',
			companyName: 'Bullerbyn AB',
			address1: 'Storgatan 1',
			phoneNumber: '+46701234567',
			email: 'billing@bullerbyn.example',
			customerNumber: 'C-42',
		});
		expect(body.invoicerDetails).toEqual({ companyName: 'Vimmerby Trading AB', businessId: '556677-8899', email: 'ar@vimmerby.example', phoneNumber: '+46123456789' });
		expect(body.invoiceDetails).toMatchObject({
			invoiceType: '1',
			invoiceSendType: '1',
			iban: 'SE4550000000058398257466',
			bankCode: 'ESKDSESS',
			bankgirot: '5050-1055',
			swish: '1231181189',
			reference: '1001',
			language: 'sv',
		});
		expect(body.smsDetails).toEqual({ senderName: 'Vimmerby AB', freeText: 'Credit note', domain: 'pay.example' });
		expect(body.templateConfId).toBe('tpl-7');
	});

	it('postal delivery sends the address it asked for', async () => {
		await f.run(newInvoice({ invoiceSendType: '3', recipientAddress1: 'Kvarngatan 2', recipientZipCode: '59830', recipientPostOffice: 'Vimmerby' }));
		expect(lastCreateBody(f).recipientDetails).toMatchObject({ address1: 'Kvarngatan 2', zipCode: '59830', postOffice: 'Vimmerby' });
	});

	it('e-invoice delivery sends the e-invoicing address', async () => {
		await f.run(newInvoice({ invoiceSendType: '2', recipientEInvoicingAddress: '003712345678' }));
		expect(lastCreateBody(f).recipientDetails).toMatchObject({ eInvoicingAddress: '003712345678' });
	});

	it('sends the PDF of a binary property as base64 pdfBytes', async () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');
		await f.run(newInvoice({ options: { pdfBinaryProperty: 'invoicePdf' } }), {
			input: [{ $binary: { invoicePdf: { base64: pdf.toString('base64'), fileName: 'inv.pdf', mimeType: 'application/pdf' } } }],
		});
		expect((lastCreateBody(f).invoiceDetails as { pdfBytes?: string }).pdfBytes).toBe(pdf.toString('base64'));
	});

	it('refuses a binary property that is not a PDF, and sends nothing', async () => {
		const before = f.sandbox.requests.length;
		const { error } = await f.run(newInvoice({ options: { pdfBinaryProperty: 'data' } }), {
			input: [{ $binary: { data: { base64: Buffer.from('hello').toString('base64'), fileName: 'a.txt', mimeType: 'text/plain' } } }],
		});
		expect(error?.message).toMatch(/PDF Binary Property.*"data" is not a PDF/);
		expect(f.sandbox.requests.length).toBe(before);
	});

	it('a repeated custom invoice id (a re-run): refused by the API (409), confirmed by its status → alreadyDone, not created or sent again', async () => {
		await f.run(newInvoice({ customInvoiceId: 'DUP-1' }));
		const { json, error } = await f.run(newInvoice({ customInvoiceId: 'DUP-1' }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ customInvoiceId: 'DUP-1', status: { state: 'sent' }, alreadyDone: true });
		expect(f.sandbox.invoices.get('DUP-1')?.sendCount).toBe(1);
		const strict = await f.run(newInvoice({ customInvoiceId: 'DUP-1', ifAlreadyDone: 'fail' }));
		expect(strict.error?.message).toBe('Already created: nothing was sent');
	});
});

describe('Invoicing API: a create whose outcome is unknown is never sent twice', () => {
	const createRequestsFor = (id: string) =>
		f.sandbox.requests.filter((r) => r.path === '/api/invoice/create' && (r.body as { invoiceDetails?: { customInvoiceId?: string } })?.invoiceDetails?.customInvoiceId === id);

	it('connection dropped after the server committed: the status check finds it, no second create', async () => {
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/invoice/create' } });
		const creates = f.sandbox.stats.creates;
		const { json, error } = await f.run(newInvoice({ customInvoiceId: 'DROP-1' }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ customInvoiceId: 'DROP-1', recoveredAfterUnknownOutcome: true, status: { state: 'sent' } });
		expect(f.sandbox.stats.creates - creates).toBe(1);
		expect(f.sandbox.invoices.get('DROP-1')?.sendCount).toBe(1);
		expect(f.apiCalls().filter((c) => c.includes('DROP-1') || c === 'POST /invoice/create').slice(-2)).toEqual(['POST /invoice/create', 'GET /invoice/DROP-1/status']);
	});

	it('connection dropped with a generated id: the same id is checked and returned', async () => {
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/invoice/create' } });
		const { json } = await f.run(newInvoice());
		const id = String(json[0].customInvoiceId);
		expect(json[0].recoveredAfterUnknownOutcome).toBe(true);
		expect(f.sandbox.invoices.get(id)?.sendCount).toBe(1);
	});

	it('500 from a gateway (never reached the API): the status check finds nothing, again after the settle delay, and the create is sent again once', async () => {
		f.sandbox.faults.add({ kind: 'status500', match: { method: 'POST', path: '/api/invoice/create' } });
		const { json, error } = await f.run(newInvoice({ customInvoiceId: 'GW-500' }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ customInvoiceId: 'GW-500', statusCode: 201 });
		const calls = f.apiCalls();
		expect(calls.slice(-4)).toEqual(['POST /invoice/create', 'GET /invoice/GW-500/status', 'GET /invoice/GW-500/status', 'POST /invoice/create']);
		expect(f.sandbox.invoices.get('GW-500')?.sendCount).toBe(1);
	});

	it('a slow create committed while the client timed out: the check finds it instead of creating again', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: 1500, commitBeforeDelay: true, match: { method: 'POST', path: '/api/invoice/create' } });
		const { json } = await f.run(newInvoice({ customInvoiceId: 'SLOW-1', requestOptions: { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 1 } }));
		expect(json[0]).toMatchObject({ customInvoiceId: 'SLOW-1', recoveredAfterUnknownOutcome: true });
		expect(f.sandbox.invoices.get('SLOW-1')?.sendCount).toBe(1);
		expect(createRequestsFor('SLOW-1')).toHaveLength(1);
	});

	it('a create that lands only after its time-out: not there at once, found after the settle delay, not sent again', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: 1500, match: { method: 'POST', path: '/api/invoice/create' } });
		const duplicates = f.sandbox.stats.duplicates;
		const { json } = await f.run(newInvoice({ customInvoiceId: 'LATE-1', requestOptions: { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 1 } }));
		expect(json[0]).toMatchObject({ customInvoiceId: 'LATE-1', recoveredAfterUnknownOutcome: true });
		expect(f.sandbox.stats.duplicates - duplicates).toBe(0);
		expect(createRequestsFor('LATE-1')).toHaveLength(1);
		expect(f.sandbox.invoices.get('LATE-1')?.sendCount).toBe(1);
	});

	it('with Settle Delay 0 the same late create is sent again (same id): the late one is refused, one invoice', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: 1500, match: { method: 'POST', path: '/api/invoice/create' } });
		const duplicates = f.sandbox.stats.duplicates;
		const { json } = await f.run(newInvoice({ customInvoiceId: 'LATE-2', requestOptions: { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 1, settleSeconds: 0 } }));
		expect(json[0]).toMatchObject({ customInvoiceId: 'LATE-2', statusCode: 201 });
		await sleep(700); // the first request's handler runs 1.5 s after it arrived
		expect(f.sandbox.stats.duplicates - duplicates).toBe(1);
		expect(f.sandbox.invoices.get('LATE-2')?.sendCount).toBe(1);
	});

	it('when the status check fails too, the outcome stays unknown and nothing more is sent', async () => {
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/invoice/create' } });
		f.sandbox.faults.add({ kind: 'status503', times: 10, retryAfterSeconds: 0, match: { method: 'GET', path: '/api/invoice/:id/status' } });
		const creates = f.sandbox.stats.creates;
		const { error } = await f.run(newInvoice({ customInvoiceId: 'LOST-1' }));
		expect(error?.description).toMatch(/OUTCOME UNKNOWN/);
		expect(f.sandbox.stats.creates - creates).toBe(1);
		expect(f.apiCalls().filter((c) => c === 'POST /invoice/create').length).toBeGreaterThan(0);
		expect(createRequestsFor('LOST-1')).toHaveLength(1);
	});

	it('429 and 503 before the API saw the create are simply retried (nothing was applied)', async () => {
		f.sandbox.faults.add({ kind: 'status503', retryAfterSeconds: 0, match: { method: 'POST', path: '/api/invoice/create' } });
		const { json } = await f.run(newInvoice({ customInvoiceId: 'BUSY-1' }));
		expect(json[0]).toMatchObject({ customInvoiceId: 'BUSY-1', statusCode: 201 });
		expect(json[0].recoveredAfterUnknownOutcome).toBeUndefined();
		expect(f.sandbox.invoices.get('BUSY-1')?.sendCount).toBe(1);
	});
});
