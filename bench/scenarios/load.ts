/**
 * 5. Load: cold load of the whole package in a fresh node process (every node and credential file package.json
 * names, as n8n's loader requires them), above the n8n-workflow and zod that n8n has loaded anyway; real n8n
 * 2.41.1's start-up (until /healthz/readiness) with the package installed and without; and dist/'s size.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createUserFolder, ensureN8n, freePort, removeUserFolder, vendorPackages } from '../../scripts/n8n-runtime';
import { startN8n } from '../../scripts/n8n-server';
import { median } from '../measure';
import { ratio, type ResultRow } from '../report';

const ROOT = join(__dirname, '..', '..');
const ROUNDS = 7;
const N8N_STARTS = 3;

/**
 * Start-up of real n8n until it is ready, with this package installed as a community package and without, in
 * alternating order after one start of each (the first start migrates the database). Milliseconds, medians.
 */
async function n8nStartup(): Promise<{ withPackage: number; without: number }> {
	ensureN8n();
	const folders = { withPackage: createUserFolder(join(tmpdir(), 'eu-finance-bench-n8n-with')), without: join(tmpdir(), 'eu-finance-bench-n8n-without') };
	removeUserFolder(folders.without);
	mkdirSync(folders.without, { recursive: true });
	const timed: Record<keyof typeof folders, number[]> = { withPackage: [], without: [] };
	try {
		for (let round = 0; round <= N8N_STARTS; round++) {
			const order = (round % 2 ? ['without', 'withPackage'] : ['withPackage', 'without']) as Array<keyof typeof folders>;
			for (const name of order) {
				const started = Date.now();
				const n8n = await startN8n(folders[name], await freePort());
				const ms = Date.now() - started;
				await n8n.stop();
				if (round > 0) timed[name].push(ms);
			}
		}
	} finally {
		removeUserFolder(folders.withPackage);
		removeUserFolder(folders.without);
	}
	return { withPackage: median(timed.withPackage), without: median(timed.without) };
}

/** Milliseconds spent requiring `files` in a fresh process, after `preload` was required. */
function coldRequireMs(files: string[], preload: string[]): number {
	const script = `
		for (const name of ${JSON.stringify(preload)}) require(name);
		const started = process.hrtime.bigint();
		for (const file of ${JSON.stringify(files)}) require(file);
		process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));`;
	const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
	if (child.status !== 0) throw new Error(`cold load failed: ${child.stderr}`);
	return Number(child.stdout);
}

function directorySize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			const inner = directorySize(path);
			bytes += inner.bytes;
			files += inner.files;
		} else {
			bytes += statSync(path).size;
			files++;
		}
	}
	return { bytes, files };
}

export async function loadScenario(log: (line: string) => void): Promise<ResultRow[]> {
	const packages = vendorPackages();
	const manifest = { n8n: { nodes: packages.flatMap((pkg) => pkg.json.n8n.nodes), credentials: packages.flatMap((pkg) => pkg.json.n8n.credentials) } };
	const files = packages.flatMap((pkg) => [...pkg.json.n8n.nodes, ...pkg.json.n8n.credentials].map((file) => join(pkg.dir, file)));
	const withDependencies = median(Array.from({ length: ROUNDS }, () => coldRequireMs(files, [])));
	const packageOnly = median(Array.from({ length: ROUNDS }, () => coldRequireMs(files, ['n8n-workflow', 'zod'])));
	const dependenciesOnly = median(Array.from({ length: ROUNDS }, () => coldRequireMs(['n8n-workflow', 'zod'], [])));
	const startup = await n8nStartup();
	log(`n8n start-up: ${(startup.withPackage / 1000).toFixed(2)} s with the package, ${(startup.without / 1000).toFixed(2)} s without`);
	const dists = packages.map((pkg) => directorySize(join(pkg.dir, 'dist')));
	const dist = { bytes: dists.reduce((sum, d) => sum + d.bytes, 0), files: dists.reduce((sum, d) => sum + d.files, 0) };
	const js = packages.flatMap((pkg) => readdirSync(join(pkg.dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')));
	log(`load: ${files.length} files, ${packageOnly.toFixed(0)} ms with n8n-workflow and zod loaded, ${withDependencies.toFixed(0)} ms from nothing (those two alone ${dependenciesOnly.toFixed(0)} ms); dist ${dist.files} files, ${(dist.bytes / 1024).toFixed(0)} KB`);
	const how = `fresh node ${process.version} process per run, median of ${ROUNDS}`;
	return [
		{
			figure: `Load: require all ${manifest.n8n.nodes.length} nodes and ${manifest.n8n.credentials.length} credentials (n8n-workflow and zod already loaded, as in n8n)`,
			ours: `${packageOnly.toFixed(0)} ms`,
			reference: `from nothing ${withDependencies.toFixed(0)} ms (n8n-workflow + zod alone ${dependenciesOnly.toFixed(0)} ms)`,
			ratio: '—',
			target: '—',
			verdict: '—',
			how,
		},
		{
			figure: 'Load: real n8n start-up until ready, with the package installed',
			ours: `${(startup.withPackage / 1000).toFixed(2)} s`,
			reference: `without the package ${(startup.without / 1000).toFixed(2)} s`,
			ratio: ratio(startup.withPackage, startup.without),
			target: '—',
			verdict: '—',
			how: `real n8n 2.41.1 (\`n8n start\`, Node 24), median of ${N8N_STARTS} alternating starts after one of each`,
		},
		{
			figure: 'Load: size of the four packages\' dist/ (npm run build)',
			ours: `${(dist.bytes / 1024).toFixed(0)} KB`,
			reference: `${dist.files} files, ${js.length} of them .js`,
			ratio: '—',
			target: '—',
			verdict: '—',
			how: 'file sizes summed',
		},
	];
}
