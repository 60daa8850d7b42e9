/** Builds e2e workflows of chained fiskaly Management nodes (Manual Trigger → node 1 → node 2 → ...). */
import type { WorkflowJson } from '../../scripts/workflow-files';
import { nodeChain } from './workflow-chain';

export { byId } from './workflow-chain';

export const FISKALY_NODE = 'n8n-nodes-fiskaly-management.fiskalyManagement';
export const FISKALY_TRIGGER = 'n8n-nodes-fiskaly-management.fiskalyManagementTrigger';
const credentials = { fiskalyManagementApi: { id: '{{FISKALY_CREDENTIAL_ID}}', name: '{{FISKALY_CREDENTIAL_NAME}}' } };

export function fiskalyChain(id: string, name: string, steps: Array<[string, Record<string, unknown>]>, type = FISKALY_NODE): WorkflowJson {
	return nodeChain({ id, name, type, credentials, steps });
}
