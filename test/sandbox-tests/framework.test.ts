import axios from 'axios';
import { Agent, request as rawRequest } from 'node:http';
import {
	json,
	newUuid,
	SandboxHttpError,
	startSandbox,
	type FaultKind,
	type RunningSandbox,
	type SandboxRoute,
	type StartSandboxOptions,
} from '../sandbox/framework';
import { expectTransportError, httpClient, sleep, UUID_PATTERN } from './helpers';

/** A tiny vendor: POST /items changes state, so tests can tell whether a handler ran. */
function counterRoutes(state: { created: number }): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: '/items',
			handler: () => {
				state.created += 1;
				return json(201, { id: state.created, note: 'a reasonably long body so truncation is visible' });
			},
		},
		{ method: 'GET', path: '/items/:item_id/parts/:part', handler: (req) => json(200, { params: req.params }) },
		{
			method: 'POST',
			path: '/echo',
			handler: (req) => json(200, { body: Buffer.isBuffer(req.body) ? 'buffer' : req.body, raw: req.rawBody.toString('utf8'), query: req.query }),
		},
		{ method: 'GET', path: '/text', handler: () => ({ status: 200, body: 'plain', headers: { 'content-type': 'text/csv' } }) },
		{
			method: 'GET',
			path: '/teapot',
			handler: () => {
				throw new SandboxHttpError(418, 'E_TEAPOT', 'short and stout');
			},
		},
		{
			method: 'GET',
			path: '/boom',
			handler: () => {
				throw new Error('kaputt');
			},
		},
	];
}

