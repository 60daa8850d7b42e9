/**
 * A sandbox on its own thread, as a vendor is on its own machine: the node under test and the sandbox no longer take
 * turns on one event loop (and no longer share one heap), so requests in flight together are really served together.
 * The benchmark talks to it over HTTP like everyone else; resetting and counting go by message.
 */
import { join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';

import type { FiskalySandboxOptions } from '../test/sandbox/fiskaly';
import type { TheNextInvoiceSandboxOptions } from '../test/sandbox/thenextinvoice';

type Vendor = { vendor: 'thenextinvoice'; options: TheNextInvoiceSandboxOptions } | { vendor: 'fiskaly'; options: FiskalySandboxOptions };

/** What a node needs to reach the sandbox (the sandboxes' fixed test credentials), and how many records it holds. */
export interface SandboxInfo {
	baseUrl: string;
	apiToken?: string;
	apiKey?: string;
	apiSecret?: string;
	/** fiskaly: organizations, the sandbox's own included. */
	organizations?: number;
}

type Command =
	| { id: number; kind: 'reset' }
	| { id: number; kind: 'clearRequests' }
	| { id: number; kind: 'lastBody' }
	| { id: number; kind: 'latency'; ms: number }
	| { id: number; kind: 'rateLimit'; perSecond?: number }
	| { id: number; kind: 'count'; pattern: string }
	| { id: number; kind: 'close' };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface SandboxThread {
	info: SandboxInfo;
	/** Empties the request log and (TheNextInvoice) the customer list. */
	reset(): Promise<void>;
	clearRequests(): Promise<void>;
	/** Holds every answer back `ms` (0: none), as a vendor on the internet is some milliseconds away. */
	latency(ms: number): Promise<void>;
	/** Limits the sandbox to `perSecond` requests (a token bucket, full at the start; 429 + Retry-After beyond); undefined: no limit. */
	rateLimit(perSecond: number | undefined): Promise<{ refused: number } | undefined>;
	/** The raw body of the last request received. */
	lastBody(): Promise<string>;
	/** Requests received since the last reset whose "METHOD path" matches. */
	count(pattern: RegExp): Promise<number>;
	close(): Promise<void>;
}

export async function startSandboxThread(vendor: Vendor): Promise<SandboxThread> {
	const worker = new Worker(
		`require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(__dirname, '..', 'tsconfig.json'))} });
		 require(${JSON.stringify(__filename)});`,
		{ eval: true, workerData: { sandboxThread: vendor } },
	);
	let nextId = 1;
	const pending = new Map<number, (value: unknown) => void>();
	const ready = new Promise<SandboxInfo>((resolve, reject) => {
		worker.once('error', reject);
		worker.on('message', (message: { id?: number; ready?: SandboxInfo; value?: unknown }) => {
			if (message.ready) resolve(message.ready);
			else if (message.id !== undefined) pending.get(message.id)?.(message.value);
		});
	});
	const ask = <T>(command: DistributiveOmit<Command, 'id'>) =>
		new Promise<T>((resolve) => {
			const id = nextId++;
			pending.set(id, resolve as (value: unknown) => void);
			worker.postMessage({ ...command, id });
		});
	const info = await ready;
	return {
		info,
		reset: async () => await ask({ kind: 'reset' }),
		clearRequests: async () => await ask({ kind: 'clearRequests' }),
		latency: async (ms) => await ask({ kind: 'latency', ms }),
		lastBody: async () => await ask({ kind: 'lastBody' }),
		rateLimit: async (perSecond) => await ask({ kind: 'rateLimit', perSecond }),
		count: async (pattern) => await ask({ kind: 'count', pattern: pattern.source }),
		close: async () => {
			await ask({ kind: 'close' });
			await worker.terminate();
		},
	};
}

// Inside the worker: start the sandbox and answer commands.
const wanted = (workerData as { sandboxThread?: Vendor } | null)?.sandboxThread;
if (wanted && parentPort) {
	const port = parentPort;
	void (async () => {
		/* eslint-disable @typescript-eslint/no-require-imports */
		const tni = wanted.vendor === 'thenextinvoice'
			? await (require('../test/sandbox/thenextinvoice') as typeof import('../test/sandbox/thenextinvoice')).startTheNextInvoiceSandbox(wanted.options)
			: undefined;
		const fiskaly = wanted.vendor === 'fiskaly'
			? await (require('../test/sandbox/fiskaly') as typeof import('../test/sandbox/fiskaly')).startFiskalySandbox(wanted.options)
			: undefined;
		/* eslint-enable @typescript-eslint/no-require-imports */
		const sandbox = (tni ?? fiskaly)!;
		port.on('message', async (command: Command) => {
			let value: unknown;
			if (command.kind === 'reset') {
				sandbox.clearRequests();
				tni?.state.customers.clear();
			} else if (command.kind === 'clearRequests') {
				sandbox.clearRequests();
			} else if (command.kind === 'latency') {
				sandbox.faults.clear();
				if (command.ms > 0) sandbox.faults.add({ kind: 'slow', delayMs: command.ms, times: Number.MAX_SAFE_INTEGER });
			} else if (command.kind === 'rateLimit') {
				value = sandbox.faults.bucket ? { refused: sandbox.faults.bucket.refused } : undefined;
				sandbox.faults.rateLimit(command.perSecond ? { perSecond: command.perSecond } : undefined);
			} else if (command.kind === 'lastBody') {
				value = sandbox.requests.at(-1)?.rawBody ?? '';
			} else if (command.kind === 'count') {
				const pattern = new RegExp(command.pattern);
				value = sandbox.requests.filter((r) => pattern.test(`${r.method} ${r.path}`)).length;
			} else {
				await sandbox.close();
			}
			port.postMessage({ id: command.id, value });
		});
		const info: SandboxInfo = tni
			? { baseUrl: tni.baseUrl, apiToken: tni.apiToken }
			: { baseUrl: fiskaly!.baseUrl, apiKey: fiskaly!.apiKey, apiSecret: fiskaly!.apiSecret, organizations: fiskaly!.state.organizations.size };
		port.postMessage({ ready: info });
	})();
}
