import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** What a vendor's login answer tells us, in seconds as vendors send it. */
export interface TokenGrant {
	accessToken: string;
	expiresInSeconds?: number;
	expiresAtSeconds?: number;
	refreshToken?: string;
	refreshExpiresInSeconds?: number;
	refreshExpiresAtSeconds?: number;
	claims?: IDataObject;
}

export interface CachedToken {
	accessToken: string;
	obtainedAt: number;
	/** Epoch ms; Infinity when the vendor does not say (then we reuse it until a 401). */
	expiresAt: number;
	refreshToken?: string;
	refreshExpiresAt?: number;
	claims?: IDataObject;
}

/** How one vendor logs in; the token manager does the caching, refreshing and single flight. */
export interface TokenLoginSpec {
	/** Credential fields that identify a login (hashed for the cache key, never stored in clear). */
	identity(credentials: ICredentialDataDecryptedObject): unknown[];
	loginRequest(credentials: ICredentialDataDecryptedObject): IHttpRequestOptions;
	refreshRequest?(credentials: ICredentialDataDecryptedObject, refreshToken: string): IHttpRequestOptions;
	parseGrant(body: unknown): TokenGrant;
}

/** Sends one login request (with the transport's retries) and returns the parsed body. */
export type LoginSender = (options: IHttpRequestOptions) => Promise<unknown>;

/** The renewal lead of long-lived tokens: fiskaly's production clients renew 30–60 s before expiry. */
const RENEWAL_LEAD_MS = 30_000;
/** Each answer lets the longest flight seen so far shrink by this factor, so one slow moment does not stick. */
const FLIGHT_DECAY = 0.95;

/**
 * How long before expiry a token is renewed: 30 s (a tenth of the lifetime for tokens under 5 minutes), plus the time
 * a request with this credential now takes from getting its token to its answer (`flightMs`), which bounds how long it
 * needs to reach the vendor. Never more than half the lifetime: a token is always used for half its life.
 * A 300 s token is renewed 30 s + flight early, a 2 s token 0.2 s + flight early.
 */
export function renewalLeadMs(lifetimeMs: number, flightMs = 0): number {
	return Math.min(lifetimeMs / 2, Math.min(RENEWAL_LEAD_MS, lifetimeMs / 10) + flightMs);
}

/** One request under way with a token of this credential. */
interface Flight {
	startedAt: number;
}

interface Entry {
	token?: CachedToken;
	pending?: Promise<CachedToken>;
	/** Requests under way, oldest first (a Set keeps insertion order). */
	flights: Set<Flight>;
	/** The longest flight that has landed, decaying with each answer. */
	longestFlightMs: number;
}

/**
 * In-memory token cache per credential (one n8n process). Concurrent callers share one login
 * (single flight); tokens are renewed before they expire, with the refresh token when there is one
 * and a full login as the fall-back.
 */
export class TokenManager {
	private readonly entries = new Map<string, Entry>();
	readonly stats = { logins: 0, refreshes: 0, refreshFailures: 0, longestLeadMs: 0 };

	constructor(private readonly spec: TokenLoginSpec) {}

	private keyOf(credentials: ICredentialDataDecryptedObject): string {
		return createHash('sha256').update(JSON.stringify(this.spec.identity(credentials))).digest('hex');
	}

	private entryOf(credentials: ICredentialDataDecryptedObject): Entry {
		const key = this.keyOf(credentials);
		let entry = this.entries.get(key);
		if (!entry) {
			entry = { flights: new Set(), longestFlightMs: 0 };
			this.entries.set(key, entry);
		}
		return entry;
	}

	/**
	 * How long a request now takes from its token to its answer: the longest recent answer, or the age of the oldest
	 * request still in flight if that is longer (with many items in parallel, answers come late under load).
	 */
	private flightMs(entry: Entry, now: number): number {
		const oldest = entry.flights.values().next().value as Flight | undefined;
		return Math.max(entry.longestFlightMs, oldest ? now - oldest.startedAt : 0);
	}

	/**
	 * Marks a request sent with this credential's token; call the returned function when its answer (or failure)
	 * arrives. Flights make the renewal lead cover the time a request needs to reach the vendor.
	 */
	takeOff(credentials: ICredentialDataDecryptedObject): () => void {
		const entry = this.entryOf(credentials);
		const flight: Flight = { startedAt: Date.now() };
		entry.flights.add(flight);
		return () => {
			if (!entry.flights.delete(flight)) return;
			entry.longestFlightMs = Math.max(Date.now() - flight.startedAt, entry.longestFlightMs * FLIGHT_DECAY);
		};
	}

