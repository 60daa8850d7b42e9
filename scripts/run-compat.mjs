// `npm run test:compat [-- <version> ...]`: the compatibility matrix. For each n8n version, installs it once into
// .runtime/n8n-<version> (scripts/install-n8n.sh; the pinned one is .runtime/n8n) and runs the e2e suite's
// all-packages run (the four packages installed by n8n's installer from the local registry) plus the package's
// install / update / uninstall / reinstall run, then prints one table: version × install, cases passed / failed.
// A version that cannot be installed from the registry this machine reaches is a row saying why.
// `--skip-pinned` (CI) leaves out the pinned release: `npm run test:e2e` runs the same two runs on it just before.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The newest 1.x, the oldest 2.x, the pinned 2.x and the newest 2.x published (npm view n8n versions, 2026-12-05).
const MATRIX = ['1.123.81', '2.0.0', '2.41.1', '2.41.3'];
const PINNED = '2.41.1'; // scripts/n8n-runtime.ts PINNED_N8N_VERSION
const args = process.argv.slice(2);
const skipPinned = args.includes('--skip-pinned');
const named = args.filter((arg) => arg !== '--skip-pinned');
const versions = (named.length ? named : MATRIX).filter((version) => !(skipPinned && version === PINNED));
if (skipPinned) console.log(`[compat] n8n ${PINNED} (pinned) is left out: npm run test:e2e runs the same all-packages and lifecycle runs on it`);

/**
 * Installs every version at once (npm's downloads and unpacking overlap; nothing timed runs meanwhile), each into
 * its own folder, its output prefixed with its version. Resolves with each version's exit code and stderr.
 */
function installAll(list) {
	return Promise.all(
		list.map(
			(version) =>
				new Promise((resolve) => {
					const child = spawn('bash', [join(root, 'scripts', 'install-n8n.sh')], { env: { ...process.env, N8N_VERSION: version }, stdio: ['ignore', 'pipe', 'pipe'] });
					let stderr = '';
					child.stdout.on('data', (chunk) => process.stdout.write(String(chunk).replace(/^(?=.)/gm, `[${version}] `)));
					child.stderr.on('data', (chunk) => (stderr += chunk));
					child.on('close', (status) => resolve({ version, status, stderr }));
				}),
		),
	);
}

const started = Date.now();
// Node 24 first, once: the parallel installs below all use it.
const node = spawnSync('bash', [join(root, 'scripts', 'install-n8n.sh')], { env: { ...process.env, INSTALL_NODE_ONLY: '1' }, stdio: 'inherit' });
if (node.status !== 0) process.exit(node.status ?? 1);
const installs = new Map((await installAll(versions)).map((result) => [result.version, result]));
console.log(`[compat] ${versions.length} n8n versions installed or found in ${((Date.now() - started) / 1000).toFixed(0)} s (in parallel)`);

const rows = [];
for (const version of versions) {
	const env = { ...process.env, N8N_VERSION: version, E2E_TOGETHER_ONLY: '1' };
	console.log(`\n=== n8n ${version} ===`);
	const started = Date.now();
	const install = installs.get(version);
	if (install.status !== 0) {
		const reason = (install.stderr.match(/npm error notarget No matching[^\n]*/) ?? install.stderr.match(/npm error [^\n]*ENOTFOUND[^\n]*|npm error code [A-Z]+/) ?? ['install failed'])[0];
		console.log(reason);
		rows.push({ version, install: `no: ${reason.replace(/^npm error /, '')}`, together: '—', lifecycle: '—', failedCases: [], ms: Date.now() - started });
		continue;
	}
	const e2e = spawnSync('node', [join(root, 'test', 'e2e', 'run-e2e.mjs')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
	process.stdout.write(e2e.stdout);
	const table = e2e.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| e2e run') && !line.startsWith('| ---'));
	const cell = (prefix) => {
		const row = table.find((line) => line.startsWith(`| ${prefix}`));
		if (!row) return 'did not run';
		const [, , passed, failed] = row.split('|').map((part) => part.trim());
		return `${passed} passed, ${failed} failed`;
	};
	const failedCases = e2e.stdout.split('\n').filter((line) => /^ {2}✗ {2}/.test(line)).map((line) => line.replace(/^ {2}✗ {2}/, '').replace(/\s+\[.*$/, '').slice(0, 90));
	rows.push({ version, install: 'yes', together: cell('all 4 packages together'), lifecycle: cell('n8n-nodes-'), failedCases, ms: Date.now() - started });
}

console.log('\n| n8n | installs here | 4 packages via n8n\'s installer: e2e cases | install / update / uninstall / reinstall | failed |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.version} | ${row.install} | ${row.together} | ${row.lifecycle} | ${row.failedCases.join('; ') || '—'} |`);
const bad = rows.filter((row) => row.install === 'yes' && row.failedCases.length > 0).length;
console.log(`\n${rows.length} versions: ${rows.filter((row) => row.install === 'yes').length} installed, ${bad} with failed cases`);
process.exit(bad ? 1 : 0);
