/**
 * Drives the real, pinned n8n (2.41.1 under Node 24, installed by scripts/install-n8n.sh into .runtime/) headless.
 * Used by the demo (scripts/demo.ts), the e2e suite (test/e2e/run-e2e.ts) and benchmarks.
 *
 * Every n8n child process runs in its own process group, writes its output to .runtime/logs/, and is killed when
 * this process exits or receives SIGINT/SIGTERM. This module installs n8n and runs its CLI (user folders, imports,
 * executions); n8n-server.ts runs it as a server and talks to its REST API, demo-instance.ts starts the demo instance,
 * browser.ts opens its editor in Chromium. Measured facts behind the choices: /work/shared/notes/n8n-runtime-facts.md.
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
/** The n8n release the suites pin; `N8N_VERSION=<version>` drives another one (the compatibility matrix). */
export const PINNED_N8N_VERSION = '2.41.1';
export const N8N_VERSION = process.env.N8N_VERSION || PINNED_N8N_VERSION;
/** Where scripts/install-n8n.sh put that release: .runtime/n8n for the pinned one, .runtime/n8n-<version> otherwise. */
const N8N_DIR = path.join(RUNTIME_DIR, N8N_VERSION === PINNED_N8N_VERSION ? 'n8n' : `n8n-${N8N_VERSION}`);
export const N8N_MODULES = path.join(N8N_DIR, 'node_modules');

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
		if (!fs.existsSync(file)) throw new Error(`${file} is missing after install-n8n.sh; delete ${path.relative(ROOT, N8N_DIR)} and retry`);
	}
	return paths;
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes: tracked, logged, killed with us.

const children = new Set<ChildProcess>();
const shutdownHooks: Array<() => unknown> = [];
let handlersInstalled = false;
let shuttingDown = false;

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
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

export function logFileFor(userFolder: string, label: string): string {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	return path.join(LOG_DIR, `${path.basename(userFolder)}-${label}.log`);
}

export function spawnN8n(userFolder: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
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

export async function runN8nOrThrow(userFolder: string, args: string[], label?: string): Promise<CommandResult> {
	const result = await runN8n(userFolder, args, { label });
	if (result.exitCode !== 0) {
		throw new Error(`n8n ${args[0]} failed (exit ${result.exitCode ?? result.signal}); see ${result.logFile}`);
	}
	return result;
}

// ---------------------------------------------------------------------------------------------------------------
// User folders and credentials (workflow files: workflow-files.ts).

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

/** Runs a command to completion; throws with its stderr when it fails. */
export function run(command: string, args: string[], cwd?: string): void {
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

/**
 * n8n links an execution to its workflow only when the id has at most 21 characters (isWorkflowIdValid), and
 * execute-batch silently drops ids without a digit (it filters them with /\d+/).
 */
export function assertWorkflowId(id: unknown): asserts id is string {
	if (typeof id !== 'string' || !/^[A-Za-z0-9]{1,21}$/.test(id) || !/\d/.test(id)) {
		throw new Error(`workflow id ${JSON.stringify(id)} must be 1-21 letters/digits and contain a digit`);
	}
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

export function toWorkflowRun(workflowId: string, run: any, command: CommandResult, ms = command.ms, fallbackError?: string): WorkflowRun {
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
