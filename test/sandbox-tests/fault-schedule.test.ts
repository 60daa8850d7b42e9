/**
 * The seeded fault schedule the fault and queue suites run under: exact shares whatever the seed, the same
 * schedule for the same seed, and no dice left to chance (FaultController's own rolls are seeded too).
 */
import { FaultController, FaultSchedule, seededRandom, type ScheduledFault } from '../sandbox/framework';

const MIX: ScheduledFault[] = [
	{ kind: 'status429', share: 0.04, retryAfterSeconds: 1 },
	{ kind: 'status503', share: 0.04 },
	{ kind: 'dropBeforeHandling', share: 0.04 },
	{ kind: 'dropAfterHandling', share: 0.04 },
	{ kind: 'slow', share: 0.04, delayMs: 1300 },
	{ kind: 'status500', share: 0.03 },
	{ kind: 'status502', share: 0.02 },
	{ kind: 'status504', share: 0.02 },
];

/** The kinds a schedule deals to `requests` requests, in request order ('' for none). */
function deal(seed: number, requests: number, options: Partial<ConstructorParameters<typeof FaultSchedule>[0]> = {}): string[] {
	const schedule = new FaultSchedule({ mix: MIX, seed, ...options });
	return Array.from({ length: requests }, () => schedule.next(() => undefined)?.kind ?? '');
}

describe('FaultSchedule', () => {
	it('deals the same faults to the same request numbers for the same seed, other ones for another seed', () => {
		expect(deal(7, 500)).toEqual(deal(7, 500));
		expect(deal(7, 500)).not.toEqual(deal(8, 500));
	});

	it.each([1, 2, 3, 17, 4242])('gives every block of 10 its exact share, and every kind its share per 1,000 requests (seed %i)', (seed) => {
		const kinds = deal(seed, 1000);
		for (let block = 0; block < 100; block++) {
			const faults = kinds.slice(block * 10, block * 10 + 10).filter(Boolean).length;
			expect([2, 3]).toContain(faults);
		}
		const count = (kind: string) => kinds.filter((k) => k === kind).length;
		expect(kinds.filter(Boolean)).toHaveLength(270);
		for (const fault of MIX) expect(count(fault.kind)).toBe(Math.round(fault.share * 1000));
	});

	it('never falls below its guarantee at any request count, and the guarantee is over 20 % from 30 requests on', () => {
		const schedule = new FaultSchedule({ mix: MIX, seed: 99 });
		let faults = 0;
		for (let n = 1; n <= 2000; n++) {
			if (schedule.next(() => undefined)) faults++;
			expect(faults).toBeGreaterThanOrEqual(schedule.faultsAfter(n));
			if (n >= 30) expect(schedule.faultsAfter(n)).toBeGreaterThanOrEqual(n * 0.2);
		}
		expect(schedule.totalShare).toBeCloseTo(0.27, 10);
	});

	it('keeps the options of a kind (Retry-After, delay) on the rule it deals, without its share', () => {
		const schedule = new FaultSchedule({ mix: [{ kind: 'slow', share: 1, delayMs: 1300 }], seed: 1 });
		expect(schedule.next(() => undefined)).toEqual({ kind: 'slow', delayMs: 1300 });
	});

	it('runs `every` before every n-th request and counts it only when it did something', () => {
		const counted: string[] = [];
		let calls = 0;
		const schedule = new FaultSchedule({ mix: [], seed: 1, every: { requests: 4, kind: 'tokenRevoked', run: () => ++calls % 2 === 1 } });
		for (let n = 0; n < 13; n++) schedule.next((kind) => counted.push(kind));
		expect(calls).toBe(3); // before requests 5, 9 and 13
		expect(counted).toEqual(['tokenRevoked', 'tokenRevoked']);
	});

	it('refuses a mix that adds up to more than every request, or shares finer than 1/1000', () => {
		expect(() => new FaultSchedule({ mix: [{ kind: 'status500', share: 0.7 }, { kind: 'status502', share: 0.4 }], seed: 1 })).toThrow(/more than 1/);
		expect(() => new FaultSchedule({ mix: [{ kind: 'status500', share: 0.00012 }], seed: 1 })).toThrow(/1\/1000/);
	});
});

describe('FaultController with a schedule', () => {
	it('looks at rules first, deals the schedule to the other requests, and counts both', () => {
		const faults = new FaultController();
		faults.schedule({ mix: [{ kind: 'status503', share: 1 }], seed: 1 });
		faults.add({ kind: 'status500', times: 1, match: { method: 'POST' } });
		expect(faults.take('POST', '/x')?.kind).toBe('status500');
		expect(faults.take('POST', '/x')?.kind).toBe('status503');
		expect(faults.byKind).toEqual({ status500: 1, status503: 1 });
		faults.clear();
		expect(faults.take('GET', '/x')).toBeUndefined();
		faults.resetCounts();
		expect(faults.injectedCount).toBe(0);
	});

	it('rolls probabilities from a seeded source: two new controllers decide alike', () => {
		const decisions = () => {
			const faults = new FaultController();
			faults.add({ kind: 'status502', probability: 0.3, times: Infinity });
			return Array.from({ length: 200 }, () => faults.take('GET', '/x')?.kind ?? '');
		};
		expect(decisions()).toEqual(decisions());
		expect(seededRandom(5)()).toBe(seededRandom(5)());
	});
});
