/**
 * Custom API Call (packages/shared/customApiCall.ts) on each of the four nodes, through n8n-core against each
 * vendor's sandbox: the answer (TheNextInvoice's envelope unwrapped, or kept), a write the sandbox then holds, query
 * parameters, vendor errors naming status and path, paths refused before anything is sent, file answers, token
 * renewal, and retries decided by the method (GET after a 502, never POST or PATCH).
 */
import type { INodeParameters } from 'n8n-workflow';

import { semansysTokens } from '../../packages/n8n-nodes-semansys/nodes/Semansys/api';
import type { NodeRun } from '../helpers/n8n';
import { newOrganization, orgLocator, startFiskaly, type FiskalyFixture } from '../fiskaly/setup';
import { lastCreateBody, newInvoice, startInvoicing, type InvoicingFixture } from '../invoicing-api/setup';
import { binaryBytes, INSTANCE, startSemansys, withInstance, type SemansysFixture } from '../semansys/setup';
import { useTni } from '../thenextinvoice/setup';

const call = (parameters: INodeParameters): INodeParameters => ({ resource: 'customApiCall', operation: 'call', ...parameters });

/** A path refused by the schema: the error names the field and the item, and nothing at all went out. */
function expectRefusedBeforeSending(run: NodeRun, itemIndex: number, requestsSent: number) {
	expect(run.error?.message).toBe(`Invalid input in item ${itemIndex}: "Path": must start with / (a path below the base URL)`);
	expect(run.error?.context?.outcome).toBe('notApplied');
	expect(requestsSent).toBe(0);
}

