#!/usr/bin/env node
// Runs before `npm start` / `npm test` / `npm run test:e2e` on a fresh clone: installs the dev tree when it is
// missing or older than package-lock.json. Plain Node built-ins only, because nothing else is installed yet.
// npm writes node_modules/.package-lock.json at the end of every install, so its mtime says when the tree
// was last brought in line with the lockfile.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mtime = (p) => {
	try {
		return statSync(join(root, p)).mtimeMs;
	} catch {
		return undefined;
	}
};

const lock = mtime('package-lock.json');
const installed = mtime('node_modules/.package-lock.json');
const reason =
	installed === undefined
		? 'node_modules is missing'
		: lock !== undefined && installed < lock
			? 'package-lock.json is newer than node_modules'
			: undefined;

if (reason) {
	// .npmrc sets ignore-scripts=true and yes=true (see the comment there). --loglevel=error: otherwise npm warns
	// at length that isolated-vm wants Node 24, which does not matter with its install script skipped.
	console.log(`[ensure-deps] ${reason}: running npm ci (20-60 s)...`);
	const started = Date.now();
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`[ensure-deps] npm ci failed (exit ${result.status ?? result.signal}).`);
		process.exit(result.status || 1);
	}
	console.log(`[ensure-deps] dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
