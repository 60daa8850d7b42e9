import { getHeapStatistics } from 'node:v8';

export interface Measured<T> {
	result: T;
	ms: number;
	/** alternate(): the time of each round, in round order (round i of every contender ran back to back). */
	rounds?: number[];
	/** Peak heap above the heap at the start, MB. */
	peakHeapMb: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** Wall time and peak heap of one run (heap sampled every 5 ms; a full GC first when node runs with --expose-gc). */
export async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
	collectGarbage?.();
	const baseline = getHeapStatistics().used_heap_size;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, getHeapStatistics().used_heap_size);
	}, 5);
	const started = process.hrtime.bigint();
	try {
		const result = await run();
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		peak = Math.max(peak, getHeapStatistics().used_heap_size);
		return { result, ms, peakHeapMb: (peak - baseline) / 2 ** 20 };
	} finally {
		clearInterval(sampler);
	}
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs each contender once to warm up (JIT, connections; not counted), then `rounds` times in alternating order
 * (A B, B A, …) so a noisy neighbour and warm-up effects hit both alike; keeps the median time and the largest
 * peak heap of each.
 */
export async function alternate<T>(rounds: number, contenders: Record<string, () => Promise<T>>): Promise<Record<string, Measured<T>>> {
	const names = Object.keys(contenders);
	for (const name of names) await contenders[name]();
	const runs: Record<string, Measured<T>[]> = Object.fromEntries(names.map((name) => [name, []]));
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 ? [...names].reverse() : names;
		for (const name of order) runs[name].push(await measure(contenders[name]));
	}
	return Object.fromEntries(
		names.map((name) => [
			name,
			{
				result: runs[name].at(-1)!.result,
				ms: median(runs[name].map((m) => m.ms)),
				rounds: runs[name].map((m) => m.ms),
				peakHeapMb: Math.max(...runs[name].map((m) => m.peakHeapMb)),
			},
		]),
	);
}

/**
 * The median of the per-round ratios a ÷ b of two contenders of one alternate() run: each ratio compares runs made
 * back to back, so a load that comes and goes on the machine weighs on both sides of it alike.
 */
export function pairedRatio(a: Measured<unknown>, b: Measured<unknown>): number {
	const ratios = (a.rounds ?? [a.ms]).map((ms, i) => ms / (b.rounds ?? [b.ms])[i]);
	return median(ratios);
}
