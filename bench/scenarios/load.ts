/**
 * 5. Load: cold load of the whole package in a fresh node process (every node and credential file package.json
 * names, as n8n's loader requires them), above the n8n-workflow and zod that n8n has loaded anyway; and dist/'s size.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { median } from '../measure';
import { type ResultRow } from '../report';

const ROOT = join(__dirname, '..', '..');
const ROUNDS = 7;

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
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const files = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => join(ROOT, file));
	const withDependencies = median(Array.from({ length: ROUNDS }, () => coldRequireMs(files, [])));
	const packageOnly = median(Array.from({ length: ROUNDS }, () => coldRequireMs(files, ['n8n-workflow', 'zod'])));
	const dependenciesOnly = median(Array.from({ length: ROUNDS }, () => coldRequireMs(['n8n-workflow', 'zod'], [])));
	const dist = directorySize(join(ROOT, 'dist'));
	const js = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
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
			figure: 'Load: size of dist/ (npm run build)',
			ours: `${(dist.bytes / 1024).toFixed(0)} KB`,
			reference: `${dist.files} files, ${js.length} of them .js`,
			ratio: '—',
			target: '—',
			verdict: '—',
			how: 'file sizes summed',
		},
	];
}
