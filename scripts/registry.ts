/**
 * A local npm registry (verdaccio, from npm) on loopback, the way n8n's own end-to-end tests publish community
 * packages before installing them through n8n's installer. No uplinks: nothing is fetched from or sent to another
 * registry. Storage, users and config live in a temporary folder that is removed when the registry stops.
 * Verdaccio is installed once into .runtime/verdaccio (pinned; about 30 s, 64 MB) and runs under n8n's Node 24.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureN8n, freePort, LOG_DIR, onShutdown, run, RUNTIME_DIR, sleep } from './n8n-runtime';

const VERDACCIO_VERSION = '6.10.4';
const VERDACCIO_DIR = path.join(RUNTIME_DIR, 'verdaccio');
const VERDACCIO_BIN = path.join(VERDACCIO_DIR, 'node_modules', 'verdaccio', 'bin', 'verdaccio');

export interface LocalRegistry {
	/** e.g. http://127.0.0.1:41873 (no trailing slash) */
	url: string;
	logFile: string;
	/** Publishes a packed tarball (`npm publish <file>`), as its author would. */
	publish(tarball: string): void;
	/** Publishes the tarball's package under another version (a patch release of the same code). */
	publishAs(tarball: string, version: string): void;
	stop(): Promise<void>;
}

/** Installs verdaccio into .runtime/verdaccio unless that version is there. */
export function ensureVerdaccio(): void {
	const manifest = path.join(VERDACCIO_DIR, 'node_modules', 'verdaccio', 'package.json');
	if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).version === VERDACCIO_VERSION) return;
	console.log(`[registry] installing verdaccio ${VERDACCIO_VERSION} into ${path.relative(process.cwd(), VERDACCIO_DIR)} (about 30 s)...`);
	const result = spawnSync('npm', ['install', '--prefix', VERDACCIO_DIR, '--no-audit', '--no-fund', '--loglevel=error', `verdaccio@${VERDACCIO_VERSION}`], {
		encoding: 'utf8',
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0) throw new Error(`installing verdaccio failed (exit ${result.status ?? result.signal})`);
}

function configYaml(storage: string, htpasswd: string, port: number): string {
	return [
		`storage: ${storage}`,
		'auth:',
		'  htpasswd:',
		`    file: ${htpasswd}`,
		'    max_users: 100',
		// No uplinks: packages we do not publish are unknown here, and nothing leaves the machine.
		'uplinks: {}',
		'packages:',
		"  '**':",
		'    access: $all',
		'    publish: $authenticated',
		'    unpublish: $authenticated',
		'server:',
		'  keepAliveTimeout: 60',
		`listen: 127.0.0.1:${port}`,
		'max_body_size: 50mb',
		'log: { type: stdout, format: pretty, level: warn }',
		'',
	].join('\n');
}

/** Starts verdaccio on a free loopback port with a user to publish as; resolves once it answers. */
export async function startRegistry(): Promise<LocalRegistry> {
	ensureVerdaccio();
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-eu-finance-registry-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const configFile = path.join(home, 'config.yaml');
	fs.writeFileSync(configFile, configYaml(path.join(home, 'storage'), path.join(home, 'htpasswd'), port));
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const logFile = path.join(LOG_DIR, `registry-${process.pid}.log`);
	const log = fs.openSync(logFile, 'w');
	// Verdaccio 6 needs Node 22+: it runs under the Node 24 installed for n8n.
	const child: ChildProcess = spawn(ensureN8n().node, [VERDACCIO_BIN, '--config', configFile], { stdio: ['ignore', log, log], detached: true });
	const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
		await exited;
		fs.closeSync(log);
		fs.rmSync(home, { recursive: true, force: true });
	};
	onShutdown(stop);

	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`verdaccio exited early (${child.exitCode}); see ${logFile}`);
		try {
			const res = await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(2000) });
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`verdaccio did not answer within 60 s; see ${logFile}`);
		}
		await sleep(200);
	}

	// A user to publish as (what `npm adduser` does), and an .npmrc with only this registry and its token.
	const user = { name: 'publisher', password: randomBytes(12).toString('hex') };
	const res = await fetch(`${url}/-/user/org.couchdb.user:${user.name}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: user.name, password: user.password, type: 'user', roles: [], date: new Date().toISOString() }),
	});
	const { token } = (await res.json()) as { token?: string };
	if (!res.ok || !token) throw new Error(`verdaccio refused the publishing user (${res.status}); see ${logFile}`);
	const npmrc = path.join(home, '.npmrc');
	fs.writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);

	// From the registry's folder, so neither the project's nor the machine's npm settings apply.
	const publish = (tarball: string) => run('npm', ['publish', path.resolve(tarball), `--userconfig=${npmrc}`, `--registry=${url}/`, '--loglevel=error'], home);
	return {
		url,
		logFile,
		publish,
		publishAs(tarball, version) {
			const work = fs.mkdtempSync(path.join(home, 'repack-'));
			run('tar', ['-xzf', path.resolve(tarball), '-C', work]);
			const manifestFile = path.join(work, 'package', 'package.json');
			const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
			fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, version }, null, 2));
			const repacked = path.join(home, `${manifest.name}-${version}.tgz`);
			run('tar', ['-czf', repacked, '-C', work, 'package']);
			publish(repacked);
		},
		stop,
	};
}
