/**
 * n8n as a server: `n8n start` (and any long-running n8n command) started and stopped, and the REST requests the
 * editor sends (owner set-up, sign-in, credential test, manual runs, node types).
 */
import * as path from 'node:path';

import {
	N8N_MODULES,
	freePort,
	isPortFree,
	killGroup,
	logFileFor,
	n8nEnv,
	sleep,
	spawnN8n,
	toWorkflowRun,
	vendorPackages,
	type CredentialImport,
	type VendorPackage,
	type WorkflowRun,
} from './n8n-runtime';


export interface RunningN8n {
	url: string;
	logFile: string;
	/** Resolves with the exit code (or signal) when the n8n process ends, for whatever reason. */
	exited: Promise<number | string | null>;
	stop(): Promise<void>;
}

export class PortInUseError extends Error {}

/**
 * Ready for the REST requests the suites send: /healthz/readiness answers 200 and so does the REST API (n8n 1.x
 * answers readiness while its migrations still run, and serves the editor's page for /rest/... until they are done).
 */
async function restReady(url: string): Promise<boolean> {
	const readiness = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
	if (!readiness.ok) return false;
	const settings = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
	return settings.ok && (settings.headers.get('content-type') ?? '').includes('json');
}

/** Starts `n8n start` on 127.0.0.1:port and waits until it is ready (restReady). */
export async function startN8n(userFolder: string, port: number, options: { timeoutMs?: number } = {}): Promise<RunningN8n> {
	if (!(await isPortFree(port))) {
		throw new PortInUseError(
			`Port ${port} on 127.0.0.1 is already in use (another n8n or demo running?). Stop it, or free the port, and retry.`,
		);
	}
	const url = `http://127.0.0.1:${port}`;
	const logFile = logFileFor(userFolder, 'start');
	const child = spawnN8n(userFolder, ['start'], n8nEnv(userFolder, port, await freePort()), logFile);
	const exited = new Promise<number | string | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
	const stop = async () => {
		killGroup(child, 'SIGTERM');
		const killer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
		await exited;
		clearTimeout(killer);
	};
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`n8n start exited early (${child.exitCode ?? child.signalCode}); see ${logFile}`);
		}
		try {
			if (await restReady(url)) return { url, logFile, exited, stop };
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	await stop();
	throw new Error(`n8n did not become ready within ${(options.timeoutMs ?? 120_000) / 1000} s; see ${logFile}`);
}

/** A long-running n8n process started by startN8nProcess (`start`, `worker`, ...). */
export interface RunningN8nProcess extends RunningN8n {
	/** The n8n process itself (nodes run in it; its task runner is a child in the same process group). */
	pid: number;
	/** Signals the whole process group right away (SIGKILL simulates a crashed machine). */
	kill(signal: NodeJS.Signals): void;
}

/**
 * Starts any long-running n8n command (`start`, `worker --concurrency=5`, `webhook`) with extra environment on top
 * of n8nEnv(), and waits until it is ready: `ready: 'http'` polls restReady on `port` (for `start`), a
 * RegExp waits for a matching line in the process's log (a worker prints "n8n worker is now ready").
 * Used by the queue-mode suite (test/queue), which runs one main and two workers on one user folder.
 */
export async function startN8nProcess(
	userFolder: string,
	args: string[],
	options: { label: string; port?: number; env?: NodeJS.ProcessEnv; ready: 'http' | RegExp; timeoutMs?: number },
): Promise<RunningN8nProcess> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const logFile = logFileFor(userFolder, options.label);
	const child = spawnN8n(userFolder, args, { ...n8nEnv(userFolder, port, await freePort()), ...options.env }, logFile);
	const exited = new Promise<number | string | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
	let output = '';
	if (options.ready instanceof RegExp) {
		child.stdout?.on('data', (chunk) => (output.length < 1_000_000 ? (output += chunk) : undefined));
	}
	const stop = async () => {
		killGroup(child, 'SIGTERM');
		const killer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
		await exited;
		clearTimeout(killer);
	};
	const running: RunningN8nProcess = { url, logFile, exited, stop, pid: child.pid ?? -1, kill: (signal) => killGroup(child, signal) };
	const timeoutMs = options.timeoutMs ?? 120_000;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`n8n ${args[0]} exited early (${child.exitCode ?? child.signalCode}); see ${logFile}`);
		}
		if (options.ready instanceof RegExp) {
			if (options.ready.test(output)) return running;
		} else {
			try {
				if (await restReady(url)) return running;
			} catch {
				// not listening yet
			}
		}
		await sleep(250);
	}
	await stop();
	throw new Error(`n8n ${args[0]} did not become ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	/** n8n requires 8+ characters with a digit and an upper-case letter. */
	password: string;
}

export async function restCall(url: string, init: { method?: string; body?: string; headers?: Record<string, string> }): Promise<Response> {
	const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
	if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} -> ${res.status}: ${(await res.text()).slice(0, 300)}`);
	return res;
}

