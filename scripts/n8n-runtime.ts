/**
 * Drives the real, pinned n8n (2.41.1 under Node 24, installed by scripts/install-n8n.sh into .runtime/) headless.
 * Used by the demo (scripts/demo.ts), the e2e suite (test/e2e/run-e2e.ts) and benchmarks.
 *
 * Every n8n child process runs in its own process group, writes its output to .runtime/logs/, and is killed when
 * this process exits or receives SIGINT/SIGTERM. Measured facts behind the choices: /work/shared/notes/n8n-runtime-facts.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const RUNTIME_DIR = path.join(ROOT, '.runtime');
export const LOG_DIR = path.join(RUNTIME_DIR, 'logs');
const NODE_BIN_DIR = path.join(RUNTIME_DIR, 'node24', 'node_modules', 'node', 'bin');
const N8N_MODULES = path.join(RUNTIME_DIR, 'n8n', 'node_modules');

/** One of the n8n packages this repository builds (packages/<name>/ with an `n8n` section); see vendor-packages.cjs. */
export interface VendorPackage {
	folder: string;
	name: string;
	dir: string;
	/** The `npm pack` tarball that `gulp pack` writes: what is published and what n8n installs. */
	tarball: string;
	json: { name: string; version: string; n8n: { nodes: string[]; credentials: string[] }; [key: string]: unknown };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- one CommonJS module shared with gulpfile.js and check-release.mjs
const vendorPackagesModule = require('./vendor-packages.cjs') as { TARBALLS_DIR: string; vendorPackages(): VendorPackage[] };

export const TARBALLS_DIR = vendorPackagesModule.TARBALLS_DIR;

/** The vendor packages, in folder order. */
export function vendorPackages(): VendorPackage[] {
	return vendorPackagesModule.vendorPackages();
}

/** Fixed so that credentials imported into a user folder stay readable by every n8n process using it. Local only. */
const ENCRYPTION_KEY = 'n8n-nodes-eu-finance-local-test-key';

export interface N8nPaths {
	nodeBinDir: string;
	/** Node 24 binary (n8n 2.x needs Node >= 24; the machine's node may be older). */
	node: string;
	/** n8n's CLI entry script, run with `node`. */
	n8n: string;
}

export function n8nPaths(): N8nPaths {
	return { nodeBinDir: NODE_BIN_DIR, node: path.join(NODE_BIN_DIR, 'node'), n8n: path.join(N8N_MODULES, 'n8n', 'bin', 'n8n') };
}

/** Installs n8n + Node 24 once (the script is idempotent and prints its own progress). */
export function ensureN8n(): N8nPaths {
	const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-n8n.sh')], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`scripts/install-n8n.sh failed (exit ${result.status ?? result.signal})`);
	const paths = n8nPaths();
	for (const file of [paths.node, paths.n8n]) {
		if (!fs.existsSync(file)) throw new Error(`${file} is missing after install-n8n.sh; delete .runtime/n8n and retry`);
	}
	return paths;
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes: tracked, logged, killed with us.

const children = new Set<ChildProcess>();
const shutdownHooks: Array<() => unknown> = [];
let handlersInstalled = false;
let shuttingDown = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal); // the whole group: n8n and its task runner
	} catch {
		child.kill(signal);
	}
}

function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	// Last resort on any exit path (including uncaught errors): no orphaned n8n processes.
	process.on('exit', () => children.forEach((child) => killGroup(child, 'SIGKILL')));
	const onSignal = (signal: NodeJS.Signals) => {
		if (shuttingDown) process.exit(1); // second Ctrl-C: give up waiting
		shuttingDown = true;
		console.log(`\n${signal} received, stopping...`);
		void runShutdownHooks().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
}

async function runShutdownHooks(): Promise<void> {
	for (const hook of shutdownHooks.splice(0).reverse()) {
		await Promise.race([Promise.resolve().then(hook).catch(() => undefined), sleep(10_000)]);
	}
	children.forEach((child) => killGroup(child, 'SIGTERM'));
}

/** True once SIGINT/SIGTERM cleanup has begun (so an ending child is expected, not a crash). */
export function isShuttingDown(): boolean {
	return shuttingDown;
}

