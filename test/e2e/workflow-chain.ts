/** Builds e2e workflows of chained nodes: a start node (Manual Trigger unless given) → step 1 → step 2 → ... */
import type { WorkflowJson } from '../../scripts/workflow-files';

export const MANUAL_TRIGGER = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

/** A resource locator value given by id. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export interface ChainSpec {
	id: string;
	name: string;
	/** The node type of the steps. */
	type: string;
	/** The steps' `credentials` (placeholders allowed). */
	credentials: Record<string, { id: string; name: string }>;
	steps: Array<[string, Record<string, unknown>]>;
	/** The first node; its name must be unique. Default: a Manual Trigger named "Start". */
	start?: Record<string, unknown> & { name: string };
}

export function nodeChain({ id, name, type, credentials, steps, start = MANUAL_TRIGGER }: ChainSpec): WorkflowJson {
	const nodes = [
		{ ...start, position: [0, 0] },
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
	const names = [start.name, ...steps.map(([stepName]) => stepName)];
	const connections = Object.fromEntries(names.slice(0, -1).map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
	return { id, name, nodes, connections } as unknown as WorkflowJson;
}