/** Creates the instance owner on a fresh instance (what the set-up screen does). */
export async function setupOwner(url: string, owner: OwnerAccount): Promise<void> {
	await restCall(`${url}/rest/owner/setup`, { method: 'POST', body: JSON.stringify(owner) });
}

/** Logs in and returns the `Cookie` header value to send with further requests. */
export async function login(url: string, email: string, password: string): Promise<string> {
	const res = await restCall(`${url}/rest/login`, {
		method: 'POST',
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	const cookie = res.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error('login answered without an n8n-auth cookie');
	return cookie;
}

export interface CredentialTestResult {
	status: string;
	message: string;
}

/** Runs n8n's own credential test (the editor's "Test" button): preAuthentication, authenticate, the `test` request. */
export async function testCredential(url: string, cookie: string, credential: CredentialImport): Promise<CredentialTestResult> {
	const res = await restCall(`${url}/rest/credentials/test`, {
		method: 'POST',
		headers: { cookie },
		body: JSON.stringify({ credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data } }),
	});
	const { data } = (await res.json()) as { data?: { status?: string; message?: string } };
	return { status: String(data?.status), message: String(data?.message ?? '') };
}

/**
 * Starts a workflow the way the editor's "Execute workflow" button does (manual mode, from the given trigger) and
 * returns the execution's id. Unlike `n8n execute`, this can start at any trigger: a polling trigger then returns
 * its sample.
 */
export async function startManualRun(url: string, cookie: string, workflowId: string, triggerName: string): Promise<string> {
	const startRun = (body: Record<string, unknown>) =>
		restCall(`${url}/rest/workflows/${workflowId}/run`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ triggerToStartFrom: { name: triggerName }, ...body }) });
	// Newer n8n runs the saved workflow; n8n 1.x and early 2.x run the one the editor sends along (workflowData) and
	// refuse the request without it before anything runs.
	const res = await startRun({}).catch(async (error: Error) => {
		if (!/reading 'id'|workflowData/.test(error.message)) throw error;
		const workflowData = ((await (await restCall(`${url}/rest/workflows/${workflowId}`, { headers: { cookie } })).json()) as { data: unknown }).data;
		return await startRun({ workflowData });
	});
	return ((await res.json()) as { data: { executionId: string } }).data.executionId;
}

/** An execution as n8n's REST API gives it, its data decoded; `finished` once it ended and its data is saved. */
export async function readExecution(url: string, cookie: string, executionId: string): Promise<{ run: any; finished: boolean }> {
	// Execution data comes in n8n's `flatted` encoding; n8n's own copy decodes it (plain JS, any Node version).
	const { parse } = require(path.join(N8N_MODULES, 'flatted')) as { parse(text: string): any };
	const execution = ((await (await restCall(`${url}/rest/executions/${executionId}`, { headers: { cookie } })).json()) as any).data;
	const run = { ...execution, data: typeof execution?.data === 'string' ? parse(execution.data) : execution?.data };
	return { run, finished: finished(run) };
}

/** Runs a workflow manually (startManualRun) and waits for it. */
export async function runWorkflowManually(
	url: string,
	cookie: string,
	workflowId: string,
	triggerName: string,
	options: { timeoutMs?: number; logFile?: string } = {},
): Promise<WorkflowRun> {
	const started = Date.now();
	const executionId = await startManualRun(url, cookie, workflowId, triggerName);
	const deadline = started + (options.timeoutMs ?? 120_000);
	let execution: { run: any; finished: boolean };
	do {
		await sleep(150);
		execution = await readExecution(url, cookie, executionId);
	} while (!execution.finished && Date.now() < deadline);
	const { run } = execution;
	const command = { exitCode: null, signal: null, stdout: '', stderr: '', ms: Date.now() - started, logFile: options.logFile ?? '' };
	const ms = Date.parse(run.stoppedAt) - Date.parse(run.startedAt);
	return toWorkflowRun(workflowId, run, command, Number.isFinite(ms) ? ms : command.ms);
}

/**
 * A run that ended; a successful one only once its node data is saved too (n8n 1.x saves a run's status, then its
 * data, in two statements: `success` can come with the data of its start).
 */
function finished(run: any): boolean {
	if (['new', 'running', 'unknown'].includes(run?.status) || run?.status === undefined) return false;
	return run.status !== 'success' || Object.keys(run.data?.resultData?.runData ?? {}).length > 0;
}

/** Names of all node types the running instance offers (including n8n's `...Tool` variants). */
export async function listNodeTypes(url: string, cookie: string): Promise<string[]> {
	const res = await restCall(`${url}/types/nodes.json`, { headers: { cookie } });
	return ((await res.json()) as Array<{ name: string }>).map((type) => type.name);
}

/** The node types the given packages contribute, without the `<name>Tool` variants n8n generates for AI agents. */
export function packageNodeTypes(allTypes: string[], packages: VendorPackage[] = vendorPackages()): string[] {
	const ours = allTypes.filter((name) => packages.some((pkg) => name.startsWith(`${pkg.name}.`)));
	return ours.filter((name) => !(name.endsWith('Tool') && ours.includes(name.slice(0, -'Tool'.length))));
}
