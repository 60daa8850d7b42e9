import { shuffle, seededRandom } from './seeded';
import type { FaultRule } from './types';

/** One kind of fault of a mix and the share of requests (0..1) it is dealt to. */
export type ScheduledFault = Omit<FaultRule, 'times' | 'probability' | 'match'> & { share: number };

export interface FaultScheduleOptions {
	mix: ScheduledFault[];
	/** Same seed, same schedule: which request numbers get a fault, and which kind. */
	seed: number;
	/** Requests per block; every block gets its exact share of faults. Default 10. */
	blockSize?: number;
	/**
	 * Something to do before every `requests`-th request (e.g. take the tokens away), counted as a fault of `kind`
	 * when `run` says it did something. Counted in requests, not milliseconds, so a replay does it at the same points.
	 */
	every?: { requests: number; kind: string; run: () => boolean };
}

/**
 * Deals a fault mix to requests at exact shares instead of rolling dice per request: requests are taken in blocks
 * (default 10), each block gets its share of the mix's total (27 % → 2 or 3 faults, 27 per 100 requests) at
 * positions drawn from the seed, and the kinds come from a shuffled deck that holds each kind at its own share.
 * So after N requests, faults = ⌊total × N⌋ give or take one block's worth, whatever the seed: a test that needs
 * "enough faults" gets them by construction. Shares must be multiples of 1/1000.
 */
export class FaultSchedule {
	readonly totalShare: number;
	readonly blockSize: number;
	private readonly random: () => number;
	private readonly kindDeck: ScheduledFault[] = [];
	private dealtKinds: ScheduledFault[] = [];
	private requestsSeen = 0;
	private faultPositions = new Set<number>();

	constructor(private readonly options: FaultScheduleOptions) {
		this.random = seededRandom(options.seed);
		this.blockSize = options.blockSize ?? 10;
		if (!(this.blockSize >= 1)) throw new RangeError(`blockSize must be >= 1, got ${this.blockSize}`);
		const denominator = deckSize(options.mix.map((fault) => fault.share));
		for (const fault of options.mix) for (let n = 0; n < Math.round(fault.share * denominator); n++) this.kindDeck.push(fault);
		this.totalShare = this.kindDeck.length / denominator;
		if (!(this.totalShare <= 1)) throw new RangeError(`the mix's shares add up to ${this.totalShare}, more than 1`);
	}

	/** Faults dealt (or due) after `requests` requests: the schedule's guarantee, for a test's assertion. */
	faultsAfter(requests: number): number {
		return Math.floor(this.totalShare * this.blockSize * Math.floor(requests / this.blockSize) + 1e-9);
	}

	/** The fault for the next request, if any; `counted(kind)` is told of an `every` action that did something. */
	next(counted: (kind: string) => void): FaultRule | undefined {
		const position = this.requestsSeen++;
		const every = this.options.every;
		if (every && position > 0 && position % every.requests === 0 && every.run()) counted(every.kind);
		const inBlock = position % this.blockSize;
		if (inBlock === 0) this.dealBlock(position / this.blockSize);
		if (!this.faultPositions.has(inBlock)) return undefined;
		if (this.dealtKinds.length === 0) this.dealtKinds = shuffle([...this.kindDeck], this.random);
		const { share: _share, ...rule } = this.dealtKinds.pop()!;
		return rule;
	}

	/** Chooses which positions of block `block` get a fault: the block's exact share, at seeded places. */
	private dealBlock(block: number): void {
		const due = (blocks: number) => Math.floor(this.totalShare * this.blockSize * blocks + 1e-9);
		const faults = due(block + 1) - due(block);
		const positions = shuffle(Array.from({ length: this.blockSize }, (_, i) => i), this.random);
		this.faultPositions = new Set(positions.slice(0, faults));
	}
}

/** The smallest number of cards that holds every share as a whole number of cards (shares in thousandths at most). */
function deckSize(shares: number[]): number {
	for (let size = 1; size <= 1000; size++) {
		if (shares.every((share) => Math.abs(share * size - Math.round(share * size)) < 1e-9)) return size;
	}
	throw new RangeError(`fault shares must be multiples of 1/1000: ${shares.join(', ')}`);
}
