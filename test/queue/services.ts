/**
 * The real parts of n8n's queue mode, started and stopped by the suite: PostgreSQL (own data directory and port,
 * initdb + postgres) and Redis (own directory and port). Both from Debian; scripts/install-queue-deps.sh installs
 * what is missing and says where the binaries are. Loopback only. Every process is stopped when the suite ends,
 * fails or is interrupted (SIGINT/SIGTERM hooks and a last-resort `exit` handler).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, freePort, onShutdown, sleep } from '../../scripts/n8n-runtime';

export interface QueueDeps {
	pgBin: string;
	redisServer: string;
}

/** Runs scripts/install-queue-deps.sh (apt-get install only when something is missing). */
export function ensureQueueDeps(): QueueDeps {
	const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-queue-deps.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) throw new Error(`scripts/install-queue-deps.sh failed (exit ${result.status ?? result.signal})`);
	const value = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(result.stdout)?.[1]?.trim();
	const pgBin = value('PG_BIN');
	const redisServer = value('REDIS_SERVER');
	if (!pgBin || !redisServer) throw new Error(`install-queue-deps.sh did not name PG_BIN and REDIS_SERVER:\n${result.stdout}`);
	return { pgBin, redisServer };
}

// ---------------------------------------------------------------------------------------------------------------
// Processes of this module: killed on any exit path.

const started = new Set<ChildProcess>();
let exitHandler = false;

function track(child: ChildProcess, stopSignal: NodeJS.Signals): void {
	started.add(child);
	child.on('exit', () => started.delete(child));
	if (!exitHandler) {
		exitHandler = true;
		// Last resort (uncaught error, process.exit): nothing of ours keeps running. SIGQUIT = PostgreSQL's immediate stop.
		process.on('exit', () => started.forEach((c) => killGroup(c, 'SIGKILL')));
	}
	onShutdown(() => stopChild(child, stopSignal));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		child.kill(signal);
	}
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals, timeoutMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, signal);
	const killer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
	await exited;
	clearTimeout(killer);
}

/** PostgreSQL refuses to run as root: then initdb and postgres run as Debian's `postgres` user (setpriv, no shell). */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	if (process.getuid?.() !== 0) return [command, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]];
}

function runOrThrow(command: string, args: string[], what: string): string {
	const result = spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}): ${(result.stderr || result.stdout).trim().slice(0, 600)}`);
	return result.stdout;
}

async function waitFor(check: () => Promise<boolean>, what: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited early (${child.exitCode ?? child.signalCode}); see ${logFile}`);
		if (await check().catch(() => false)) return;
		await sleep(100);
	}
	throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

function spawnLogged(command: string, args: string[], logFile: string, cwd: string): ChildProcess {
	const log = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	return child;
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

export interface RunningPostgres {
	port: number;
	user: string;
	database: string;
	/** Rows of a query as JSON (psql, `json_agg`); the SQL must be one SELECT. */
	query<T = Record<string, unknown>>(sql: string): T[];
	stop(): Promise<void>;
}

/**
 * initdb into `dir` (trust authentication, loopback only, no fsync: a throw-away test database), start postgres on
 * a free port and create the database `n8n`. ~3 s.
 */
export async function startPostgres(pgBin: string, projectDir: string, logFile: string): Promise<RunningPostgres> {
	// As root the cluster belongs to the postgres user, who must be able to reach it: a clone may sit in a folder only
	// root can enter (mktemp -d makes them 0700), so it then lives in a fresh folder of the system's temp directory.
	const asRoot = process.getuid?.() === 0;
	const dir = asRoot ? fs.mkdtempSync(path.join(os.tmpdir(), 'eu-finance-pg-')) : projectDir;
	const dataDir = path.join(dir, 'data');
	if (!asRoot) fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
	fs.chmodSync(dir, 0o755);
	fs.mkdirSync(dataDir, { mode: 0o700 });
	if (asRoot) {
		const ids = runOrThrow('id', ['-u', 'postgres'], 'id -u postgres').trim();
		const gid = runOrThrow('id', ['-g', 'postgres'], 'id -g postgres').trim();
		fs.chownSync(dir, Number(ids), Number(gid));
		fs.chownSync(dataDir, Number(ids), Number(gid));
	}
	const user = 'postgres';
	runOrThrow(...asPostgresUser(path.join(pgBin, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']), 'initdb');
	const port = await freePort();
	const settings = {
		listen_addresses: '127.0.0.1',
		port: String(port),
		unix_socket_directories: dir,
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		max_connections: '100',
		shared_buffers: '64MB',
	};
	const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
	const child = spawnLogged(...asPostgresUser(path.join(pgBin, 'postgres'), args), logFile, dir);
	track(child, 'SIGINT'); // SIGINT = PostgreSQL's "fast" shutdown
	const psql = fs.existsSync(path.join(pgBin, 'psql')) ? path.join(pgBin, 'psql') : 'psql';
	const psqlArgs = (database: string) => ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'];
	await waitFor(async () => spawnSync(psql, [...psqlArgs('postgres'), '-c', 'SELECT 1'], { encoding: 'utf8' }).status === 0, 'postgres', child, logFile);
	runOrThrow(psql, [...psqlArgs('postgres'), '-c', 'CREATE DATABASE n8n'], 'CREATE DATABASE n8n');
	return {
		port,
		user,
		database: 'n8n',
		query: <T>(sql: string) => {
			const out = runOrThrow(psql, [...psqlArgs('n8n'), '-c', `SELECT COALESCE(json_agg(q), '[]'::json) FROM (${sql}) q`], 'psql').trim();
			return JSON.parse(out) as T[];
		},
		stop: async () => {
			await stopChild(child, 'SIGINT');
			if (asRoot) fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Redis

export interface RunningRedis {
	port: number;
	stop(): Promise<void>;
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk;
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

/** redis-server on a free loopback port with its own directory; no persistence (a queue for one test run). */
export async function startRedis(redisServer: string, dir: string, logFile: string): Promise<RunningRedis> {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--daemonize', 'no'];
	const child = spawnLogged(redisServer, args, logFile, dir);
	track(child, 'SIGTERM');
	await waitFor(() => redisPing(port), 'redis-server', child, logFile);
	return { port, stop: () => stopChild(child, 'SIGTERM') };
}