/** Registers cleanup (closing sandboxes, stopping n8n) to run on SIGINT/SIGTERM, last registered first. */
export function onShutdown(hook: () => unknown): void {
	installExitHandlers();
	shutdownHooks.push(hook);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export async function isPortFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * The environment every n8n process gets. `brokerPort` is the task runner broker's port: n8n's default (5679) is
 * fixed, so two n8n processes at the same time (demo + e2e, two e2e runs) would collide without it. This module
 * always passes a free one.
 */
export function n8nEnv(userFolder: string, port: number, brokerPort = port + 1): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.NODE_OPTIONS; // never leak the parent's loaders (ts-node) into Node 24
	return {
		...env,
		PATH: `${NODE_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false', // no survey pop-up after the demo login
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// `info` is the lowest level at which `n8n execute` still prints its run JSON. (N8N_RUNNERS_ENABLED is
		// obsolete in 2.x: runners are always on, and n8n warns when the variable is set.)
		N8N_LOG_LEVEL: 'info',
	};
}

export interface CommandResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	logFile: string;
}

function logFileFor(userFolder: string, label: string): string {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	return path.join(LOG_DIR, `${path.basename(userFolder)}-${label}.log`);
}

function spawnN8n(userFolder: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
	const { node, n8n } = n8nPaths();
	if (!fs.existsSync(n8n)) throw new Error('n8n is not installed: call ensureN8n() first (or run scripts/install-n8n.sh)');
	const log = fs.createWriteStream(logFile);
	log.write(`$ n8n ${args.join(' ')}   (N8N_USER_FOLDER=${userFolder})\n`);
	const child = spawn(node, [n8n, ...args], { cwd: userFolder, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	installExitHandlers();
	children.add(child);
	child.stdout?.pipe(log, { end: false });
	child.stderr?.pipe(log, { end: false });
	child.on('close', () => {
		children.delete(child);
		log.end();
	});
	return child;
}

/** Runs one n8n CLI command to completion. Never rejects on a non-zero exit: callers decide. */
export async function runN8n(
	userFolder: string,
	args: string[],
	options: { label?: string; timeoutMs?: number } = {},
): Promise<CommandResult> {
	const started = Date.now();
	const logFile = logFileFor(userFolder, options.label ?? args[0].replace(/[^a-z0-9-]/gi, '-'));
	const env = n8nEnv(userFolder, await freePort(), await freePort());
	const child = spawnN8n(userFolder, args, env, logFile);
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk) => (stdout += chunk));
	child.stderr?.on('data', (chunk) => (stderr += chunk));
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs ?? 10 * 60_000);
	const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, sig) => resolve([code, sig]));
	});
	clearTimeout(timer);
	return { exitCode, signal, stdout, stderr, ms: Date.now() - started, logFile };
}

async function runN8nOrThrow(userFolder: string, args: string[], label?: string): Promise<CommandResult> {
	const result = await runN8n(userFolder, args, { label });
	if (result.exitCode !== 0) {
		throw new Error(`n8n ${args[0]} failed (exit ${result.exitCode ?? result.signal}); see ${result.logFile}`);
	}
	return result;
}

// ---------------------------------------------------------------------------------------------------------------
// User folders, credentials, workflows.

/**
 * Creates a fresh N8N_USER_FOLDER with the given packages (default: all four) installed from their packed tarballs
 * the way n8n 2.41.1 installs a community package (CommunityPackagesService.downloadPackage): unpack the tarball
 * into .n8n/nodes/node_modules/<package>, drop dev/peer/optional dependencies from its package.json, run
 * `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow --ignore-scripts=true
 * --package-lock=false` in it, and list it in .n8n/nodes/package.json. Node types are then named
 * `<package>.<node name>`, as users see them.
 * The unpacked package lives in a staging folder OUTSIDE the repository (symlinked in): Node resolves `require()`
 * from a file's real path upwards, and from inside the repository it would find the repository's node_modules (dev
 * dependencies, the dev copy of n8n-workflow) and hide packaging bugs. Outside it, a bare `require()` resolves only
 * as in a real install: the package's own dependencies (it has none), then n8n's modules (n8n puts them on NODE_PATH).
 */
export function createUserFolder(dir: string, packages: VendorPackage[] = vendorPackages()): string {
	removeUserFolder(dir);
	const nodesDir = path.join(dir, '.n8n', 'nodes');
	fs.mkdirSync(path.join(nodesDir, 'node_modules'), { recursive: true });
	const dependencies: Record<string, string> = {};
	for (const pkg of packages) {
		if (!fs.existsSync(pkg.tarball)) throw new Error(`${path.relative(ROOT, pkg.tarball)} is missing: run \`npm run build && npx gulp pack\``);
		const stage = path.join(stagingFolder(dir), pkg.name);
		fs.mkdirSync(stage, { recursive: true });
		run('tar', ['-xzf', pkg.tarball, '-C', stage, '--strip-components=1']);
		const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8'));
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
		fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
		// Outside the repository, so this project's .npmrc does not apply; the flags are n8n's own.
		run('npm', ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'], stage);
		fs.symlinkSync(stage, path.join(nodesDir, 'node_modules', pkg.name), 'dir');
		dependencies[pkg.name] = manifest.version;
	}
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, 2));
	return dir;
}