	/**
	 * A valid token for these credentials. `rejected` is a token the API has just refused (401):
	 * it is never handed out again, even if its expiry says it should still be valid.
	 */
	async getToken(
		send: LoginSender,
		credentials: ICredentialDataDecryptedObject,
		rejected?: string,
	): Promise<CachedToken> {
		const entry = this.entryOf(credentials);
		for (;;) {
			const inFlight = entry.pending;
			if (inFlight) {
				// Share the login already under way (and its failure: a bad secret fails every waiter once).
				const token = await inFlight;
				if (token.accessToken !== rejected) return token;
				if (entry.pending) continue;
			}
			const current = entry.token;
			if (current && current.accessToken !== rejected && this.isFreshFor(entry, current)) return current;
			const pending = this.obtain(send, credentials, current);
			entry.pending = pending;
			try {
				entry.token = await pending;
				return entry.token;
			} finally {
				if (entry.pending === pending) entry.pending = undefined;
			}
		}
	}

	/** Fresh: still valid when a request taking it now reaches the vendor, with the renewal lead to spare. */
	private isFreshFor(entry: Entry, token: CachedToken): boolean {
		if (token.expiresAt === Infinity) return true;
		const now = Date.now();
		const lead = renewalLeadMs(token.expiresAt - token.obtainedAt, this.flightMs(entry, now));
		this.stats.longestLeadMs = Math.max(this.stats.longestLeadMs, lead);
		return now < token.expiresAt - lead;
	}

	/** Stores a token obtained outside a login (e.g. TheNextInvoice's company switch answers a new token). */
	store(credentials: ICredentialDataDecryptedObject, grant: TokenGrant): CachedToken {
		const entry = this.entryOf(credentials);
		entry.token = this.toCached(grant);
		return entry.token;
	}

	/** Forgets the cached token (e.g. after the credential changed or a test wants a clean start). */
	clear(): void {
		this.entries.clear();
	}

	private async obtain(
		send: LoginSender,
		credentials: ICredentialDataDecryptedObject,
		previous: CachedToken | undefined,
	): Promise<CachedToken> {
		const now = Date.now();
		const refreshToken = previous?.refreshToken;
		if (refreshToken && this.spec.refreshRequest && (previous.refreshExpiresAt ?? Infinity) > now + 1000) {
			try {
				const body = await send(this.spec.refreshRequest(credentials, refreshToken));
				this.stats.refreshes++;
				const renewed = this.toCached(this.spec.parseGrant(body), now);
				// A refresh answer without a new refresh token leaves the old one in force (as fiskaly's peers read it).
				return renewed.refreshToken ? renewed : { ...renewed, refreshToken, refreshExpiresAt: previous.refreshExpiresAt };
			} catch {
				// A refused or expired refresh token is normal after long pauses: log in from scratch.
				this.stats.refreshFailures++;
			}
		}
		const sentAt = Date.now();
		const body = await send(this.spec.loginRequest(credentials));
		this.stats.logins++;
		return this.toCached(this.spec.parseGrant(body), sentAt);
	}

	/**
	 * `obtainedAt`: when the login went out. A relative lifetime counts from the vendor's issuing, somewhere between
	 * the request and its answer, so it is counted from the request: time in flight (a slow login, retries, a busy
	 * n8n) is not mistaken for lifetime left.
	 */
	private toCached(grant: TokenGrant, obtainedAt = Date.now()): CachedToken {
		// Prefer relative lifetimes: they do not depend on the vendor's clock agreeing with ours.
		const expiresAt =
			grant.expiresInSeconds !== undefined
				? obtainedAt + grant.expiresInSeconds * 1000
				: grant.expiresAtSeconds !== undefined
					? grant.expiresAtSeconds * 1000
					: Infinity;
		const refreshExpiresAt =
			grant.refreshExpiresInSeconds !== undefined
				? obtainedAt + grant.refreshExpiresInSeconds * 1000
				: grant.refreshExpiresAtSeconds !== undefined
					? grant.refreshExpiresAtSeconds * 1000
					: undefined;
		return {
			accessToken: grant.accessToken,
			obtainedAt,
			expiresAt,
			refreshToken: grant.refreshToken,
			refreshExpiresAt,
			claims: grant.claims,
		};
	}
}
