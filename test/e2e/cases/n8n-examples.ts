/**
 * Every example workflow in examples/workflows/ that starts with a Manual Trigger runs without error against the
 * sandboxes and every node in it runs, so the examples the demo imports cannot silently rot.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../../scripts/n8n-runtime';
import type { WorkflowJson } from '../../../scripts/n8n-runtime';
import type { E2eCase } from '../harness';

const dir = path.join(ROOT, 'examples', 'workflows');
const examples = fs
	.readdirSync(dir)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson }))
	.filter(({ workflow }) => (workflow.nodes as Array<{ type: string }>).some((n) => n.type === 'n8n-nodes-base.manualTrigger'));

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
