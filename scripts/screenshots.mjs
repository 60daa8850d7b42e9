// `npm run screenshots` entry point: see screenshots.ts.
import { runTs } from './ts-entry.mjs';

runTs('scripts/screenshots.ts');
