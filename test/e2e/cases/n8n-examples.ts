/**
 * Every example workflow in examples/workflows/ that starts with a Manual Trigger runs without error against the
 * sandboxes and every node in it runs, so the examples the demo imports cannot silently rot.
 */
import * as path from 'node:path';
import { ROOT, readWorkflowFiles } from '../../../scripts/n8n-runtime';
import type { E2eCase } from '../harness';

const examples = readWorkflowFiles(path.join(ROOT, 'examples', 'workflows')).filter(({ workflow }) =>
	(workflow.nodes as Array<{ type: string }>).some((node) => node.type === 'n8n-nodes-base.manualTrigger'),
);

const cases: E2eCase[] = examples.map(({ file, workflow }) => ({
	name: `example ${file} runs`,
	workflow,
	check(run, { expect }) {
		if (!expect(run.ok, `the workflow succeeds (status ${run.status})`)) return;
		for (const node of workflow.nodes as Array<{ name: string }>) {
			expect(run.runData[node.name]?.length, `node "${node.name}" ran`);
		}
	},
}));

export default cases;
