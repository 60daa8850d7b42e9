// `npm run bench` entry point: see run.ts.
import { runTs } from '../scripts/ts-entry.mjs';

runTs('bench/run.ts');
