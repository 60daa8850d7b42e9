import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultController } from './faults';
import { defaultErrorCode, reasonPhrase, SandboxHttpError } from './responses';
import { compilePath, normalizePath, type PathMatcher } from './routing';
import type {
	FaultRule,
	RecordedRequest,
	RunningSandbox,
	SandboxError,
	SandboxRequest,
	SandboxResponse,
	SandboxRoute,
	StartSandboxOptions,
} from './types';

interface CompiledRoute {
	route: SandboxRoute;
	method: string;
	match: PathMatcher;
}

/** What a misbehaving reverse proxy in front of the vendor API answers with. */
const GATEWAY_ERROR_PAGE =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const DEFAULT_SLOW_DELAY_MS = 2000;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Starts an in-memory HTTP server for a vendor API. Every request is recorded, may be hit by a fault
 * rule, then goes through `onRequest` (auth) and the matching route handler.
 */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
	const host = options.host ?? '127.0.0.1';
	const routes: CompiledRoute[] = options.routes.map((route) => ({
		route,
		method: route.method.toUpperCase(),
		match: compilePath(route.path),
	}));
	const renderError = options.errorBody ?? ((error: SandboxError) => ({ ...error }));
	const faults = new FaultController(options.random);
	const requests: RecordedRequest[] = [];
	const sockets = new Set<Socket>();
	const pendingDelays = new Set<() => void>();
	let nextRequestId = 1;
	let closing: Promise<void> | undefined;

	function errorResponse(status: number, code = defaultErrorCode(status), message = reasonPhrase(status)): SandboxResponse {
		return { status, body: renderError({ status, code, message }) };
	}

	/** Resolves true after `ms`, or false as soon as the sandbox closes (so close() never waits for it). */
	function delay(ms: number): Promise<boolean> {
		if (closing) return Promise.resolve(false);
		return new Promise((resolve) => {
			const finish = (completed: boolean) => {
				clearTimeout(timer);
				pendingDelays.delete(cancel);
				resolve(completed);
			};
			const cancel = () => finish(false);
			const timer = setTimeout(() => finish(true), ms);
			pendingDelays.add(cancel);
		});
	}

	async function dispatch(request: SandboxRequest): Promise<SandboxResponse> {
		try {
			const matched = findRoute(routes, request);
			const early = options.onRequest?.(request);
			if (early) return early;
			if (!matched) {
				return options.notFound?.(request) ?? errorResponse(404, 'E_NOT_FOUND', `No route for ${request.method} ${request.path}`);
			}
			return await matched.handler(request);
		} catch (error) {
			if (error instanceof SandboxHttpError) return errorResponse(error.status, error.code, error.message);
			const message = error instanceof Error ? error.message : String(error);
			return errorResponse(500, 'E_INTERNAL_SERVER_ERROR', `Sandbox handler failed: ${message}`);
		}
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await readBody(req).catch(() => undefined);
		if (rawBody === undefined) return; // client went away while uploading

		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const headers = flattenHeaders(req.headers);
		const request: SandboxRequest = {
			method: (req.method ?? 'GET').toUpperCase(),
			path: normalizePath(url.pathname),
			params: {},
			query: Object.fromEntries(url.searchParams),
			headers,
			body: parseBody(headers['content-type'], rawBody),
			rawBody,
		};
		const record: RecordedRequest = {
			id: nextRequestId++,
			method: request.method,
			path: request.path,
			query: request.query,
			headers,
			body: request.body,
			rawBody: rawBody.toString('utf8'),
			status: 0,
			at: Date.now(),
			remotePort: req.socket.remotePort,
		};
		requests.push(record);

		const fault = faults.take(request.method, request.path);
		if (fault) record.fault = fault.kind;

		const reply = (response: SandboxResponse) => {
			options.decorateResponse?.(response, request);
			record.status = response.status;
			if (Buffer.isBuffer(response.body)) record.bodySha256 = createHash('sha256').update(response.body).digest('hex');
			send(res, response);
		};
		// A TCP reset, so clients see ECONNRESET / "socket hang up" rather than a clean empty answer.
		const drop = () => {
			req.socket.resetAndDestroy();
		};

		// Faults a gateway produces: the application never sees the request, so no state changes.
		switch (fault?.kind) {
			case 'status429':
			case 'status503': {
				const response = errorResponse(fault.kind === 'status429' ? 429 : 503);
				response.headers = { 'Retry-After': String(fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) };
				return reply(response);
			}
			case 'status500':
			case 'status502':
			case 'status504':
				return reply(errorResponse(Number(fault.kind.slice('status'.length))));
			case 'htmlError':
				return reply({ status: 502, body: GATEWAY_ERROR_PAGE, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
			case 'dropBeforeHandling':
				return drop();
		}

		// From here on the handler runs and its state change is committed, whatever the client gets.
		const slow = fault?.kind === 'slow' ? fault : undefined;
		if (slow && !slow.commitBeforeDelay && !(await delay(slowDelay(slow)))) return;
		const response = await dispatch(request);
		if (slow?.commitBeforeDelay && !(await delay(slowDelay(slow)))) return;

		switch (fault?.kind) {
			case 'dropAfterHandling':
				return drop();
			case 'truncatedJson': {
				const full = JSON.stringify(response.body ?? {});
				return reply(corrupted(response, full.slice(0, Math.floor(full.length / 2)), 'application/json'));
			}
			case 'emptyBody':
				return reply(corrupted(response, '', 'application/json'));
			case 'wrongContentType':
				return reply(corrupted(response, 'OK', 'text/plain'));
		}
		reply(response);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch(() => res.destroy()); // e.g. a body JSON.stringify cannot encode
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;

	return {
		name: options.name,
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		faults,
		requests,
		clearRequests: () => {
			requests.length = 0; // in place: callers may hold a reference to the array
		},
		close: () => {
			closing ??= new Promise<void>((resolve) => {
				for (const cancel of [...pendingDelays]) cancel();
				server.close(() => resolve());
				// Keep-alive and in-flight sockets would otherwise keep the server (and jest) alive.
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy();
			});
			return closing;
		},
	};
}

function findRoute(routes: CompiledRoute[], request: SandboxRequest): SandboxRoute | undefined {
	for (const candidate of routes) {
		if (candidate.method !== request.method) continue;
		const params = candidate.match(request.path);
		if (params) {
			request.params = params;
			return candidate.route;
		}
	}
	return undefined;
}

function slowDelay(rule: FaultRule): number {
	return rule.delayMs ?? DEFAULT_SLOW_DELAY_MS;
}

/** A 200 with the handler's headers but a broken body/content type. */
function corrupted(response: SandboxResponse, body: string, contentType: string): SandboxResponse {
	return { status: 200, body, headers: withHeader(response.headers, 'Content-Type', contentType) };
}

function withHeader(headers: Record<string, string> | undefined, name: string, value: string): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, existing] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== name.toLowerCase()) result[key] = existing;
	}
	result[name] = value;
	return result;
}

