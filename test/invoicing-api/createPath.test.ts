/**
 * The two editions of the docs: Create goes to the credential's Create Path (`/invoice/create` by default, or
 * `/invoice`); a create that answers 404 tells the user to switch it; a create whose outcome is unknown is still
 * never sent twice, whichever path it uses.
 */
import { InvoicingApi as InvoicingApiCredential } from '../../packages/n8n-nodes-regtech-invoicing/credentials/InvoicingApi.credentials';
import { testCredential } from '../helpers/n8n';
import { lastCreateBody, newInvoice, startInvoicing, type InvoicingFixture } from './setup';

/** A sandbox serving the create path of one edition. */
const editions: Record<'createInvoice' | 'postInvoice', InvoicingFixture> = {} as never;
beforeAll(async () => {
	editions.createInvoice = await startInvoicing();
	editions.postInvoice = await startInvoicing({ createPath: '/invoice' });
});
afterAll(async () => {
	await editions.createInvoice.sandbox.close();
	await editions.postInvoice.sandbox.close();
});
beforeEach(() => Object.values(editions).forEach((f) => f.sandbox.faults.clear()));

const withPath = (f: InvoicingFixture, createPath: string) => ({ ...f.credentials, createPath });
const createsOf = (f: InvoicingFixture, path: string) => f.apiCalls().filter((c) => c === `POST ${path}`).length;

