/**
 * Public types of the sandbox framework. Vendor sandboxes (fiskaly, ...) are plain route tables on top of
 * `startSandbox`; everything a test needs to observe (requests, injected faults) lives on `RunningSandbox`.
 */
import type { FaultController } from './faults';

export type FaultKind =
	| 'status429'
	| 'status500'
	| 'status502'
	| 'status503'
	| 'status504'
	| 'dropBeforeHandling'
	| 'dropAfterHandling'
	| 'slow'
	| 'htmlError'
	| 'truncatedJson'
	| 'emptyBody'
	| 'wrongContentType';

export interface FaultRule {
	kind: FaultKind;
	/** How many requests this rule may fault. Default 1; `Infinity` keeps it active until `clear()`. */
	times?: number;
	/** Chance (0..1) that a matching request is faulted. Default 1. */
	probability?: number;
	/** Restrict the rule to a method and/or path. A string path is an exact path or a route pattern (`/x/:id`). */
	match?: { method?: string; path?: RegExp | string };
	/** For status429/status503: value of the `Retry-After` header in seconds. Default 1. */
	retryAfterSeconds?: number;
	/** For slow: how long the answer is held back. Default 2000. */
	delayMs?: number;
	/**
	 * For slow: run the handler before the delay instead of after it. Default false (the handler runs once
	 * the delay is over, even if the client has gone away). Use true to make the commit visible while the
	 * client is still waiting, e.g. to test "timeout, retry, 409 conflict" paths.
	 */
	commitBeforeDelay?: boolean;
}

export interface RecordedRequest {
	/** 1-based, in arrival order. */
	id: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: unknown;
	rawBody: string;
	/** Status sent to the client; 0 while pending or when the connection was dropped without an answer. */
	status: number;
	fault?: FaultKind;
	/** Arrival time, epoch milliseconds. */
	at: number;
	/** The client's TCP port (with the sandbox's port, it names the client's socket, e.g. to tell processes apart). */
	remotePort?: number;
	/** SHA-256 (hex) of a binary answer body (a file) as sent; unset for JSON, text and no answer. */
	bodySha256?: string;
}

export interface SandboxRequest {
	method: string;
	path: string;
	/** Route parameters, URI-decoded. Empty when no route matched (e.g. in `onRequest` for an unknown path). */
	params: Record<string, string>;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	/** Parsed JSON / form object; a Buffer for other content types; undefined for an empty or invalid JSON body. */
	body: any;
	rawBody: Buffer;
}

export interface SandboxResponse {
	status: number;
	/** JSON-encoded unless it is a Buffer or a string (sent as is). */
	body?: unknown;
	headers?: Record<string, string>;
}

export interface SandboxRoute {
	method: string;
	/** Path pattern, e.g. '/api/v0/organizations/:organization_id'. */
	path: string;
	handler: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;
}

/** What the framework itself answers with (faults, unknown routes, handler exceptions). */
export interface SandboxError {
	status: number;
	code: string;
	message: string;
}

export interface StartSandboxOptions {
	name: string;
	routes: SandboxRoute[];
	/** 0 (default) picks a random free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/**
	 * Runs before the route handler (e.g. auth), also for unknown routes; returning a response (or throwing
	 * a SandboxHttpError) short-circuits the handler.
	 */
	onRequest?: (req: SandboxRequest) => SandboxResponse | undefined;
	/** Runs on every answer that is sent, including fault answers (e.g. to add X-Request-ID). */
	decorateResponse?: (res: SandboxResponse, req: SandboxRequest) => void;
	/** Answer for unknown routes. Default: 404 with `errorBody`. */
	notFound?: (req: SandboxRequest) => SandboxResponse;
	/** Vendor error shape for errors the framework produces. Default `{ status, code, message }`. */
	errorBody?: (error: SandboxError) => unknown;
	/** Random source for fault probabilities. Default: seeded with DEFAULT_SEED (see seeded.ts), never Math.random. */
	random?: () => number;
}

export interface RunningSandbox {
	name: string;
	/** http://127.0.0.1:PORT */
	url: string;
	port: number;
	faults: FaultController;
	requests: RecordedRequest[];
	clearRequests(): void;
	close(): Promise<void>;
}
