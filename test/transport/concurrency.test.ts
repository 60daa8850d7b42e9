/** Auto concurrency (AIMD with a slow start): grows on fine answers, halves once per window on 429/503, honours Retry-After. */
import { AdaptiveConcurrency, FixedConcurrency, runLimited } from '@n8n-nodes-eu-finance/shared/transport/concurrency';

describe('AdaptiveConcurrency', () => {
	it('slow start: one more per fine answer up to the maximum', () => {
		const control = new AdaptiveConcurrency(4, 10);
		for (let i = 0; i < 3; i++) control.fine();
		expect(control.limit).toBe(7);
		for (let i = 0; i < 10; i++) control.fine();
		expect(control.limit).toBe(10);
	});

	it('slow start with a growth of 3 makes the window four times as large per round trip; after a 429 one more per window', () => {
		const control = new AdaptiveConcurrency(4, 100, 3);
		for (let i = 0; i < 4; i++) control.fine(); // the first round trip: 4 answers
		expect(control.limit).toBe(16);
		for (let i = 0; i < 16; i++) control.fine();
		expect(control.limit).toBe(64);
		for (let i = 0; i < 64; i++) control.fine();
		expect(control.limit).toBe(100); // never above the maximum
		control.busy();
		expect(control.limit).toBe(50);
		for (let i = 0; i < 50; i++) control.fine();
		expect(control.limit).toBe(51);
	});

	it('halves on a 429 once per window, then grows by one per window of fine answers', async () => {
		const control = new AdaptiveConcurrency(8, 20);
		control.busy();
		expect(control.limit).toBe(4);
		control.busy(); // refusals to requests sent before the cut count once
		expect(control.limit).toBe(4);
		for (let i = 0; i < 4; i++) control.fine();
		expect(control.limit).toBe(5);
		for (let i = 0; i < 5; i++) await control.acquire();
		control.busy();
		expect(control.limit).toBe(2);
		expect(new AdaptiveConcurrency(1, 5).limit).toBe(1);
	});

	it('starts nothing new before a Retry-After has passed', async () => {
		const control = new AdaptiveConcurrency(4, 4);
		control.busy(300);
		const started = Date.now();
		await control.acquire();
		expect(Date.now() - started).toBeGreaterThanOrEqual(250);
	});

	it('runLimited keeps at most the limit in flight, in order; a fixed limit never adapts', async () => {
		const fixed = new FixedConcurrency(3);
		fixed.busy();
		fixed.fine();
		let inFlight = 0;
		let most = 0;
		const order: number[] = [];
		await runLimited(12, fixed, async (index) => {
			order.push(index);
			most = Math.max(most, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 5));
			inFlight--;
		});
		expect(most).toBe(3);
		expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i));
	});
});
