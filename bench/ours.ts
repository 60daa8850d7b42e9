/**
 * Our nodes and credentials as n8n loads them: the compiled files in each package's dist/ (`npm run bench` builds
 * first), each package with its own bundled copy of the shared transport. Loading the .ts sources by name would not
 * work outside jest anyway: `X.node` resolves to the node's codex file X.node.json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGES = join(__dirname, '..', 'packages');

function fromDist<T>(packageName: string, path: string): T {
	const file = join(PACKAGES, packageName, 'dist', `${path}.js`);
	if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(file) as T;
}

export const { FiskalyManagement } = fromDist<typeof import('../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagement.node')>('n8n-nodes-fiskaly-management', 'nodes/FiskalyManagement/FiskalyManagement.node');
export const { fiskalyTokens } = fromDist<typeof import('../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/api')>('n8n-nodes-fiskaly-management', 'nodes/FiskalyManagement/api');
export const { FiskalyManagementApi } = fromDist<typeof import('../packages/n8n-nodes-fiskaly-management/credentials/FiskalyManagementApi.credentials')>('n8n-nodes-fiskaly-management', 'credentials/FiskalyManagementApi.credentials');
export const { TheNextInvoice } = fromDist<typeof import('../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoice.node')>('n8n-nodes-thenextinvoice', 'nodes/TheNextInvoice/TheNextInvoice.node');
export const { TheNextInvoiceApi } = fromDist<typeof import('../packages/n8n-nodes-thenextinvoice/credentials/TheNextInvoiceApi.credentials')>('n8n-nodes-thenextinvoice', 'credentials/TheNextInvoiceApi.credentials');
