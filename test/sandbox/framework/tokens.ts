import { randomToken } from './responses';
import { registerSecret } from '../../helpers/secrets';

export interface IssuedToken {
	/** Opaque: base64url of 24 random bytes. */
	token: string;
	/** Unix seconds (rounded down, so a client never believes a token lives longer than it does). */
	expiresAt: number;
	/** Seconds. */
	expiresIn: number;
}

interface TokenEntry<S> {
	subject: S;
	expiresAtMs: number;
}

/**
 * Bearer/refresh token bookkeeping shared by all vendor sandboxes. Expiry is tracked in milliseconds so
 * 1-second lifetimes behave predictably in tests.
 */
export class TokenStore<S extends Record<string, unknown> = Record<string, unknown>> {
	issuedCount = 0;

	private readonly entries = new Map<string, TokenEntry<S>>();

	constructor(private readonly now: () => number = Date.now) {}

	issue(subject: S, lifetimeSeconds: number): IssuedToken {
		const token = randomToken(24);
		registerSecret(token); // every test then checks that no output, error or log line shows it
		const expiresAtMs = this.now() + lifetimeSeconds * 1000;
		this.entries.set(token, { subject, expiresAtMs });
		this.issuedCount += 1;
		return { token, expiresAt: Math.floor(expiresAtMs / 1000), expiresIn: lifetimeSeconds };
	}

	/** The token's subject, or undefined when the token is unknown, expired or revoked. */
	validate(token: string | undefined): S | undefined {
		if (!token) return undefined;
		const entry = this.entries.get(token);
		if (!entry) return undefined;
		if (this.now() >= entry.expiresAtMs) {
			this.entries.delete(token);
			return undefined;
		}
		return entry.subject;
	}

	/** Revokes one token; true if it was known. */
	revoke(token: string): boolean {
		return this.entries.delete(token);
	}

	/** Revokes every token (or those whose subject matches `filter`); returns how many. */
	revokeAll(filter?: (subject: S) => boolean): number {
		let revoked = 0;
		for (const [token, entry] of this.entries) {
			if (filter && !filter(entry.subject)) continue;
			this.entries.delete(token);
			revoked += 1;
		}
		return revoked;
	}

	/**
	 * Makes every issued token (or those matching `filter`) expired right now, as if its lifetime had
	 * passed: unlike revocation this is what a client sees when it caches a token for too long.
	 */
	expireAll(filter?: (subject: S) => boolean): number {
		let expired = 0;
		const now = this.now();
		for (const entry of this.entries.values()) {
			if (filter && !filter(entry.subject)) continue;
			entry.expiresAtMs = Math.min(entry.expiresAtMs, now);
			expired += 1;
		}
		return expired;
	}

	/** Tokens that would still validate. */
	get activeCount(): number {
		const now = this.now();
		let active = 0;
		for (const entry of this.entries.values()) if (now < entry.expiresAtMs) active += 1;
		return active;
	}
}
