/**
 * n8n loads this package as an installed community package: every node the package.json `n8n.nodes` section
 * declares is offered as `n8n-nodes-eu-finance.<name>` (name = file name in lower camel case, n8n's convention).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_NAME, ROOT, missingPackageFiles, packageNodeTypes } from '../../../scripts/n8n-runtime';
import type { E2eCase } from '../harness';

const declared: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).n8n?.nodes ?? [];
const sourceOf = (distFile: string) => path.join(ROOT, distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

const testCase: E2eCase = {
	name: `n8n loads ${PACKAGE_NAME} (all declared nodes)`,
	check(_run, { nodeTypes, expect, skip }) {
		if (declared.length > 0 && declared.every((file) => !fs.existsSync(sourceOf(file)))) {
			return skip('no node sources yet');
		}
		const missing = missingPackageFiles();
		if (!expect(missing.length === 0, `built files exist${missing.length ? ` (run npm run build); missing: ${missing.join(', ')}` : ''}`)) {
			return;
		}
		const loaded = packageNodeTypes(nodeTypes);
		const hint = 'n8n logs load errors in .runtime/logs/run-<pid>-types-export-nodes.log';
		for (const file of declared) {
			const base = path.basename(file, '.node.js');
			const type = `${PACKAGE_NAME}.${base[0].toLowerCase()}${base.slice(1)}`;
			expect(loaded.includes(type), loaded.includes(type) ? `n8n offers ${type}` : `n8n does not offer ${type}; it loaded ${loaded.join(', ') || 'nothing'} from the package (${hint})`);
		}
		expect(loaded.length === declared.length, `n8n offers exactly the ${declared.length} declared nodes (got ${loaded.length})`);
	},
};

export default testCase;
