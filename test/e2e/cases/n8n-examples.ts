/**
 * Every example workflow of every package (packages/<name>/examples/) that starts with a Manual Trigger runs without
 * error against the sandboxes and every node in it runs, so the examples the demo imports and the package READMEs
 * link cannot silently rot. Each example belongs to its package, so it also runs with that package installed alone.
 */
import { exampleWorkflows } from '../../../scripts/n8n-runtime';
import type { E2eCase } from '../harness';

const examples = exampleWorkflows().filter(({ workflow }) =>
	(workflow.nodes as Array<{ type: string }>).some((node) => node.type === 'n8n-nodes-base.manualTrigger'),
);

const cases: E2eCase[] = examples.map(({ packageName, file, workflow }) => ({
	name: `example ${packageName}/examples/${file} runs`,
	package: packageName,
	workflow,
	check(run, { expect }) {
		if (!expect(run.ok, `the workflow succeeds (status ${run.status})`)) return;
		for (const node of workflow.nodes as Array<{ name: string }>) {
			expect(run.runData[node.name]?.length, `node "${node.name}" ran`);
		}
	},
}));

export default cases;
