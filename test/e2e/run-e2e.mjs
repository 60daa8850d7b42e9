// `npm run test:e2e` entry point: see run-e2e.ts.
import { runTs } from '../../scripts/ts-entry.mjs';

runTs('test/e2e/run-e2e.ts');
