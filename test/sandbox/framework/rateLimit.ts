/**
 * A vendor's rate limit: a token bucket that holds `burst` tokens (default: one second's worth) and refills at
 * `perSecond`. A request that finds a token takes it; one that finds none is refused with 429 and a Retry-After
 * (whole seconds, as vendors send it) until the next token.
 */
export interface RateLimitOptions {
	perSecond: number;
	burst?: number;
	/** Clock in milliseconds (tests); default Date.now. */
	now?: () => number;
}

export class TokenBucket {
	/** Requests refused so far. */
	refused = 0;
	/** Requests let through so far. */
	admitted = 0;
	private tokens: number;
	private last: number;
	readonly burst: number;
	private readonly now: () => number;

	constructor(readonly options: RateLimitOptions) {
		if (!(options.perSecond > 0)) throw new RangeError(`perSecond must be > 0, got ${options.perSecond}`);
		this.burst = options.burst ?? Math.max(1, Math.round(options.perSecond));
		this.now = options.now ?? Date.now;
		this.tokens = this.burst;
		this.last = this.now();
	}

	/** Takes a token: undefined when the request may pass, otherwise the Retry-After in whole seconds (at least 1). */
	take(): number | undefined {
		const now = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.options.perSecond);
		this.last = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			this.admitted++;
			return undefined;
		}
		this.refused++;
		return Math.max(1, Math.ceil((1 - this.tokens) / this.options.perSecond));
	}
}