describe('Custom API Call: fiskaly', () => {
	let f: FiskalyFixture;
	beforeAll(async () => {
		f = await startFiskaly();
	});
	afterAll(async () => await f.sandbox.close());
	beforeEach(() => {
		f.sandbox.faults.clear();
		f.sandbox.clearRequests();
	});
	const own = () => f.sandbox.ownOrganizationId;
	const orgsNamed = (name: string) => [...f.sandbox.state.organizations.values()].filter((o) => o.name === name);

	it('GET returns the organization as fiskaly sends it; query parameters arrive', async () => {
		const { json, error } = await f.run(call({ method: 'GET', path: `/organizations/${own()}` }));
		expect(error).toBeUndefined();
		expect(json).toEqual([expect.objectContaining({ _id: own(), name: 'Sandbox Main Organization' })]);
		const list = await f.run(call({ method: 'GET', path: '/organizations', query: '{"limit": 1, "order_by": "name"}' }));
		expect(list.error).toBeUndefined();
		expect(list.json[0]).toMatchObject({ _type: 'ORGANIZATION_LIST', data: [expect.objectContaining({ _id: expect.any(String) })] });
		expect((list.json[0].data as unknown[]).length).toBe(1);
		expect(f.sandbox.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v0/organizations', query: { limit: '1', order_by: 'name' } });
	});

	it('POST creates an organization the sandbox then holds', async () => {
		const body = { name: 'Custom Call GmbH', address_line1: 'Hauptstrasse 1', zip: '10115', town: 'Berlin', country_code: 'DEU' };
		const { json, error } = await f.run(call({ method: 'POST', path: '/organizations', body: JSON.stringify(body) }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ name: 'Custom Call GmbH', _id: expect.any(String) });
		expect(orgsNamed('Custom Call GmbH').map((o) => o._id)).toEqual([json[0]._id]);
		expect(f.sandbox.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v0/organizations', body });
	});

	it('a 404 is a NodeApiError naming status, method and path; a refusal of a write says it was not applied', async () => {
		const missing = await f.run(call({ method: 'GET', path: '/organizations/00000000-0000-4000-8000-000000000000' }));
		expect(missing.error?.name).toBe('NodeApiError');
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.message).toMatch(/^fiskaly: /);
		expect(missing.error?.description).toMatch(/^HTTP 404 · GET \/organizations\/00000000-0000-4000-8000-000000000000 · .*item 0/);
		const refused = await f.run(call({ method: 'POST', path: '/organizations', body: '{"name": "x"}' }));
		expect(refused.error?.httpCode).toBe('400');
		expect(refused.error?.description).toMatch(/HTTP 400 · POST \/organizations/);
		expect(refused.error?.context?.outcome).toBe('notApplied');
	});

	it('a path without a leading slash, in any item, is refused before anything is sent', async () => {
		f.sandbox.clearRequests();
		const run = await f.run(call({ method: 'GET', path: '={{ $json.path }}' }), { input: [{ path: '/organizations' }, { path: 'organizations' }] });
		expectRefusedBeforeSending(run, 1, f.sandbox.requests.length);
		const otherHost = await f.run(call({ method: 'GET', path: '//example.com/organizations' }));
		expect(otherHost.error?.message).toBe('Invalid input in item 0: "Path": must not start with // (that would leave the base URL)');
		const above = await f.run(call({ method: 'GET', path: '/../v1/organizations' }));
		expect(above.error?.message).toMatch(/^Invalid input in item 0: "Path": must not contain "\." or "\.\." segments/);
		expect(f.sandbox.requests).toHaveLength(0);
	});

	it('a revoked token is renewed: one 401, a new login, and the call goes through', async () => {
		await f.run(call({ method: 'GET', path: `/organizations/${own()}` }));
		f.sandbox.tokens.revokeAll();
		f.sandbox.clearRequests();
		const { json, error } = await f.run(call({ method: 'GET', path: `/organizations/${own()}` }));
		expect(error).toBeUndefined();
		expect(json[0]._id).toBe(own());
		// One refused call; the refresh token was revoked too, so the renewal falls back to a full login.
		expect(f.sandbox.requests.filter((r) => r.status === 401 && !r.path.endsWith('/auth')).map((r) => r.path)).toEqual([`/api/v0/organizations/${own()}`]);
		expect(f.sandbox.requests.filter((r) => r.path.endsWith('/auth') && r.status === 200)).toHaveLength(1);
		expect(f.apiCalls()).toEqual([`GET /api/v0/organizations/${own()}`, `GET /api/v0/organizations/${own()}`]);
	});

	it('GET is retried after a 502; POST and PATCH are not (their outcome is unknown)', async () => {
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'GET', path: /organizations\/[^/]+$/ } });
		const read = await f.run(call({ method: 'GET', path: `/organizations/${own()}` }));
		expect(read.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /api/v0/organizations/${own()}`, `GET /api/v0/organizations/${own()}`]);

		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'POST', path: /organizations$/ } });
		const create = await f.run(call({ method: 'POST', path: '/organizations', body: JSON.stringify(newOrganizationBody('Gateway Custom GmbH')) }));
		expect(create.error?.description).toMatch(/^HTTP 502 · POST \/organizations .*OUTCOME UNKNOWN/s);
		expect(create.error?.context?.outcome).toBe('unknown');
		expect(f.apiCalls()).toEqual(['POST /api/v0/organizations']);
		expect(orgsNamed('Gateway Custom GmbH')).toHaveLength(0);

		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'PATCH' } });
		const update = await f.run(call({ method: 'PATCH', path: `/organizations/${own()}`, body: '{"display_name": "Patched"}' }));
		expect(update.error?.httpCode).toBe('502');
		expect(f.apiCalls()).toEqual([`PATCH /api/v0/organizations/${own()}`]);
	});

	it('the organization created by the node and by the Custom API Call look the same', async () => {
		const byNode = await f.run(newOrganization('Twin A GmbH'));
		const byCall = await f.run(call({ method: 'GET', path: `/organizations/${byNode.json[0]._id as string}` }));
		expect(byCall.json[0]).toMatchObject({ _id: byNode.json[0]._id, name: 'Twin A GmbH' });
		const located = await f.run({ resource: 'organization', operation: 'get', organizationId: orgLocator(byNode.json[0]._id as string) });
		expect(byCall.json[0]).toEqual(located.json[0]);
	});
});

function newOrganizationBody(name: string) {
	return { name, address_line1: 'Hauptstrasse 1', zip: '10115', town: 'Berlin', country_code: 'DEU' };
}

describe('Custom API Call: TheNextInvoice', () => {
	const f = useTni();
	const newCustomer = (companyname: string) => ({ companyname, address: 'Dorpsstraat 1', postalcode: '1234 AB', city: 'Utrecht', country: 'NL', email: 'inkoop@example.nl', person: false });

	it('GET unwraps the envelope like every operation; Keep Envelope returns the whole answer', async () => {
		f.sandbox.control.createCustomer({ companyname: 'Envelope BV' });
		const { json, error } = await f.run(call({ method: 'GET', path: '/customer' }));
		expect(error).toBeUndefined();
		expect(json.length).toBeGreaterThan(0);
		expect(json).toContainEqual(expect.objectContaining({ companyname: 'Envelope BV', id: expect.any(String) }));
		expect(json.some((item) => 'success' in item)).toBe(false);
		const kept = await f.run(call({ method: 'GET', path: '/customer', keepEnvelope: true }));
		expect(kept.error).toBeUndefined();
		expect(kept.json).toHaveLength(1);
		expect(kept.json[0]).toMatchObject({ success: true, data: expect.arrayContaining([expect.objectContaining({ companyname: 'Envelope BV' })]) });
		expect((kept.json[0].data as unknown[]).length).toBe(json.length);
	});

	it('query parameters arrive and filter', async () => {
		f.sandbox.control.createCustomer({ companyname: 'Zoekterm Handel BV' });
		const { json, error } = await f.run(call({ method: 'GET', path: '/customer', query: '{"term": "Zoekterm"}' }));
		expect(error).toBeUndefined();
		expect(json.map((c) => c.companyname)).toEqual(['Zoekterm Handel BV']);
		expect(f.lastRequest()).toMatchObject({ method: 'GET', path: '/api/v1/customer', query: { term: 'Zoekterm' } });
	});

	it('POST creates a customer the sandbox then holds; a scalar answer becomes { value }', async () => {
		const { json, error } = await f.run(call({ method: 'POST', path: '/customer', body: JSON.stringify(newCustomer('Nieuw BV')) }));
		expect(error).toBeUndefined();
		expect(json).toEqual([{ id: expect.anything() }]);
		expect(f.sandbox.state.customers.get(Number(json[0].id))?.fields.companyname).toBe('Nieuw BV');
		const url = await f.run(call({ method: 'GET', path: `/invoice/${String(f.sandbox.control.createInvoice().id)}/payment-url` }));
		expect(url.error).toBeUndefined();
		expect(url.json).toEqual([{ value: expect.stringMatching(/^thenextinvoice\.com\/t\//) }]);
	});

	it('a 404 (an envelope error) is a NodeApiError naming status and path, with or without Keep Envelope', async () => {
		for (const keepEnvelope of [false, true]) {
			const { error } = await f.run(call({ method: 'GET', path: '/customer/999999', keepEnvelope }));
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe('TheNextInvoice: Customer does not exist [404]');
			expect(error?.description).toMatch(/^HTTP 404 · GET \/customer\/999999 · item 0/);
		}
	});

	it('a path without a leading slash is refused before anything is sent', async () => {
		const run = await f.run(call({ method: 'POST', path: 'customer', body: JSON.stringify(newCustomer('Nooit BV')) }));
		expectRefusedBeforeSending(run, 0, f.sandbox.requests.length);
	});

	it('File: the invoice PDF as binary data in the named field', async () => {
		const invoice = f.sandbox.control.createInvoice();
		const { items, error } = await f.run(call({ method: 'GET', path: `/invoice/${String(invoice.id)}/view`, response: 'file', binaryPropertyName: 'pdf' }));
		expect(error).toBeUndefined();
		const pdf = items[0].binary!.pdf;
		expect(pdf.mimeType).toBe('application/pdf');
		expect(pdf.fileName).toMatch(/\.pdf$/);
		expect(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(items[0].json).toMatchObject({ fileName: pdf.fileName, mimeType: 'application/pdf' });
	});

	it('works with the e-mail & password credential: JWT login, and a new login after the JWT expired', async () => {
		const login = { authentication: 'emailPassword' };
		const before = f.sandbox.stats.logins;
		const first = await f.run(call({ ...login, method: 'GET', path: '/customer' }));
		expect(first.error).toBeUndefined();
		expect(f.lastRequest()?.headers.authorization).toMatch(/^Bearer /);
		f.sandbox.control.expireJwts();
		const second = await f.run(call({ ...login, method: 'GET', path: '/customer' }));
		expect(second.error).toBeUndefined();
		expect(second.json).toEqual(first.json);
		expect(f.sandbox.stats.logins - before).toBe(2);
		expect(f.apiCalls().filter((c) => c === 'GET /customer')).toHaveLength(3); // the refused one, then the resend
	});

	it('GET and PUT are retried after a 502; POST is not', async () => {
		const customer = f.sandbox.control.createCustomer({ companyname: 'Retry BV' });
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'GET' } });
		const read = await f.run(call({ method: 'GET', path: `/customer/${String(customer.id)}` }));
		expect(read.error).toBeUndefined();
		expect(read.json[0]).toMatchObject({ companyname: 'Retry BV' });
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'PUT' } });
		const update = await f.run(call({ method: 'PUT', path: `/customer/${String(customer.id)}`, body: JSON.stringify(newCustomer('Retry Twee BV')) }));
		expect(update.error).toBeUndefined();
		expect(f.sandbox.state.customers.get(Number(customer.id))?.fields.companyname).toBe('Retry Twee BV');
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'POST' } });
		const create = await f.run(call({ method: 'POST', path: '/customer', body: JSON.stringify(newCustomer('Nooit Twee BV')) }));
		expect(create.error?.description).toMatch(/^HTTP 502 · POST \/customer .*OUTCOME UNKNOWN/s);
		expect(f.apiCalls()).toEqual([
			`GET /customer/${String(customer.id)}`,
			`GET /customer/${String(customer.id)}`,
			`PUT /customer/${String(customer.id)}`,
			`PUT /customer/${String(customer.id)}`,
			'POST /customer',
		]);
		expect([...f.sandbox.state.customers.values()].filter((c) => c.fields.companyname === 'Nooit Twee BV')).toHaveLength(0);
	});
});

describe('Custom API Call: Invoicing API', () => {
	let f: InvoicingFixture;
	beforeAll(async () => {
		f = await startInvoicing({ seedPaidInvoices: 1 });
	});
	afterAll(async () => await f.sandbox.close());
	beforeEach(() => {
		f.sandbox.faults.clear();
		f.sandbox.clearRequests();
	});
	const lastApiRequest = () => f.sandbox.requests.filter((r) => r.path.startsWith('/api/')).at(-1);

	it('GET returns the invoice status; query parameters arrive', async () => {
		const { json, error } = await f.run(call({ method: 'GET', path: '/invoice/seed-0001/status', query: '{"lang": "en", "ids": ["a", "b"]}' }));
		expect(error).toBeUndefined();
		expect(json[0]).toEqual({ deliveredAt: expect.any(String), openedAt: expect.any(String), paidAt: expect.any(String) });
		expect(lastApiRequest()).toMatchObject({ method: 'GET', path: '/api/invoice/seed-0001/status', query: expect.objectContaining({ lang: 'en' }) });
	});

	it('POST creates an invoice the sandbox then holds (the body the Create operation sends)', async () => {
		const created = await f.run(newInvoice({ customInvoiceId: 'TEMPLATE-1', smsDetails: { createOnly: true } }));
		expect(created.error).toBeUndefined();
		const createRequest = f.sandbox.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/')).at(-1)!;
		const body = lastCreateBody(f) as { invoiceDetails: Record<string, unknown> };
		body.invoiceDetails.customInvoiceId = 'CUSTOM-CALL-1';
		const { json, error } = await f.run(call({ method: 'POST', path: createRequest.path.replace(/^\/api/, ''), body: JSON.stringify(body) }));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ statusCode: 201, invoiceUrl: expect.any(String) });
		expect(f.sandbox.invoices.get('CUSTOM-CALL-1')?.body).toEqual(body);
	});

	it('a vendor error and a 404 are NodeApiErrors naming status and path', async () => {
		const unknown = await f.run(call({ method: 'GET', path: '/invoice/NOT-THERE/status' }));
		expect(unknown.error?.name).toBe('NodeApiError');
		expect(unknown.error?.message).toBe('Invoicing API: Invoice with customInvoiceId "NOT-THERE" not found [Bad Request]');
		expect(unknown.error?.description).toMatch(/^HTTP 400 · GET \/invoice\/NOT-THERE\/status · item 0/);
		const nowhere = await f.run(call({ method: 'GET', path: '/nowhere' }));
		expect(nowhere.error?.httpCode).toBe('404');
		expect(nowhere.error?.description).toMatch(/^HTTP 404 · GET \/nowhere/);
	});

	it('a path without a leading slash is refused before anything is sent', async () => {
		const run = await f.run(call({ method: 'GET', path: 'invoice/seed-0001/status' }));
		expectRefusedBeforeSending(run, 0, f.sandbox.requests.length);
	});

	it('a token the API stops accepting is renewed: one 401, a new login, the call goes through', async () => {
		await f.run(call({ method: 'GET', path: '/invoice/seed-0001/status' }));
		f.sandbox.control.expireTokens();
		const logins = f.sandbox.stats.logins;
		f.sandbox.clearRequests();
		const { json, error } = await f.run(call({ method: 'GET', path: '/invoice/seed-0001/status' }));
		expect(error).toBeUndefined();
		expect(json[0].paidAt).toEqual(expect.any(String));
		expect(f.sandbox.stats.logins - logins).toBe(1);
		expect(f.sandbox.requests.filter((r) => r.path.startsWith('/api/')).map((r) => r.status)).toEqual([401, 200]);
	});

	it('GET is retried after a 502; POST is not', async () => {
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'GET' } });
		const read = await f.run(call({ method: 'GET', path: '/invoice/seed-0001/status' }));
		expect(read.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /invoice/seed-0001/status', 'GET /invoice/seed-0001/status']);
		f.sandbox.clearRequests();
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'POST', path: /\/send$/ } });
		const send = await f.run(call({ method: 'POST', path: '/invoice/seed-0001/send' }));
		expect(send.error?.description).toMatch(/^HTTP 502 · POST \/invoice\/seed-0001\/send .*OUTCOME UNKNOWN/s);
		expect(f.apiCalls()).toEqual(['POST /invoice/seed-0001/send']);
	});
});

describe('Custom API Call: Semansys', () => {
	let f: SemansysFixture;
	beforeAll(async () => {
		f = await startSemansys();
	});
	afterAll(async () => await f.sandbox.close());
	beforeEach(() => {
		f.sandbox.faults.clear();
		f.sandbox.clearRequests();
	});

	it('GET returns the file records (one item per entry); query parameters arrive', async () => {
		const id = f.sandbox.control.storeFile('custom.xbrl', INSTANCE);
		const { json, error } = await f.run(call({ method: 'GET', path: `/customer-corner/file/${id}`, query: '{"isHashed": true}' }));
		expect(error).toBeUndefined();
		expect(json).toEqual([expect.objectContaining({ id, name: 'custom.xbrl' })]);
		expect(f.lastRequest()).toMatchObject({ method: 'GET', path: `/api/customer-corner/file/${id}`, query: { isHashed: 'true' } });
	});

	it('POST sends an invitation the sandbox then holds (an empty answer is an empty item)', async () => {
		const { json, error } = await f.run(call({ method: 'POST', path: '/customer-corner/send', body: '{"email": "custom@example.com", "role": "viewer"}' }));
		expect(error).toBeUndefined();
		expect(json).toEqual([{}]);
		expect(f.sandbox.state.invitations).toContainEqual(expect.objectContaining({ email: 'custom@example.com', role: 'viewer' }));
	});

	it('a 404 is a NodeApiError naming status and path', async () => {
		const { error } = await f.run(call({ method: 'GET', path: '/customer-corner/file/00000000-0000-4000-8000-000000000000' }));
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toMatch(/^HTTP 404 · GET \/customer-corner\/file\/00000000-0000-4000-8000-000000000000/);
	});

	it('a path without a leading slash is refused before anything is sent, even the token request', async () => {
		semansysTokens.clear();
		const run = await f.run(call({ method: 'GET', path: 'customer-corner/users' }));
		expectRefusedBeforeSending(run, 0, f.sandbox.requests.length);
	});

	it('File: the answer as binary data; the input item\'s files stay on the item like every Semansys operation', async () => {
		const id = f.sandbox.control.storeFile('report.xbrl', INSTANCE);
		const { items, error } = await f.run(call({ method: 'GET', path: `/customer-corner/file/${id}`, response: 'file', binaryPropertyName: 'answer' }), { input: withInstance() });
		expect(error).toBeUndefined();
		const answer = items[0].binary!.answer;
		expect(answer.mimeType).toBe('application/json');
		expect(answer.fileName).toBe(id);
		expect(JSON.parse(binaryBytes(answer).toString('utf8'))).toEqual([expect.objectContaining({ id, name: 'report.xbrl' })]);
		expect(binaryBytes(items[0].binary!.data).toString('utf8')).toBe(INSTANCE);
	});

	it('an access token the API refuses (401) is renewed once and the call resent', async () => {
		await f.run(call({ method: 'GET', path: '/customer-corner/users' }));
		f.sandbox.clearRequests();
		f.sandbox.control.expireAccessTokens();
		const { json, error } = await f.run(call({ method: 'GET', path: '/customer-corner/users' }));
		expect(error).toBeUndefined();
		expect(json).toHaveLength(2);
		expect(f.sandbox.requests.map((r) => `${r.status} ${r.path}`)).toEqual(['401 /api/customer-corner/users', '200 /connect/token', '200 /api/customer-corner/users']);
	});

	it('GET is retried after a 502; POST is not', async () => {
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'GET', path: /customer-corner\/users$/ } });
		const read = await f.run(call({ method: 'GET', path: '/customer-corner/users' }));
		expect(read.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /customer-corner/users', 'GET /customer-corner/users']);
		f.sandbox.clearRequests();
		const before = f.sandbox.state.invitations.length;
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'POST' } });
		const send = await f.run(call({ method: 'POST', path: '/customer-corner/send', body: '{"email": "never@example.com"}' }));
		expect(send.error?.description).toMatch(/^HTTP 502 · POST \/customer-corner\/send .*OUTCOME UNKNOWN/s);
		expect(f.apiCalls()).toEqual(['POST /customer-corner/send']);
		expect(f.sandbox.state.invitations).toHaveLength(before);
	});
});
