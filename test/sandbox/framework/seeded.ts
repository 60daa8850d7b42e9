/**
 * Seeded randomness for everything a test rolls dice for: the same seed gives the same numbers, so a run can be
 * replayed (`FAULT_SEED=<n>`). mulberry32: small, fast and good enough to pick faults; not for secrets.
 */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The seed a sandbox uses when a test gives none: fixed, so no run falls back to Math.random. */
export const DEFAULT_SEED = 1;

/** Fisher–Yates with the given random source, in place. */
export function shuffle<T>(items: T[], random: () => number): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}
