// `npm start` entry point: see demo.ts.
import { runTs } from './ts-entry.mjs';

runTs('scripts/demo.ts');
