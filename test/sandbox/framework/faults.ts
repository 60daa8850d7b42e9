import { TokenBucket, type RateLimitOptions } from './rateLimit';
import { compilePath, type PathMatcher } from './routing';
import { FaultSchedule, type FaultScheduleOptions } from './schedule';
import { DEFAULT_SEED, seededRandom } from './seeded';
import type { FaultRule } from './types';

interface ActiveRule {
	rule: FaultRule;
	remaining: number;
	probability: number;
	method?: string;
	matchesPath: (path: string) => boolean;
}

/**
 * Fault rules of one sandbox. The first active rule that matches a request and passes its probability
 * roll fires (once per request) and is used up by one. A fault schedule (`schedule()`), when set, deals the faults
 * of a mix at exact shares to the requests no rule took. Every roll comes from a seeded source, never Math.random.
 */
export class FaultController {
	/** Requests that got a fault so far. */
	injectedCount = 0;
	/** Injected faults per kind. */
	byKind: Record<string, number> = {};

	private rules: ActiveRule[] = [];
	private scheduled: FaultSchedule | undefined;
	/** The vendor's rate limit, when switched on (see `rateLimit`). */
	bucket: TokenBucket | undefined;

	constructor(private readonly random: () => number = seededRandom(DEFAULT_SEED)) {}

	/**
	 * Deals a fault mix at exact shares (see FaultSchedule) from `options.seed`, or switches it off (undefined).
	 * Replaces the schedule before it; `clear()` switches it off too. Rules added with `add()` are looked at first.
	 */
	schedule(options: FaultScheduleOptions | undefined): FaultSchedule | undefined {
		this.scheduled = options ? new FaultSchedule(options) : undefined;
		return this.scheduled;
	}

	/** Forgets what was injected so far (a sandbox that serves several runs counts each on its own). */
	resetCounts(): void {
		this.injectedCount = 0;
		this.byKind = {};
	}

	/**
	 * Switches a rate limit on (a token bucket: `perSecond`, `burst` tokens at most) or off (undefined): a request
	 * beyond it gets 429 with Retry-After before any fault rule is looked at. `clear()` leaves it as it is.
	 */
	rateLimit(options: RateLimitOptions | undefined): void {
		this.bucket = options ? new TokenBucket(options) : undefined;
	}

	add(rule: FaultRule): void {
		const times = rule.times ?? 1;
		const probability = rule.probability ?? 1;
		if (!(times >= 0)) throw new RangeError(`FaultRule.times must be >= 0, got ${times}`);
		if (!(probability >= 0 && probability <= 1)) {
			throw new RangeError(`FaultRule.probability must be within 0..1, got ${probability}`);
		}
		this.rules.push({
			rule,
			remaining: times,
			probability,
			method: rule.match?.method?.toUpperCase(),
			matchesPath: pathPredicate(rule.match?.path),
		});
	}

	/** Removes all rules and the schedule; the counters are kept (they describe what already happened). */
	clear(): void {
		this.rules = [];
		this.scheduled = undefined;
	}

	/** Rules that can still fire. */
	get activeRules(): number {
		return this.rules.filter((r) => r.remaining > 0).length + (this.scheduled ? 1 : 0);
	}

	/** Picks the fault for a request, if any, and counts it. Called by the server once per request. */
	take(method: string, path: string): FaultRule | undefined {
		const retryAfterSeconds = this.bucket?.take();
		if (retryAfterSeconds !== undefined) {
			this.count('status429');
			return { kind: 'status429', retryAfterSeconds };
		}
		for (const active of this.rules) {
			if (active.remaining <= 0) continue;
			if (active.method && active.method !== method.toUpperCase()) continue;
			if (!active.matchesPath(path)) continue;
			if (active.probability < 1 && this.random() >= active.probability) continue;
			active.remaining -= 1;
			this.count(active.rule.kind);
			return active.rule;
		}
		const dealt = this.scheduled?.next((kind) => this.count(kind));
		if (dealt) this.count(dealt.kind);
		return dealt;
	}

	private count(kind: string): void {
		this.injectedCount += 1;
		this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
	}
}

function pathPredicate(path: RegExp | string | undefined): (path: string) => boolean {
	if (path === undefined) return () => true;
	if (path instanceof RegExp) {
		return (p) => {
			path.lastIndex = 0; // a /g or /y regex would otherwise remember where the last test stopped
			return path.test(p);
		};
	}
	const matcher: PathMatcher = compilePath(path);
	return (p) => matcher(p) !== undefined;
}
