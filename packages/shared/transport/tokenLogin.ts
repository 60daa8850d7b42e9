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

/**
 * Renew ahead of expiry by 5% of the lifetime, at most 10 s (a 2 s token 0.1 s early, a 5 min token 10 s early):
 * enough for a request to reach the vendor while the token is still valid, and few enough renewals that a long run
 * logs in at most once more than run time ÷ lifetime (20% made 2 s tokens cost a quarter more logins; bench/).
 */
export function refreshMarginMs(lifetimeMs: number): number {
	return Math.min(10_000, lifetimeMs * 0.05);
}

function isFresh(expiresAt: number, obtainedAt: number, now: number): boolean {
	if (expiresAt === Infinity) return true;
	return now < expiresAt - refreshMarginMs(expiresAt - obtainedAt);
}

interface Entry {
	token?: CachedToken;
	pending?: Promise<CachedToken>;
}

/**
 * In-memory token cache per credential (one n8n process). Concurrent callers share one login
 * (single flight); tokens are renewed before they expire, with the refresh token when there is one
 * and a full login as the fall-back.
 */
export class TokenManager {
	private readonly entries = new Map<string, Entry>();
	readonly stats = { logins: 0, refreshes: 0, refreshFailures: 0 };

	constructor(private readonly spec: TokenLoginSpec) {}

	private keyOf(credentials: ICredentialDataDecryptedObject): string {
		return createHash('sha256').update(JSON.stringify(this.spec.identity(credentials))).digest('hex');
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
		const key = this.keyOf(credentials);
		let entry = this.entries.get(key);
		if (!entry) {
			entry = {};
			this.entries.set(key, entry);
		}
		for (;;) {
			const inFlight = entry.pending;
			if (inFlight) {
				// Share the login already under way (and its failure: a bad secret fails every waiter once).
				const token = await inFlight;
				if (token.accessToken !== rejected) return token;
				if (entry.pending) continue;
			}
			const current = entry.token;
			if (current && current.accessToken !== rejected && isFresh(current.expiresAt, current.obtainedAt, Date.now())) {
				return current;
			}
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

	/** Stores a token obtained outside a login (e.g. TheNextInvoice's company switch answers a new token). */
	store(credentials: ICredentialDataDecryptedObject, grant: TokenGrant): CachedToken {
		const key = this.keyOf(credentials);
		const entry = this.entries.get(key) ?? {};
		entry.token = this.toCached(grant);
		this.entries.set(key, entry);
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
