// Copies every package's dist/ (after `npm run build`) to .runtime/bench-packages/<folder>/dist: the benchmark loads
// that copy (bench/ours.ts, BENCH_PACKAGES), which a rebuild running beside a long benchmark cannot pull away. Inside
// the repository, so the copies still find node_modules. `node bench/snapshot.mjs` prints the folder.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { ROOT, vendorPackages } = require('../scripts/vendor-packages.cjs');

export function snapshot() {
	const target = join(ROOT, '.runtime', 'bench-packages');
	rmSync(target, { recursive: true, force: true });
	for (const { folder, dir } of vendorPackages()) {
		const dist = join(dir, 'dist');
		if (!existsSync(dist)) throw new Error(`${dist} is missing: run npm run build first`);
		cpSync(dist, join(target, folder, 'dist'), { recursive: true });
	}
	return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(snapshot());
