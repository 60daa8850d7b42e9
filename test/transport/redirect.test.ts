/**
 * Redirects: a read follows them (n8n's default); a write never does, because a 301/302 turns a POST into a GET
 * without its body, which would look like a success while nothing was created. The write fails, says where it was
 * sent and that it was not applied, and the vendor receives nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode } from '../helpers/n8n';
import { idLocator, useTni } from '../thenextinvoice/setup';

const f = useTni();
let redirector: Server;
let redirectorUrl = '';
let redirectStatus = 301;

beforeAll(async () => {
	// Answers every request with a redirect to the same path on the sandbox (as an http → https move would).
	redirector = createServer((req, res) => {
		res.writeHead(redirectStatus, { Location: `${f.sandbox.url}${req.url ?? '/'}` });
		res.end();
	});
	await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
	redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise((resolve) => redirector.close(resolve)));

const viaRedirector = () => ({
	...f.node,
	credentials: { ...f.node.credentials, theNextInvoiceApi: { apiToken: f.sandbox.apiToken, baseUrl: `${redirectorUrl}/api/v1` } },
});
const newCustomer = { resource: 'customer', operation: 'create', companyname: 'Redirected B.V.', person: false, email: 'info@example.nl', address: 'Dorpsstraat 1', postalcode: '1234AB', city: 'Utrecht', country: 'nl' };

describe('redirects', () => {
	it('a read follows a redirect to the new address', async () => {
		const { json } = await f.run({ ...newCustomer, companyname: 'Read Me B.V.' });
		const id = String(json[0].id);
		f.sandbox.clearRequests();
		const { json: got, error } = await runNode(viaRedirector(), { resource: 'customer', operation: 'get', customerId: idLocator(id) });
		expect(error).toBeUndefined();
		expect(got[0].companyname).toBe('Read Me B.V.');
		expect(f.apiCalls()).toEqual([`GET /customer/${id}`]);
	});

	it.each([301, 302, 307])('a write answered with %i is not followed: it fails as not applied and nothing is created', async (status) => {
		redirectStatus = status;
		const before = f.sandbox.state.customers.size;
		const { error } = await runNode(viaRedirector(), newCustomer, { continueOnFail: false });
		expect(error?.message).toMatch(/redirects this write to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/customer; writes are not sent on/);
		expect(error?.description).toMatch(/Check the Base URL/);
		expect((error as { context?: { outcome?: string } }).context?.outcome).toBe('notApplied');
		expect(f.apiCalls()).toEqual([]);
		expect(f.sandbox.state.customers.size).toBe(before);
	});
});
