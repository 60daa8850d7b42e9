// `npm run test:ui` entry point: see run-ui.ts.
import { runTs } from '../../scripts/ts-entry.mjs';

runTs('test/ui/run-ui.ts');