describe('Invoicing API: the credential chooses the create path', () => {
	it('the field offers the two documented paths, /invoice/create by default', () => {
		const field = new InvoicingApiCredential().properties.find((p) => p.name === 'createPath');
		expect(field).toMatchObject({ type: 'options', default: '/invoice/create' });
		expect(field?.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual(['/invoice/create', '/invoice']);
	});

	it('default (credential data without the field, as saved before it existed): POST /invoice/create', async () => {
		const f = editions.createInvoice;
		expect(f.credentials.createPath).toBeUndefined();
		const { json, error } = await f.run(newInvoice({ customInvoiceId: 'PATH-DEFAULT' }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ customInvoiceId: 'PATH-DEFAULT', statusCode: 201 });
		expect(f.apiCalls().at(-1)).toBe('POST /invoice/create');
		expect(f.sandbox.invoices.get('PATH-DEFAULT')?.sendCount).toBe(1);
	});

	it('"/invoice/create" chosen explicitly is the same', async () => {
		const f = editions.createInvoice;
		const { error } = await f.runWith(withPath(f, '/invoice/create'), newInvoice({ customInvoiceId: 'PATH-EXPLICIT' }));
		expect(error).toBeUndefined();
		expect(f.apiCalls().at(-1)).toBe('POST /invoice/create');
	});

	it('"/invoice" chosen: Create posts the same body to /invoice; Send and Get Status are unchanged', async () => {
		const f = editions.postInvoice;
		const credentials = withPath(f, '/invoice');
		const created = await f.runWith(credentials, newInvoice({ customInvoiceId: 'EDITION-B', createOnly: true, smsDetails: { senderName: 'Vimmerby', freeText: 'Hi' } }));
		expect(created.error).toBeUndefined();
		expect(created.json[0]).toMatchObject({ customInvoiceId: 'EDITION-B', statusCode: 201, message: 'Invoice created' });
		expect(f.apiCalls().at(-1)).toBe('POST /invoice');
		expect((lastCreateBody(f).invoiceDetails as { customInvoiceId?: string }).customInvoiceId).toBe('EDITION-B');

		const sent = await f.runWith(credentials, { resource: 'invoice', operation: 'send', customInvoiceId: 'EDITION-B' });
		expect(sent.json[0]).toMatchObject({ customInvoiceId: 'EDITION-B', statusCode: 200 });
		const status = await f.runWith(credentials, { resource: 'invoice', operation: 'getStatus', customInvoiceId: 'EDITION-B' });
		expect(status.json[0]).toMatchObject({ customInvoiceId: 'EDITION-B', state: 'sent' });
		expect(f.apiCalls().slice(-2)).toEqual(['POST /invoice/EDITION-B/send', 'GET /invoice/EDITION-B/status']);
		expect(f.sandbox.invoices.get('EDITION-B')?.sendCount).toBe(1);
	});

	it('a value that is neither path stops the run before anything is sent', async () => {
		const f = editions.createInvoice;
		const before = f.apiCalls().length;
		const { error } = await f.runWith(withPath(f, '/invoices/new'), newInvoice());
		expect(error?.message).toBe("The credential's Create Path must be /invoice/create or /invoice");
		expect(f.apiCalls().length).toBe(before);
	});
});

describe('Invoicing API: the wrong edition gives a clear 404', () => {
	it('default path against a provider serving POST /invoice: 404 names the other edition and the field to switch; sent once, not looked up', async () => {
		const f = editions.postInvoice;
		const calls = f.apiCalls().length;
		const { error } = await f.run(newInvoice({ customInvoiceId: 'WRONG-A' }));
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('Invoicing API: Cannot POST /api/invoice/create [Not Found]');
		expect(error?.description).toContain('HTTP 404 · POST /invoice/create · item 0');
		expect(error?.description).toContain('Outcome known: Invoicing API did not apply this POST');
		expect(error?.description).toContain("The API has no POST /invoice/create. The Invoicing API documentation exists in two editions");
		expect(error?.description).toContain("Set the credential's Create Path to /invoice and run it again (nothing was created)");
		expect(error?.context?.outcome).toBe('notApplied');
		// One create, no status lookup, no resend: a 404 is a refusal.
		expect(f.apiCalls().slice(calls)).toEqual(['POST /invoice/create']);
		expect(f.sandbox.invoices.has('WRONG-A')).toBe(false);
		// No credential value in the texts (the secret scan of runNode checks the secrets; the Base URL is not named either).
		expect(`${error?.message} ${error?.description}`).not.toContain(f.sandbox.url);
	});

	it('"/invoice" against a provider serving /invoice/create: the hint points back to /invoice/create', async () => {
		const f = editions.createInvoice;
		const { error } = await f.runWith(withPath(f, '/invoice'), newInvoice({ customInvoiceId: 'WRONG-B' }));
		expect(error?.message).toBe('Invoicing API: Cannot POST /api/invoice [Not Found]');
		expect(error?.description).toContain("The API has no POST /invoice. ");
		expect(error?.description).toContain("Set the credential's Create Path to /invoice/create");
	});

	it('with Continue On Fail the error item carries the same hint', async () => {
		const f = editions.postInvoice;
		const { json, error } = await f.run(newInvoice(), { continueOnFail: true, input: [{}, {}] });
		expect(error).toBeUndefined();
		expect(json).toHaveLength(2);
		for (const item of json) {
			expect(item).toMatchObject({ error: 'Invoicing API: Cannot POST /api/invoice/create [Not Found]', outcome: 'notApplied' });
			expect(String(item.errorDetails)).toMatch(/^HTTP 404 · POST \/invoice\/create · item \d\. .*Set the credential's Create Path to \/invoice and run it again/);
		}
	});

	it('a 404 of another operation gets no Create Path hint', async () => {
		const f = editions.postInvoice;
		const { error } = await f.runWith({ ...f.credentials, baseUrl: `${f.sandbox.url}/elsewhere` }, { resource: 'invoice', operation: 'getStatus', customInvoiceId: 'X-1' });
		expect(error?.message).toBe('Invoicing API: Cannot GET /elsewhere/invoice/X-1/status [Not Found]');
		expect(error?.description).not.toContain('Create Path');
	});

	it('the credential test passes for both editions (it does not check the create path, and creates nothing)', async () => {
		const credential = new InvoicingApiCredential();
		for (const f of Object.values(editions)) {
			const creates = f.sandbox.stats.creates;
			expect(await testCredential(credential, withPath(f, '/invoice'))).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(f.sandbox.stats.creates).toBe(creates);
		}
	});
});

describe('Invoicing API: POST /invoice is never sent twice either', () => {
	it('connection dropped after the server committed: the status check finds it, no second create', async () => {
		const f = editions.postInvoice;
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/invoice' } });
		const creates = f.sandbox.stats.creates;
		const { json, error } = await f.runWith(withPath(f, '/invoice'), newInvoice({ customInvoiceId: 'B-DROP' }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ customInvoiceId: 'B-DROP', recoveredAfterUnknownOutcome: true, status: { state: 'sent' } });
		expect(f.sandbox.stats.creates - creates).toBe(1);
		expect(createsOf(f, '/invoice')).toBeGreaterThan(0);
		expect(f.apiCalls().slice(-2)).toEqual(['POST /invoice', 'GET /invoice/B-DROP/status']);
		expect(f.sandbox.invoices.get('B-DROP')?.sendCount).toBe(1);
	});

	it('500 before the API saw it: the status check finds nothing, the same create is sent once more to /invoice', async () => {
		const f = editions.postInvoice;
		f.sandbox.faults.add({ kind: 'status500', match: { method: 'POST', path: '/api/invoice' } });
		const { json, error } = await f.runWith(withPath(f, '/invoice'), newInvoice({ customInvoiceId: 'B-500' }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ customInvoiceId: 'B-500', statusCode: 201 });
		expect(f.apiCalls().slice(-4)).toEqual(['POST /invoice', 'GET /invoice/B-500/status', 'GET /invoice/B-500/status', 'POST /invoice']);
		expect(f.sandbox.invoices.get('B-500')?.sendCount).toBe(1);
	});

	it('when the status check fails too, the outcome stays unknown (no Create Path hint) and nothing more is sent', async () => {
		const f = editions.postInvoice;
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/invoice' } });
		f.sandbox.faults.add({ kind: 'status503', times: 10, retryAfterSeconds: 0, match: { method: 'GET', path: '/api/invoice/:id/status' } });
		const creates = f.sandbox.stats.creates;
		const { error } = await f.runWith(withPath(f, '/invoice'), newInvoice({ customInvoiceId: 'B-LOST' }));
		expect(error?.description).toMatch(/OUTCOME UNKNOWN/);
		expect(error?.description).not.toContain('Create Path');
		expect(f.sandbox.stats.creates - creates).toBe(1);
		expect(f.sandbox.requests.filter((r) => r.path === '/api/invoice' && (r.body as { invoiceDetails?: { customInvoiceId?: string } })?.invoiceDetails?.customInvoiceId === 'B-LOST')).toHaveLength(1);
	});
});