function send(res: ServerResponse, response: SandboxResponse): void {
	if (res.destroyed || res.writableEnded) return; // the client is gone (e.g. timed out during a slow fault)
	const { payload, contentType } = encodeBody(response.body);
	for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
	if (contentType && !res.hasHeader('content-type')) res.setHeader('Content-Type', contentType);
	res.setHeader('Content-Length', payload.length);
	res.statusCode = response.status;
	res.end(payload);
}

function encodeBody(body: unknown): { payload: Buffer; contentType?: string } {
	if (body === undefined) return { payload: Buffer.alloc(0) };
	if (Buffer.isBuffer(body)) return { payload: body, contentType: 'application/octet-stream' };
	if (typeof body === 'string') return { payload: Buffer.from(body, 'utf8'), contentType: 'text/plain; charset=utf-8' };
	return { payload: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json; charset=utf-8' };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
		req.on('close', () => {
			if (!req.complete) reject(new Error('request aborted'));
		});
	});
}

/** JSON and form bodies are parsed; invalid JSON gives undefined so the vendor layer can answer 400. */
function parseBody(contentType: string | undefined, rawBody: Buffer): unknown {
	if (rawBody.length === 0) return undefined;
	const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
		try {
			return JSON.parse(rawBody.toString('utf8'));
		} catch {
			return undefined;
		}
	}
	if (mediaType === 'application/x-www-form-urlencoded') {
		return Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
	}
	return rawBody;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
	const flat: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
	return flat;
}
