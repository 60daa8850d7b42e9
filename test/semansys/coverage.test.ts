/**
 * Done when: every entry of the reference tree is reachable from the node, tested against the sandbox, and the
 * package README (packages/n8n-nodes-semansys/README.md) tells confirmed from inferred. The counts are printed for the closing note.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { SemansysDescriptor } from '../../packages/n8n-nodes-semansys/nodes/Semansys/operation';
import { resources } from '../../packages/n8n-nodes-semansys/nodes/Semansys/resources';
import { referenceTree } from './referenceTree';

const operations = resources.flatMap((resource) => (resource.operations as SemansysDescriptor[]).map((op) => ({ resource: resource.value, op })));
const reachable = operations.filter(({ op }) => op.endpoint);
const endpointOf = (op: SemansysDescriptor) => `${op.endpoint!.method} ${op.endpoint!.path}`;
const tree = referenceTree();

describe('Semansys reference tree coverage', () => {
	it('every entry of the reference tree with an endpoint is reachable from the node, and the node has no operation outside the tree', () => {
		const nodeEndpoints = reachable.map(({ op }) => endpointOf(op));
		const treeEndpoints = tree.flatMap((entry) => entry.endpoints);
		expect(tree.filter((entry) => entry.endpoints.some((e) => !nodeEndpoints.includes(e))).map((e) => e.title)).toEqual([]);
		expect(nodeEndpoints.filter((e) => !treeEndpoints.includes(e))).toEqual([]);
		expect(new Set(nodeEndpoints).size).toBe(nodeEndpoints.length);

		const confirmed = reachable.filter(({ op }) => op.endpoint!.confirmed).length;
		const headings = tree.filter((entry) => entry.endpoints.length === 0).length;
		// Numbers for the closing note of the issue.
		console.log(
			`Semansys reference tree: ${tree.length} entries (${tree.length - headings} with endpoints, ${headings} headings); ` +
				`${reachable.length} operations reach them: ${confirmed} CONFIRMED, ${reachable.length - confirmed} INFERRED; plus Custom API Call`,
		);
		expect(tree).toHaveLength(112);
		expect(tree.length - headings).toBe(92);
		expect(reachable).toHaveLength(93);
	});

	it('every operation is run against the sandbox by a test', () => {
		const tests = readdirSync(__dirname)
			.filter((file) => file.endsWith('.test.ts') && file !== 'coverage.test.ts')
			.map((file) => readFileSync(join(__dirname, file), 'utf8'))
			.join('\n');
		// Inferred operations are all run by inferred.test.ts (it.each over the table); the rest are named.
		const named = operations.filter(({ op }) => op.endpoint?.confirmed !== false);
		const untested = named.filter(({ resource, op }) => !new RegExp(`resource: '${resource}',\\s*operation: '${op.value}'|validate\\('${op.value}'`).test(tests));
		expect(untested.map(({ resource, op }) => `${resource}:${op.value}`)).toEqual([]);
		expect(tests).toContain('it.each(INFERRED.map(');
	});

	it("the package README lists every operation with its request, inferred ones marked so", () => {
		const readme = readFileSync(join(__dirname, '../../packages/n8n-nodes-semansys/README.md'), 'utf8');
		const start = readme.indexOf('## Operations');
		const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
		const lines = section.split('\n').filter((line) => line.trimStart().startsWith('- '));
		const missing = reachable.filter(({ op }) => {
			const inferred = !op.endpoint!.confirmed;
			return !lines.some(
				(line) => line.includes(`- ${op.name}${inferred ? ' (inferred)' : ''} — \`${endpointOf(op)}\``) && line.includes('(inferred)') === inferred,
			);
		});
		expect(missing.map(({ op }) => `${op.name} ${endpointOf(op)}`)).toEqual([]);
	});

	it('inferred operations say so in their description; confirmed ones do not', () => {
		for (const { op } of reachable) expect(op.description.startsWith('Inferred: ')).toBe(!op.endpoint!.confirmed);
	});
});
