/** The sandbox itself over plain HTTP: what the node tests rely on, checked without the node in between. */
import { startInvoicingApiSandbox, type InvoicingApiSandbox } from '../sandbox/invoicing-api';

let sandbox: InvoicingApiSandbox;
beforeAll(async () => {
	sandbox = await startInvoicingApiSandbox({ tokenLifetimeSeconds: 60, seedPaidInvoices: 2 });
});
afterAll(async () => await sandbox.close());

const form = (fields: Record<string, string>) => ({
	method: 'POST',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields).toString(),
});
async function token(): Promise<string> {
	const answer = await fetch(sandbox.tokenUrl, form({ grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: sandbox.clientSecret }));
	return ((await answer.json()) as { access_token: string }).access_token;
}
async function api(method: string, path: string, body?: unknown, bearer?: string) {
	const answer = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${bearer ?? (await token())}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

describe('Invoicing API sandbox', () => {
	it('token endpoint: client credentials in a form body; OAuth2 errors otherwise', async () => {
		const ok = await fetch(sandbox.tokenUrl, form({ grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: sandbox.clientSecret, scope: 'x' }));
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 60, scope: 'x' });
		const wrongGrant = await fetch(sandbox.tokenUrl, form({ grant_type: 'password', client_id: sandbox.clientId, client_secret: sandbox.clientSecret }));
		expect([wrongGrant.status, ((await wrongGrant.json()) as { error: string }).error]).toEqual([400, 'unsupported_grant_type']);
		const wrongSecret = await fetch(sandbox.tokenUrl, form({ grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: 'nope' }));
		expect([wrongSecret.status, ((await wrongSecret.json()) as { error: string }).error]).toEqual([401, 'invalid_client']);
		const json = await fetch(sandbox.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect(json.status).toBe(400);
	});

	it('every API path needs a valid, unexpired bearer token', async () => {
		expect((await api('GET', '/invoice/seed-0001/status', undefined, 'made-up')).status).toBe(401);
		const bearer = sandbox.control.issueToken();
		expect((await api('GET', '/invoice/seed-0001/status', undefined, bearer)).status).toBe(200);
		sandbox.control.expireTokens();
		expect((await api('GET', '/invoice/seed-0001/status', undefined, bearer)).body).toEqual({ statusCode: 401, message: 'Unauthorized', error: 'Unauthorized' });
	});

	it('create: all violations at once as a NestJS 422 list; invalid JSON is 400', async () => {
		const { status, body } = await api('POST', '/invoice/create', {
			recipientDetails: { customerType: '2', phoneNumber: '0701' },
			invoicerDetails: { companyName: 'X' },
			invoiceDetails: { invoiceDate: '2026-12-01', dueDate: '31-02-2026', total: '10', currency: 'SEK', invoiceType: '0', invoiceSendType: '1', invoiceNumber: '1', invoiceRows: [] },
			smsDetails: { senderName: 'Far too long a name' },
		});
		expect(status).toBe(422);
		expect(body.error).toBe('Unprocessable Entity');
		expect(body.message).toEqual(
			expect.arrayContaining([
				'recipientDetails.customerType must be one of the following values: 0, 1',
				'recipientDetails.phoneNumber must be a phone number in the format +YYXXXXXXXXX',
				'invoicerDetails.businessId should not be empty',
				'invoiceDetails.invoiceDate must be a date in the format DD-MM-YYYY',
				'invoiceDetails.dueDate must be a date in the format DD-MM-YYYY',
				'invoiceDetails.total must be a number',
				'invoiceDetails.invoiceRows must contain at least 1 elements',
				'recipientDetails.email is required for this invoiceSendType',
				'smsDetails.freeText should not be empty',
				'smsDetails.senderName must be at most 11 characters of a-z, A-Z, 0-9 and space',
			]),
		);
		expect((await api('POST', '/invoice/create', '{"broken"')).status).toBe(400);
	});

	it('status: only the events that happened; unknown ids 400; unknown routes 404', async () => {
		const seeded = await api('GET', '/invoice/seed-0002/status');
		expect(Object.keys(seeded.body).sort()).toEqual(['deliveredAt', 'openedAt', 'paidAt']);
		expect((await api('GET', '/invoice/nope/status')).status).toBe(400);
		expect((await api('GET', '/invoices')).status).toBe(404);
	});

	it('controls refuse to move an invoice that was never sent', async () => {
		const created = await api('POST', '/invoice/create', {
			recipientDetails: { customerType: '1', businessId: '1', phoneNumber: '+46701234567' },
			invoicerDetails: { companyName: 'X', businessId: '2' },
			invoiceDetails: { customInvoiceId: 'CTRL-1', invoiceDate: '01-12-2026', dueDate: '31-12-2026', total: 1, currency: 'SEK', invoiceType: '0', invoiceSendType: '0', invoiceNumber: '1', invoiceRows: [{ productCode: 'P', description: 'D', quantity: 1, unitPrice: 1, price: 1 }] },
			smsDetails: { senderName: 'X', freeText: 'Y', createOnly: true },
		});
		expect(created.status).toBe(201);
		expect(() => sandbox.control.markPaid('CTRL-1')).toThrow('has not been sent');
		expect((await api('POST', '/invoice/CTRL-1/send')).status).toBe(200);
		expect(Object.keys(sandbox.control.markPaid('CTRL-1')).sort()).toEqual(['deliveredAt', 'openedAt', 'paidAt']);
	});
});
