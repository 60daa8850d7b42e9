// `npm run sandbox` entry point: see run-sandboxes.ts.
import { runTs } from './ts-entry.mjs';

runTs('scripts/run-sandboxes.ts');
