/**
 * Our nodes and credentials as n8n loads them: the compiled files in dist/ (`npm run bench` builds first). Loading
 * the .ts sources by name would not work outside jest anyway: `X.node` resolves to the node's codex file X.node.json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '..', 'dist');

function fromDist<T>(path: string): T {
	const file = join(DIST, `${path}.js`);
	if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(file) as T;
}

export const { FiskalyManagement } = fromDist<typeof import('../nodes/FiskalyManagement/FiskalyManagement.node')>('nodes/FiskalyManagement/FiskalyManagement.node');
export const { fiskalyTokens } = fromDist<typeof import('../nodes/FiskalyManagement/api')>('nodes/FiskalyManagement/api');
export const { FiskalyManagementApi } = fromDist<typeof import('../credentials/FiskalyManagementApi.credentials')>('credentials/FiskalyManagementApi.credentials');
export const { TheNextInvoice } = fromDist<typeof import('../nodes/TheNextInvoice/TheNextInvoice.node')>('nodes/TheNextInvoice/TheNextInvoice.node');
export const { TheNextInvoiceApi } = fromDist<typeof import('../credentials/TheNextInvoiceApi.credentials')>('credentials/TheNextInvoiceApi.credentials');
export const { transportStats } = fromDist<typeof import('../nodes/shared/transport/request')>('nodes/shared/transport/request');
