// `npm run bench` entry point: see run.ts. Benchmarks a copy of the freshly built packages (bench/snapshot.mjs)
// unless BENCH_PACKAGES names one already.
import { runTs } from '../scripts/ts-entry.mjs';
import { snapshot } from './snapshot.mjs';

process.env.BENCH_PACKAGES ??= snapshot();
runTs('bench/run.ts');