describe('sandbox framework', () => {
	let sandbox: RunningSandbox;
	let state: { created: number };
	const api = () => httpClient(sandbox.url);

	async function start(extra: Partial<StartSandboxOptions> = {}) {
		state = { created: 0 };
		sandbox = await startSandbox({
			name: 'counter',
			routes: counterRoutes(state),
			decorateResponse: (res) => {
				res.headers = { ...res.headers, 'X-Request-ID': newUuid() };
			},
			...extra,
		});
	}

	beforeEach(() => start());
	afterEach(() => sandbox.close());

	describe('routing, parsing and recording', () => {
		it('listens on 127.0.0.1 with a random port', () => {
			expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
			expect(sandbox.port).toBeGreaterThan(0);
			expect(sandbox.name).toBe('counter');
		});

		it('decodes path params and records every request with headers as sent', async () => {
			const response = await api().get('/items/a%20b/parts/%C3%A4?x=1&y=two', { headers: { Authorization: 'Bearer abc' } });
			expect(response.data).toEqual({ params: { item_id: 'a b', part: 'ä' } });
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0]).toMatchObject({
				id: 1,
				method: 'GET',
				path: '/items/a%20b/parts/%C3%A4',
				query: { x: '1', y: 'two' },
				status: 200,
				rawBody: '',
			});
			expect(sandbox.requests[0].headers.authorization).toBe('Bearer abc');
			expect(sandbox.requests[0].fault).toBeUndefined();
			expect(sandbox.requests[0].at).toBeLessThanOrEqual(Date.now());
		});

		it('parses JSON and form bodies, passes other bodies as Buffer and leaves invalid JSON to the route', async () => {
			const asJson = await api().post('/echo', { a: 1 });
			expect(asJson.data.body).toEqual({ a: 1 });

			const asForm = await api().post('/echo', 'a=1&b=x%20y', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
			expect(asForm.data.body).toEqual({ a: '1', b: 'x y' });

			const asBinary = await api().post('/echo', Buffer.from('raw bytes'), { headers: { 'Content-Type': 'application/octet-stream' } });
			expect(asBinary.data).toMatchObject({ body: 'buffer', raw: 'raw bytes' });

			// transformRequest: axios would otherwise JSON-encode the broken string into a valid JSON string
			const invalid = await api().post('/echo', '{"a":', {
				headers: { 'Content-Type': 'application/json' },
				transformRequest: [(data: string) => data],
			});
			expect(invalid.data.body).toBeUndefined();
			expect(invalid.data.raw).toBe('{"a":');
			expect(sandbox.requests[3]).toMatchObject({ body: undefined, rawBody: '{"a":' });
		});

		it('sends strings as they are and keeps handler content types', async () => {
			const response = await api().get('/text', { responseType: 'text' });
			expect(response.headers['content-type']).toBe('text/csv');
			expect(response.data).toBe('plain');
		});

		it('answers unknown routes, thrown SandboxHttpErrors and crashes with errorBody', async () => {
			await sandbox.close();
			await start({ errorBody: (e) => ({ problem: e }) });
			expect((await api().get('/nope')).status).toBe(404);
			expect((await api().get('/nope')).data.problem).toMatchObject({ status: 404, code: 'E_NOT_FOUND' });
			expect((await api().delete('/items')).status).toBe(404); // known path, unknown method
			expect((await api().get('/teapot')).data).toEqual({ problem: { status: 418, code: 'E_TEAPOT', message: 'short and stout' } });
			const crash = await api().get('/boom');
			expect(crash.status).toBe(500);
			expect(crash.data.problem.message).toContain('kaputt');
		});

		it('lets onRequest short-circuit the handler and notFound override the 404', async () => {
			await sandbox.close();
			await start({
				onRequest: (req) => (req.headers['x-key'] === 'ok' ? undefined : json(401, { denied: req.path })),
				notFound: (req) => json(404, { missing: req.path }),
			});
			expect((await api().post('/items')).data).toEqual({ denied: '/items' });
			expect(state.created).toBe(0);
			expect((await api().post('/items', {}, { headers: { 'X-Key': 'ok' } })).status).toBe(201);
			expect((await api().get('/x', { headers: { 'X-Key': 'ok' } })).data).toEqual({ missing: '/x' });
		});

		it('clears recorded requests in place', async () => {
			const recorded = sandbox.requests;
			await api().post('/items');
			sandbox.clearRequests();
			expect(recorded).toHaveLength(0);
			await api().post('/items');
			expect(recorded[0].id).toBe(2);
		});
	});

	describe('faults', () => {
		it.each([
			['status429', 429],
			['status503', 503],
		] as const)('%s answers %i with Retry-After without running the handler', async (kind, status) => {
			sandbox.faults.add({ kind, retryAfterSeconds: kind === 'status429' ? 7 : undefined });
			const response = await create();
			expect(response.status).toBe(status);
			expect(response.headers['retry-after']).toBe(kind === 'status429' ? '7' : '1');
			expect(response.headers['content-type']).toContain('application/json');
			expect(response.data).toMatchObject({ status, code: expect.stringMatching(/^E_/) });
			expect(response.headers['x-request-id']).toMatch(UUID_PATTERN);
			expect(state.created).toBe(0);
			expect(sandbox.requests[0]).toMatchObject({ status, fault: kind });
		});

		it.each([
			['status500', 500],
			['status502', 502],
			['status504', 504],
		] as const)('%s answers %i without running the handler', async (kind, status) => {
			sandbox.faults.add({ kind });
			const response = await create();
			expect(response.status).toBe(status);
			expect(response.data).toMatchObject({ status });
			expect(state.created).toBe(0);
		});

		it('htmlError answers a 502 HTML page without running the handler', async () => {
			sandbox.faults.add({ kind: 'htmlError' });
			const response = await create();
			expect(response.status).toBe(502);
			expect(response.headers['content-type']).toContain('text/html');
			expect(response.data).toContain('<html>');
			expect(state.created).toBe(0);
		});

		it('dropBeforeHandling resets the connection and changes nothing', async () => {
			sandbox.faults.add({ kind: 'dropBeforeHandling' });
			const error = await expectTransportError(create());
			expect(error.code).toBe('ECONNRESET');
			expect(state.created).toBe(0);
			expect(sandbox.requests[0]).toMatchObject({ status: 0, fault: 'dropBeforeHandling' });
			expect((await create()).status).toBe(201); // the next request is fine again
		});

		it('dropAfterHandling commits the change but the client gets no answer', async () => {
			sandbox.faults.add({ kind: 'dropAfterHandling' });
			const error = await expectTransportError(create());
			expect(error.code).toBe('ECONNRESET');
			expect(state.created).toBe(1);
			expect(sandbox.requests[0]).toMatchObject({ status: 0, fault: 'dropAfterHandling' });
		});

		it('truncatedJson, emptyBody and wrongContentType run the handler and break the 200 answer', async () => {
			const raw = { responseType: 'text' as const, transformResponse: (data: string) => data };
			sandbox.faults.add({ kind: 'truncatedJson' });
			const truncated = await api().post('/items', {}, raw);
			expect(truncated.status).toBe(200);
			expect(truncated.headers['content-type']).toBe('application/json');
			expect(truncated.data.length).toBeGreaterThan(0);
			expect(() => JSON.parse(truncated.data)).toThrow();
			expect(JSON.stringify({ id: 1, note: 'a reasonably long body so truncation is visible' })).toContain(truncated.data);

			sandbox.faults.add({ kind: 'emptyBody' });
			const empty = await api().post('/items', {}, raw);
			expect({ status: empty.status, type: empty.headers['content-type'], data: empty.data }).toEqual({
				status: 200,
				type: 'application/json',
				data: '',
			});

			sandbox.faults.add({ kind: 'wrongContentType' });
			const wrongType = await api().post('/items', {}, raw);
			expect({ status: wrongType.status, type: wrongType.headers['content-type'], data: wrongType.data }).toEqual({
				status: 200,
				type: 'text/plain',
				data: 'OK',
			});
			expect(wrongType.headers['x-request-id']).toMatch(UUID_PATTERN);
			expect(state.created).toBe(3);
		});

		it('slow delays the answer and runs the handler after the delay', async () => {
			sandbox.faults.add({ kind: 'slow', delayMs: 300 });
			const startedAt = Date.now();
			const pending = create();
			await sleep(100);
			expect(state.created).toBe(0);
			const response = await pending;
			expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
			expect(response.status).toBe(201);
			expect(state.created).toBe(1);
		});

		it('slow still commits when the client has given up (timeout)', async () => {
			sandbox.faults.add({ kind: 'slow', delayMs: 300 });
			const error = await expectTransportError(api().post('/items', {}, { timeout: 100 }));
			expect(error.code).toBe('ECONNABORTED');
			expect(state.created).toBe(0);
			await sleep(350);
			expect(state.created).toBe(1);
			expect(sandbox.requests[0]).toMatchObject({ status: 201, fault: 'slow' });
		});

		it('slow with commitBeforeDelay commits while the client is still waiting', async () => {
			sandbox.faults.add({ kind: 'slow', delayMs: 300, commitBeforeDelay: true });
			await expectTransportError(api().post('/items', {}, { timeout: 100 }));
			expect(state.created).toBe(1);
		});

		it('uses a rule up `times` times, then answers normally, and counts injections', async () => {
			sandbox.faults.add({ kind: 'status500', times: 2 });
			const statuses = [];
			for (let i = 0; i < 3; i++) statuses.push((await create()).status);
			expect(statuses).toEqual([500, 500, 201]);
			expect(sandbox.faults.injectedCount).toBe(2);
			expect(sandbox.faults.byKind).toEqual({ status500: 2 });
			expect(sandbox.faults.activeRules).toBe(0);
		});

		it('keeps an Infinity rule until clear()', async () => {
			sandbox.faults.add({ kind: 'status503', times: Infinity });
			for (let i = 0; i < 5; i++) expect((await create()).status).toBe(503);
			sandbox.faults.clear();
			expect((await create()).status).toBe(201);
			expect(sandbox.faults.injectedCount).toBe(5);
		});

		it('applies the first matching rule only, filtered by method and path (exact, pattern, RegExp)', async () => {
			sandbox.faults.add({ kind: 'status500', match: { method: 'get', path: '/items' } });
			sandbox.faults.add({ kind: 'status502', match: { path: '/items/:id/parts/:part' } });
			sandbox.faults.add({ kind: 'status504', match: { method: 'POST', path: /^\/it/ } });
			sandbox.faults.add({ kind: 'status429', match: { method: 'POST' } });

			expect((await api().get('/items/1/parts/2')).status).toBe(502);
			expect((await create()).status).toBe(504);
			expect((await create()).status).toBe(429);
			expect((await create()).status).toBe(201);
			expect(sandbox.faults.activeRules).toBe(1); // GET /items never requested
		});

		it('rolls the probability per request', async () => {
			await sandbox.close();
			const rolls = [0.9, 0.1, 0.6];
			await start({ random: () => rolls.shift() ?? 0 });
			sandbox.faults.add({ kind: 'status500', times: Infinity, probability: 0.5 });
			const statuses = [];
			for (let i = 0; i < 3; i++) statuses.push((await create()).status);
			expect(statuses).toEqual([201, 500, 201]);
		});

		it('never fires with probability 0 and rejects invalid rules', async () => {
			sandbox.faults.add({ kind: 'status500', probability: 0, times: Infinity });
			expect((await create()).status).toBe(201);
			expect(() => sandbox.faults.add({ kind: 'slow', probability: 2 })).toThrow(RangeError);
			expect(() => sandbox.faults.add({ kind: 'slow', times: -1 })).toThrow(RangeError);
		});

		it.each<FaultKind>(['status429', 'dropBeforeHandling', 'slow', 'emptyBody'])('records %s in requests', async (kind) => {
			sandbox.faults.add({ kind, delayMs: 10 });
			await create().catch(() => undefined);
			expect(sandbox.requests.map((r) => r.fault)).toEqual([kind]);
		});
	});

	describe('closing', () => {
		it('destroys keep-alive connections so close() resolves at once', async () => {
			const agentClient = axios.create({ baseURL: sandbox.url, httpAgent: new Agent({ keepAlive: true }) });
			await agentClient.post('/items');
			const startedAt = Date.now();
			await sandbox.close();
			expect(Date.now() - startedAt).toBeLessThan(500);
			// refused, or reset if the agent still tries the pooled socket
			await expect(agentClient.post('/items')).rejects.toMatchObject({ code: expect.stringMatching(/^ECONN(REFUSED|RESET)$/) });
		});

		it('does not wait for slow faults and is idempotent', async () => {
			sandbox.faults.add({ kind: 'slow', delayMs: 10_000 });
			const pending = create().catch((error: unknown) => error);
			await sleep(50);
			const startedAt = Date.now();
			await Promise.all([sandbox.close(), sandbox.close()]);
			expect(Date.now() - startedAt).toBeLessThan(500);
			expect(await pending).toMatchObject({ code: 'ECONNRESET' });
			expect(state.created).toBe(0); // the handler of a cancelled slow answer never runs
		});

		it('closes a connection that is still uploading', async () => {
			const req = rawRequest(`${sandbox.url}/echo`, { method: 'POST', headers: { 'Content-Length': '100' } });
			const failed = new Promise((resolve) => req.on('error', resolve));
			req.write('{"partial":');
			await sleep(50);
			await sandbox.close();
			expect(await failed).toMatchObject({ code: 'ECONNRESET' });
		});
	});

	function create() {
		return api().post('/items', { name: 'x' });
	}
});
