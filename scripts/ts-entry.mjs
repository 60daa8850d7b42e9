// Runs a TypeScript entry point through ts-node (transpile only: type errors are `npm run typecheck`'s job).
// Used by the .mjs entry points package.json names; `ts-node --transpile-only <file>.ts` is equivalent.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export function runTs(relativePath) {
	require('ts-node').register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
	require(join(root, relativePath));
}
