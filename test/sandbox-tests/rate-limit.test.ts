/**
 * The sandbox's rate-limit switch (`faults.rateLimit`): a token bucket of N requests per second, 429 with a
 * Retry-After beyond it, no state change for a refused request.
 */
import axios from 'axios';

import { json, startSandbox, TokenBucket, type RunningSandbox } from '../sandbox/framework';

describe('TokenBucket', () => {
	it('lets a burst through, refuses beyond it with the seconds until the next token, and refills at N per second', () => {
		let now = 0;
		const bucket = new TokenBucket({ perSecond: 4, burst: 2, now: () => now });
		expect([bucket.take(), bucket.take()]).toEqual([undefined, undefined]);
		expect(bucket.take()).toBe(1);
		now += 250; // one token back
		expect(bucket.take()).toBeUndefined();
		expect(bucket.take()).toBe(1);
		now += 10_000; // never more than the burst
		expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([undefined, undefined, 1]);
		expect(bucket.admitted).toBe(5);
		expect(bucket.refused).toBe(3);
	});

	it('defaults the burst to one second of requests', () => {
		const bucket = new TokenBucket({ perSecond: 10, now: () => 0 });
		expect(Array.from({ length: 11 }, () => bucket.take()).filter((r) => r === undefined)).toHaveLength(10);
	});
});

describe('sandbox rate limit', () => {
	let sandbox: RunningSandbox;
	const state = { created: 0 };
	beforeAll(async () => {
		sandbox = await startSandbox({ name: 'rate', routes: [{ method: 'POST', path: '/items', handler: () => json(201, { id: ++state.created }) }] });
	});
	afterAll(async () => await sandbox.close());

	it('answers 429 with Retry-After beyond N per second, before the handler runs; switched off, everything passes', async () => {
		let clock = 0; // a clock of its own, so a busy machine cannot refill the bucket between requests
		sandbox.faults.rateLimit({ perSecond: 5, now: () => clock });
		const client = axios.create({ baseURL: sandbox.url, validateStatus: () => true });
		const answers = await Promise.all(Array.from({ length: 8 }, () => client.post('/items', {})));
		const refused = answers.filter((a) => a.status === 429);
		expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
		expect(refused).toHaveLength(3);
		expect(refused.every((a) => a.headers['retry-after'] === '1')).toBe(true);
		expect(state.created).toBe(5);
		expect(sandbox.faults.bucket?.refused).toBe(3);
		clock += 450; // 2 tokens back at 5 per second
		expect((await client.post('/items', {})).status).toBe(201);
		expect((await client.post('/items', {})).status).toBe(201);
		expect((await client.post('/items', {})).status).toBe(429);
		sandbox.faults.rateLimit(undefined);
		const free = await Promise.all(Array.from({ length: 8 }, () => client.post('/items', {})));
		expect(free.every((a) => a.status === 201)).toBe(true);
	});
});
