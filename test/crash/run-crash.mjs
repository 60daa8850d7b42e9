// `npm run test:crash` entry point: see run-crash.ts.
import { runTs } from '../../scripts/ts-entry.mjs';

runTs('test/crash/run-crash.ts');
