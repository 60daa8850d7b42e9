/** Builds e2e workflows of chained fiskaly Management nodes (Manual Trigger → node 1 → node 2 → ...). */
import type { WorkflowJson } from '../../scripts/n8n-runtime';

export const FISKALY_NODE = 'n8n-nodes-eu-finance.fiskalyManagement';
export const FISKALY_TRIGGER = 'n8n-nodes-eu-finance.fiskalyManagementTrigger';
const credentials = { fiskalyManagementApi: { id: '{{FISKALY_CREDENTIAL_ID}}', name: '{{FISKALY_CREDENTIAL_NAME}}' } };

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export function fiskalyChain(id: string, name: string, steps: Array<[string, Record<string, unknown>]>, type = FISKALY_NODE): WorkflowJson {
	const nodes = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...steps.map(([stepName, parameters], i) => ({
			id: `step${i}`,
			name: stepName,
			type,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			parameters,
			credentials,
		})),
	];
	const names = ['Start', ...steps.map(([stepName]) => stepName)];
	const connections = Object.fromEntries(
		names.slice(0, -1).map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);
	return { id, name, nodes, connections } as unknown as WorkflowJson;
}