function run(command: string, args: string[], cwd?: string): void {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${result.stderr}`);
}

/** Deletes a user folder made by createUserFolder, with its staged packages. */
export function removeUserFolder(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.rmSync(stagingFolder(dir), { recursive: true, force: true });
}

function stagingFolder(userFolder: string): string {
	const hash = createHash('sha1').update(path.resolve(userFolder)).digest('hex').slice(0, 12);
	return path.join(os.tmpdir(), `n8n-nodes-eu-finance-installed-${hash}`);
}

/** Tarballs of the given packages that `gulp pack` has not written yet. */
export function missingTarballs(packages: VendorPackage[] = vendorPackages()): string[] {
	return packages.filter((pkg) => !fs.existsSync(pkg.tarball)).map((pkg) => path.relative(ROOT, pkg.tarball));
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain values; n8n encrypts them on import. */
	data: Record<string, unknown>;
}

export async function importCredentials(userFolder: string, credentials: CredentialImport[]): Promise<void> {
	if (credentials.length === 0) return;
	const file = path.join(userFolder, 'import-credentials.json');
	fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
	try {
		await runN8nOrThrow(userFolder, ['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true }); // plain secrets: do not leave them lying around
	}
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * n8n links an execution to its workflow only when the id has at most 21 characters (isWorkflowIdValid), and
 * execute-batch silently drops ids without a digit (it filters them with /\d+/).
 */
function assertWorkflowId(id: unknown): asserts id is string {
	if (typeof id !== 'string' || !/^[A-Za-z0-9]{1,21}$/.test(id) || !/\d/.test(id)) {
		throw new Error(`workflow id ${JSON.stringify(id)} must be 1-21 letters/digits and contain a digit`);
	}
}

/** Imports workflows with their fixed ids in one n8n process (`import:workflow --separate`). */
export async function importWorkflows(userFolder: string, workflows: WorkflowJson[]): Promise<void> {
	if (workflows.length === 0) return;
	const dir = path.join(userFolder, 'import-workflows');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir);
	for (const workflow of workflows) {
		assertWorkflowId(workflow.id);
		fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify({ active: false, settings: {}, ...workflow }));
	}
	await runN8nOrThrow(userFolder, ['import:workflow', '--separate', `--input=${dir}`]);
	fs.rmSync(dir, { recursive: true, force: true });
}

/** The example workflows of the given packages (packages/<name>/examples/*.json), by package then file name. */
export function exampleWorkflows(packages: VendorPackage[] = vendorPackages()): Array<{ packageName: string; file: string; workflow: WorkflowJson }> {
	return packages.flatMap((pkg) => {
		const dir = path.join(pkg.dir, 'examples');
		return fs.existsSync(dir) ? readWorkflowFiles(dir).map((example) => ({ packageName: pkg.name, ...example })) : [];
	});
}

/** The workflow JSON files of a folder (e.g. packages/<name>/examples), sorted by file name. */
export function readWorkflowFiles(dir: string): Array<{ file: string; workflow: WorkflowJson }> {
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson }));
}

/** Node type names n8n loads for this user folder (headless, `n8n export:nodes`). */
export async function exportNodeTypes(userFolder: string): Promise<string[]> {
	const file = path.join(userFolder, 'node-types.json');
	await runN8nOrThrow(userFolder, ['export:nodes', `--output=${file}`]);
	const types = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ name: string }>;
	fs.rmSync(file, { force: true });
	return types.map((type) => type.name);
}

// ---------------------------------------------------------------------------------------------------------------
// Executing workflows.

export interface NodeError {
	message?: string;
	description?: string;
	httpCode?: string;
	name?: string;
	[key: string]: unknown;
}

export interface WorkflowRun {
	workflowId: string;
	/** n8n's execution status: 'success', 'error', 'crashed', ... or 'missing' when no execution was recorded. */
	status: string;
	ok: boolean;
	/** { data: IRunExecutionData, mode, status, startedAt, stoppedAt } as n8n stores it. */
	run: any;
	runData: Record<string, any[]>;
	/** JSON of the items a node emitted (first run, output 0 unless given); [] when it did not run. */
	output(nodeName: string, outputIndex?: number, runIndex?: number): any[];
	/** The error of a node, or of the whole execution when no node name is given. */
	error(nodeName?: string): NodeError | undefined;
	exitCode: number | null;
	stdout: string;
	stderr: string;
	ms: number;
	logFile: string;
}

function toWorkflowRun(workflowId: string, run: any, command: CommandResult, ms = command.ms, fallbackError?: string): WorkflowRun {
	const status: string = run?.status ?? 'missing';
	const runData: Record<string, any[]> = run?.data?.resultData?.runData ?? {};
	return {
		workflowId,
		status,
		ok: status === 'success',
		run,
		runData,
		output: (nodeName, outputIndex = 0, runIndex = 0) =>
			(runData[nodeName]?.[runIndex]?.data?.main?.[outputIndex] ?? []).map((item: { json: unknown }) => item.json),
		error: (nodeName) =>
			nodeName === undefined
				? (run?.data?.resultData?.error ?? (fallbackError === undefined ? undefined : { message: fallbackError }))
				: runData[nodeName]?.[0]?.error,
		exitCode: command.exitCode,
		stdout: command.stdout,
		stderr: command.stderr,
		ms,
		logFile: command.logFile,
	};
}

/**
 * `n8n execute --id` (one process, ~2.5 s warm). It prints log lines and then the run JSON, pretty-printed: the JSON
 * starts at the first line that is exactly `{` and ends at the next line that is exactly `}`.
 */
export async function executeWorkflow(userFolder: string, workflowId: string): Promise<WorkflowRun> {
	assertWorkflowId(workflowId);
	const command = await runN8n(userFolder, ['execute', `--id=${workflowId}`], { label: `execute-${workflowId}` });
	return toWorkflowRun(workflowId, parsePrintedJson(command.stdout), command);
}

/** n8n's commands print log lines, then pretty-printed JSON from a line `{` to the next line `}`. */
function parsePrintedJson(stdout: string): any {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = start < 0 ? -1 : lines.indexOf('}', start);
	try {
		return end > start ? JSON.parse(lines.slice(start, end + 1).join('\n')) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Executes many workflows in ONE n8n process (`n8n execute-batch`), then reads each run from n8n's database.
 * execute-batch only reports an error string for failed workflows, but n8n stores every execution (success and
 * error) with its full run data, so the database is the one source for both.
 * --retries=0: the default (1) silently re-runs failed workflows, which would repeat side effects on sandboxes.
 * Its exit code is unreliable: with any failed workflow it exits through process.exit(1) and may segfault (139).
 */
export async function executeWorkflows(userFolder: string, workflowIds: string[]): Promise<Map<string, WorkflowRun>> {
	workflowIds.forEach((id) => assertWorkflowId(id));
	const [{ lastId }] = await queryDatabase(userFolder, 'SELECT COALESCE(MAX(id), 0) AS lastId FROM execution_entity');
	const command = await runN8n(
		userFolder,
		['execute-batch', `--ids=${workflowIds.join(',')}`, '--retries=0', '--concurrency=1', '--shortOutput'],
		{ timeoutMs: 30 * 60_000 }, // n8n itself gives each workflow at most 3 minutes
	);
	const executions = await queryDatabase(
		userFolder,
		`SELECT e.workflowId, e.status, e.mode, e.startedAt, e.stoppedAt, d.data
		 FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.id > ? ORDER BY e.id`,
		[lastId],
	);
	// Workflows n8n refused to start (e.g. no Manual Trigger) have no execution, only an error in the summary.
	const summary = parsePrintedJson(command.stdout) as { summary?: { errors?: Array<{ workflowId: string; error: string }> } };
	const summaryErrors = new Map((summary?.summary?.errors ?? []).map((e) => [e.workflowId, e.error]));
	const runs = new Map<string, WorkflowRun>();
	for (const id of workflowIds) {
		const execution = executions.filter((e) => e.workflowId === id).pop();
		// SQLite holds UTC times like "2026-11-23 10:57:15.774"; make them ISO so Date.parse reads them as UTC.
		if (execution) for (const key of ['startedAt', 'stoppedAt']) execution[key] &&= `${execution[key].replace(' ', 'T')}Z`;
		const ms = execution ? Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt) : 0;
		const fallback = summaryErrors.get(id) ?? (execution ? undefined : `no execution recorded; see ${command.logFile}`);
		runs.set(id, toWorkflowRun(id, execution, command, Number.isFinite(ms) ? ms : 0, fallback));
	}
	return runs;
}

/**
 * Runs a read-only SQL query on a user folder's n8n database (SQLite) in Node 24, which has node:sqlite built in.
 * A `data` column is decoded with n8n's own copy of `flatted`, the format n8n stores execution data in.
 */
export async function queryDatabase(userFolder: string, sql: string, params: Array<string | number> = []): Promise<any[]> {
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const { parse } = require(${JSON.stringify(path.join(N8N_MODULES, 'flatted'))});
		const [file, sql, params] = process.argv.slice(1);
		const rows = new DatabaseSync(file, { readOnly: true }).prepare(sql).all(...JSON.parse(params));
		process.stdout.write(JSON.stringify(rows.map((r) => (typeof r.data === 'string' ? { ...r, data: parse(r.data) } : r))));`;
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	const child = spawn(n8nPaths().node, ['--no-warnings', '-e', script, db, sql, JSON.stringify(params)], { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk) => (out += chunk));
	child.stderr.on('data', (chunk) => (err += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error(`query on ${db} failed: ${err.trim()}`);
	return JSON.parse(out);
}

// ---------------------------------------------------------------------------------------------------------------
// n8n as a server.

export interface RunningN8n {
	url: string;
	logFile: string;
	/** Resolves with the exit code (or signal) when the n8n process ends, for whatever reason. */
	exited: Promise<number | string | null>;
	stop(): Promise<void>;
}

export class PortInUseError extends Error {}

/** Starts `n8n start` on 127.0.0.1:port and waits until /healthz/readiness answers 200. */
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
			const res = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (res.ok) return { url, logFile, exited, stop };
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
 * of n8nEnv(), and waits until it is ready: `ready: 'http'` polls /healthz/readiness on `port` (for `start`), a
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
				const res = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
				if (res.ok) return running;
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

async function restCall(url: string, init: { method?: string; body?: string; headers?: Record<string, string> }): Promise<Response> {
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
 * Runs a workflow the way the editor's "Execute workflow" button does (manual mode, from the given trigger), and
 * waits for it. Unlike `n8n execute`, this can start at any trigger: a polling trigger then returns its sample.
 */
export async function runWorkflowManually(
	url: string,
	cookie: string,
	workflowId: string,
	triggerName: string,
	options: { timeoutMs?: number; logFile?: string } = {},
): Promise<WorkflowRun> {
	const started = Date.now();
	const res = await restCall(`${url}/rest/workflows/${workflowId}/run`, {
		method: 'POST',
		headers: { cookie },
		body: JSON.stringify({ triggerToStartFrom: { name: triggerName } }),
	});
	const { executionId } = ((await res.json()) as { data: { executionId: string } }).data;
	const deadline = started + (options.timeoutMs ?? 120_000);
	let execution: any;
	do {
		await sleep(150);
		execution = ((await (await restCall(`${url}/rest/executions/${executionId}`, { headers: { cookie } })).json()) as any).data;
	} while (['new', 'running', 'unknown'].includes(execution?.status) && Date.now() < deadline);
	// Execution data comes in n8n's `flatted` encoding; n8n's own copy decodes it (plain JS, any Node version).
	const { parse } = require(path.join(N8N_MODULES, 'flatted')) as { parse(text: string): unknown };
	const run = { ...execution, data: typeof execution?.data === 'string' ? parse(execution.data) : execution?.data };
	const command = { exitCode: null, signal: null, stdout: '', stderr: '', ms: Date.now() - started, logFile: options.logFile ?? '' };
	const ms = Date.parse(run.stoppedAt) - Date.parse(run.startedAt);
	return toWorkflowRun(workflowId, run, command, Number.isFinite(ms) ? ms : command.ms);
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

// ---------------------------------------------------------------------------------------------------------------
// The demo instance: one start-up path for `npm start`, `npm run screenshots` and `npm run test:ui`.

export interface DemoInstanceOptions {
	/** The user folder, under .runtime/ (recreated): 'demo-user', 'ui-user', 'screenshots-user'. */
	userFolderName: string;
	/** The sandboxes on their fixed demo ports (npm start) or on random ones. */
	sandboxPorts: 'demo' | 'random';
	/** n8n's port; a free one when not given. */
	port?: number;
	owner: OwnerAccount;
	/** Progress lines (the demo prints them). */
	log?: (message: string) => void;
}

export interface DemoInstance {
	n8n: RunningN8n;
	url: string;
	userFolder: string;
	owner: OwnerAccount;
	/** The owner's session (`Cookie` header value) for n8n's REST API. */
	cookie: string;
	sandboxes: import('./sandboxes').StartedSandbox[];
	placeholders: Record<string, string>;
	/** Every package's example workflows with the sandboxes' placeholders filled in, as imported. */
	examples: Array<{ packageName: string; file: string; workflow: WorkflowJson }>;
	/** Milliseconds per start-up step (sandboxes, packages, imports, n8n start, owner). */
	timings: Record<string, number>;
	/** Stops n8n and the sandboxes and deletes the user folder (also registered to run on Ctrl-C). */
	stop(): Promise<void>;
}

/**
 * Copies the packed tarballs to `dir` and returns the packages pointing at the copies, so a build started meanwhile
 * (it deletes .build/tarballs) cannot pull them away during the install. When a tarball is missing or incomplete
 * (a build in progress) it waits up to 10 minutes for them, and for a shared build lock when builds take one (a
 * file named by EU_FINANCE_BUILD_LOCK, default /tmp/eu-finance-build.lock, when it exists).
 */
export function snapshotTarballs(dir: string, packages: VendorPackage[] = vendorPackages()): VendorPackage[] {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const lock = process.env.EU_FINANCE_BUILD_LOCK ?? '/tmp/eu-finance-build.lock';
	const copies = packages.map((pkg) => ({ ...pkg, tarball: path.join(dir, path.basename(pkg.tarball)) }));
	const sources = packages.map((pkg) => pkg.tarball);
	// Complete tarballs are taken as they are; only when one is missing or cut short (a pack in progress) does the
	// copy wait for the build lock.
	const intact = () => copies.every((pkg) => spawnSync('tar', ['-tzf', pkg.tarball], { stdio: 'ignore' }).status === 0);
	let copy = spawnSync('cp', [...sources, dir], { encoding: 'utf8' });
	// A build in progress (with or without the lock; it touches .build/) writes them again within minutes.
	const building = () => fs.existsSync(lock) || Date.now() - (fs.statSync(path.dirname(TARBALLS_DIR), { throwIfNoEntry: false })?.mtimeMs ?? 0) < 600_000;
	for (const deadline = Date.now() + 600_000; (copy.status !== 0 || !intact()) && building() && Date.now() < deadline; ) {
		if (fs.existsSync(lock)) spawnSync('flock', ['-w', '600', lock, 'true']);
		if (missingTarballs(packages).length) spawnSync('sleep', ['2']);
		copy = spawnSync('cp', [...sources, dir], { encoding: 'utf8' });
	}
	if (copy.status !== 0 || !intact()) {
		const missing = missingTarballs(packages);
		throw new Error(missing.length ? `not packed yet: ${missing.join(', ')} (run \`npm run build && npx gulp pack\`)` : `copying the tarballs failed: ${copy.stderr}`);
	}
	return copies;
}

/**
 * Starts the vendor sandboxes and a fresh n8n 2.41.1 with the four packed tarballs installed the way n8n installs
 * community packages, one sandbox credential per vendor and every package's example workflows imported, and an
 * owner account set up and logged in.
 */
export async function startDemoInstance(options: DemoInstanceOptions): Promise<DemoInstance> {
	const { startSandboxes, closeSandboxes, allPlaceholders, fillPlaceholders } = await import('./sandboxes');
	const log = options.log ?? (() => undefined);
	const timings: Record<string, number> = {};
	const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			timings[name] = Date.now() - started;
		}
	};
	ensureN8n();
	// startN8n checks the port too, but only after the sandboxes and imports: fail before doing any of that.
	if (options.port !== undefined && !(await isPortFree(options.port))) {
		throw new PortInUseError(`port ${options.port} on 127.0.0.1 is already in use (another n8n or demo?). Stop it and try again.`);
	}
	const userFolder = path.join(RUNTIME_DIR, options.userFolderName);
	const tarballs = path.join(RUNTIME_DIR, `${options.userFolderName}-tarballs`);
	await step('packages', () => createUserFolder(userFolder, snapshotTarballs(tarballs)));
	const sandboxes = await step('sandboxes', () => startSandboxes(options.sandboxPorts));
	let n8n: RunningN8n | undefined;
	let stopped: Promise<void> | undefined;
	const stop = () =>
		(stopped ??= (async () => {
			await n8n?.stop();
			await closeSandboxes(sandboxes);
			removeUserFolder(userFolder);
			fs.rmSync(tarballs, { recursive: true, force: true });
		})());
	onShutdown(stop);
	try {
		const placeholders = allPlaceholders(sandboxes);
		const examples = exampleWorkflows().map((example) => ({ ...example, workflow: fillPlaceholders(example.workflow, placeholders, example.file) }));
		log('importing sandbox credentials and example workflows...');
		await step('credentials', () => importCredentials(userFolder, sandboxes.map((sandbox) => sandbox.credential)));
		await step('workflows', () => importWorkflows(userFolder, examples.map((example) => example.workflow)));
		log('starting n8n (about 10 s)...');
		n8n = await step('n8n start', async () => startN8n(userFolder, options.port ?? (await freePort())));
		const running = n8n;
		const cookie = await step('owner', async () => {
			await setupOwner(running.url, options.owner);
			return await login(running.url, options.owner.email, options.owner.password);
		});
		return { n8n, url: n8n.url, userFolder, owner: options.owner, cookie, sandboxes, placeholders, examples, timings, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

// ---------------------------------------------------------------------------------------------------------------
// n8n's editor in a browser (Debian's Chromium driven by playwright-core): `npm run screenshots`, `npm run test:ui`.

/** Installs Debian's chromium when missing (scripts/install-chromium.sh) and launches it headless (UI_HEADED=1 shows it). */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
	const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-chromium.sh')], { stdio: 'inherit' });
	if (install.status !== 0) throw new Error('scripts/install-chromium.sh failed');
	const { chromium } = await import('playwright-core');
	return await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: !process.env.UI_HEADED,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			// Several pages work at once: none of them may be slowed down as a background tab.
			'--disable-renderer-backgrounding',
			'--disable-background-timer-throttling',
			'--disable-backgrounding-occluded-windows',
		],
	});
}

/** The editor's page size for every picture (README pictures and the browser test's). */
export const EDITOR_VIEWPORT = { width: 1440, height: 900 };

/** Signs in on n8n's sign-in page as a user does. */
export async function signIn(page: import('playwright-core').Page, url: string, owner: OwnerAccount): Promise<void> {
	// The editor's first load (a few MB of scripts) is slow on a busy machine.
	await page.goto(`${url}/signin`, { timeout: 90_000 });
	await page.locator('input[type="email"]').fill(owner.email);
	await page.locator('input[type="password"]').fill(owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 60_000 });
}
