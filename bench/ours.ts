/**
 * Our nodes and credentials as n8n loads them: the compiled files in each package's dist/ (`npm run bench` builds
 * first), each package with its own bundled copy of the shared transport. Loading the .ts sources by name would not
 * work outside jest anyway: `X.node` resolves to the node's codex file X.node.json.
 * BENCH_PACKAGES names another folder laid out like packages/ (bench/snapshot.mjs copies each dist/ there), so a
 * rebuild running beside a long benchmark does not pull the files away from under it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PACKAGES = process.env.BENCH_PACKAGES ? resolve(process.env.BENCH_PACKAGES) : join(__dirname, '..', 'packages');

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
export const { TheNextInvoiceTrigger } = fromDist<typeof import('../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoiceTrigger.node')>('n8n-nodes-thenextinvoice', 'nodes/TheNextInvoice/TheNextInvoiceTrigger.node');
export const { FiskalyManagementTrigger } = fromDist<typeof import('../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagementTrigger.node')>('n8n-nodes-fiskaly-management', 'nodes/FiskalyManagement/FiskalyManagementTrigger.node');
export const { InvoicingApiTrigger } = fromDist<typeof import('../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApiTrigger.node')>('n8n-nodes-regtech-invoicing', 'nodes/InvoicingApi/InvoicingApiTrigger.node');
export const { InvoicingApi: InvoicingApiCredential } = fromDist<typeof import('../packages/n8n-nodes-regtech-invoicing/credentials/InvoicingApi.credentials')>('n8n-nodes-regtech-invoicing', 'credentials/InvoicingApi.credentials');
export const { invoicingTokens } = fromDist<typeof import('../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/api')>('n8n-nodes-regtech-invoicing', 'nodes/InvoicingApi/api');
