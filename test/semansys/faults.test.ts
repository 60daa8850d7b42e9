/** Fault switches of the sandbox through the node, and the Custom API Call operation. */
import { INSTANCE, startSemansys, useSemansys, withInstance, type SemansysFixture } from './setup';

const fixture = useSemansys();
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

const digipoort = { resource: 'delivery', operation: 'digipoort', reportBinaryProperty: 'data', identifier: '12345678', messageType: 'Jaarrekening', nameOfStakeholder: 'KvK', typeOfSender: 'Accountant' };

describe('Semansys faults', () => {
	it('a busy API (503, Retry-After) is retried', async () => {
		f.sandbox.faults.add({ kind: 'status503', times: 2, retryAfterSeconds: 0, match: { path: '/api/status/hmrc' } });
		const delivered = await f.run({ resource: 'delivery', operation: 'hmrc', fileBinaryProperty: 'data', body: '{}', query: '{}' }, { input: withInstance() });
		f.sandbox.clearRequests();
		const { json, error } = await f.run({ resource: 'status', operation: 'hmrc', correlationId: delivered.json[0].correlationId as string });
		expect(error).toBeUndefined();
		expect(json[0].message).toBe('Submission accepted');
		expect(f.apiRequests().map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it('a delivery whose connection drops after Semansys handled it is not repeated: OUTCOME UNKNOWN', async () => {
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { path: '/api/delivery/digipoort' } });
		const before = f.sandbox.state.deliveries.size;
		const { error } = await f.run(digipoort, { input: withInstance() });
		expect(error?.description).toMatch(/OUTCOME UNKNOWN/);
		expect(f.apiCalls()).toEqual(['POST /delivery/digipoort']);
		expect(f.sandbox.state.deliveries.size).toBe(before + 1);
	});

	it('a rendering (changes nothing) is sent again after a dropped connection', async () => {
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { path: '/api/rendering/instance/consistent' } });
		const { items, error } = await f.run({ resource: 'rendering', operation: 'consistent', reportBinaryProperty: 'data' }, { input: withInstance() });
		expect(error).toBeUndefined();
		expect(items[0].binary!.pdf.mimeType).toBe('application/pdf');
		expect(f.apiCalls()).toEqual(['POST /rendering/instance/consistent', 'POST /rendering/instance/consistent']);
	});

	it('a gateway HTML page and cut-off JSON are errors that say what came back', async () => {
		f.sandbox.faults.add({ kind: 'htmlError', match: { path: '/api/delivery/digipoort' } });
		const html = await f.run(digipoort, { input: withInstance() });
		expect(html.error?.httpCode).toBe('502');
		expect(html.error?.message).toMatch(/502 Bad Gateway/);
		f.sandbox.faults.add({ kind: 'truncatedJson', match: { path: '/api/customer-corner/users' } });
		const cut = await f.run({ resource: 'customerCorner', operation: 'getUserDomains' });
		expect(cut.error?.message).toMatch(/not valid JSON/);
	});

	it('the token endpoint busy (503) is retried; the login then works', async () => {
		const fresh = await startSemansys();
		try {
			fresh.sandbox.faults.add({ kind: 'status503', times: 1, retryAfterSeconds: 0, match: { path: '/connect/token' } });
			const { error } = await fresh.run({ resource: 'customerCorner', operation: 'getUserDomains' });
			expect(error).toBeUndefined();
			expect(fresh.sandbox.requests.filter((r) => r.path === '/connect/token').map((r) => r.status)).toEqual([503, 200]);
		} finally {
			await fresh.sandbox.close();
		}
	});

	it('a slow answer beyond the timeout fails the item (one attempt allowed)', async () => {
		f.sandbox.faults.add({ kind: 'slow', delayMs: 2500, match: { path: '/api/customer-corner/users' } });
		const { error } = await f.run({ resource: 'customerCorner', operation: 'getUserDomains', requestOptions: { maxAttempts: 1, timeoutSeconds: 1 } });
		expect(error?.message).toMatch(/no answer after 1 attempts/);
		expect(f.apiCalls()).toEqual(['GET /customer-corner/users']);
	});
});

describe('Semansys Custom API Call', () => {
	it('GET with query: the credential\'s token and headers go along', async () => {
		const id = f.sandbox.control.storeFile('x.xbrl', INSTANCE);
		const { json, error } = await f.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: `/customer-corner/file/${id}`, query: '{"fileIds": "x"}' });
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ id, name: 'x.xbrl' });
		expect(f.lastRequest()!.query).toEqual({ fileIds: 'x' });
		expect(f.lastRequest()!.headers).toMatchObject({ 'x-api-version': '2', authorization: expect.stringMatching(/^Bearer /) });
	});

	it('POST with a JSON body; an empty answer is an empty item; a bad path is refused before sending', async () => {
		const { json, error } = await f.run({ resource: 'customApiCall', operation: 'call', method: 'POST', path: '/customer-corner/send', query: '{}', body: '{"email": "c@example.com"}' });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/customer-corner/send', body: { email: 'c@example.com' } });
		expect(json).toEqual([{}]);
		const bad = await f.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'customer-corner/users', query: '{}' });
		expect(bad.error?.message).toBe('Invalid input in item 0: "Path": must start with / (a path below the base URL)');
	});
});
