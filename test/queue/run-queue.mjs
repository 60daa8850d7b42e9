// `npm run test:queue` entry point: see run-queue.ts.
import { runTs } from '../../scripts/ts-entry.mjs';

runTs('test/queue/run-queue.ts');
