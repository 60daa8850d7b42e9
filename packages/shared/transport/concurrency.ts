import { sleep } from 'n8n-workflow';

/**
 * What the retry loop tells a concurrency controller about each answer: `busy` on a 429 or 503 (the vendor refused
 * before acting, with its Retry-After when sent), `fine` on an answer that was not such a refusal. The retry loop
 * itself is unchanged by it: the same attempts, the same waits.
 */
export interface CongestionSignal {
	busy(retryAfterMs?: number): void;
	fine(): void;
}

/** Passes the same signal to several controllers (an item's list pages and the items around it). */
export function bothSignals(a: CongestionSignal | undefined, b: CongestionSignal | undefined): CongestionSignal | undefined {
	if (!a || !b) return a ?? b;
	return {
		busy: (retryAfterMs) => {
			a.busy(retryAfterMs);
			b.busy(retryAfterMs);
		},
		fine: () => {
			a.fine();
			b.fine();
		},
	};
}

/**
 * "Auto" concurrency, the congestion-control idea (AIMD with a slow start): start with `start` requests in flight;
 * until the vendor first pushes back, `growth` more per answer that came back fine (with the default 1 the window
 * doubles per round trip, with 15 it grows sixteenfold), then one more per window of `limit` fine answers; on a 429/503 halve
 * (at most once per window, so a burst of refusals to requests sent together counts once) and start nothing new
 * before its Retry-After has passed. Never below 1, never above `max`.
 */
export class AdaptiveConcurrency implements CongestionSignal {
	limit: number;
	/** Most requests that were in flight at once (for tests and the benchmark). */
	mostInFlight = 0;
	private inFlight = 0;
	private slowStart = true;
	private fineInWindow = 0;
	/** Slots handed out since the last cut: a refusal counts as a new cut only after a window of new requests. */
	private startedSinceCut = Number.MAX_SAFE_INTEGER;
	private pausedUntil = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(
		start: number,
		readonly max: number,
		private readonly growth = 1,
	) {
		this.limit = Math.max(1, Math.min(start, max));
	}

	fine(): void {
		if (this.limit >= this.max) return;
		if (this.slowStart) {
			this.limit = Math.min(this.max, this.limit + this.growth);
		} else if (++this.fineInWindow >= this.limit) {
			this.fineInWindow = 0;
			this.limit++;
		}
		this.wake();
	}

	busy(retryAfterMs?: number): void {
		this.slowStart = false;
		if (retryAfterMs !== undefined && retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
		if (this.startedSinceCut < this.limit) return;
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.fineInWindow = 0;
		this.startedSinceCut = 0;
	}

	/** Waits for a slot (fewer than `limit` in flight and no Retry-After pending); hand it back with `release`. */
	async acquire(): Promise<void> {
		for (;;) {
			const pause = this.pausedUntil - Date.now();
			if (pause > 0) {
				await sleep(pause);
				continue;
			}
			if (this.inFlight < this.limit) break;
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		this.inFlight++;
		this.startedSinceCut++;
		if (this.inFlight > this.mostInFlight) this.mostInFlight = this.inFlight;
	}

	release(): void {
		this.inFlight--;
		this.wake();
	}

	private wake(): void {
		let free = this.limit - this.inFlight;
		while (free-- > 0 && this.waiting.length) this.waiting.shift()!();
	}
}

/** A fixed number of slots: the same interface as Auto, without adapting. */
export class FixedConcurrency extends AdaptiveConcurrency {
	constructor(limit: number) {
		super(limit, limit);
	}

	override fine(): void {}

	override busy(): void {}
}

/**
 * Runs `task(0 … count-1)` with at most `control.limit` at a time, starting them in order, until `count`, until
 * `shouldStop(nextIndex)` says no more may start, or until a task fails (tasks already started finish; the first failure is
 * then thrown). Returns how many were started.
 */
export async function runLimited(
	count: number,
	control: AdaptiveConcurrency,
	task: (index: number) => Promise<void>,
	shouldStop: (nextIndex: number) => boolean = () => false,
): Promise<number> {
	const running = new Set<Promise<void>>();
	let failure: { error: unknown } | undefined;
	const stop = () => failure !== undefined || shouldStop(started);
	let started = 0;
	while (started < count && !stop()) {
		await control.acquire();
		if (stop()) {
			control.release();
			break;
		}
		const index = started++;
		const run: Promise<void> = task(index)
			.catch((error: unknown) => {
				failure ??= { error };
			})
			.finally(() => {
				control.release();
				running.delete(run);
			});
		running.add(run);
	}
	await Promise.all([...running]);
	if (failure) throw failure.error;
	return started;
}
