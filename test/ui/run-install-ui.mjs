// `npm run test:ui:install` entry point (also the last part of `npm run test:ui`): see install-ui.ts.
import { runTs } from '../../scripts/ts-entry.mjs';

runTs('test/ui/install-ui.ts');
