/**
 * n8n loads each package, installed by its installer or from its tarball, as a community package: every node its package.json `n8n.nodes`
 * section declares is offered as `<package>.<name>` (name = file name in lower camel case, n8n's convention), and
 * nothing else of ours. One case per package, so the package-alone runs check their own package.
 */
import * as path from 'node:path';
import { missingTarballs, vendorPackages } from '../../../scripts/n8n-runtime';
import { packageNodeTypes } from '../../../scripts/n8n-server';
import type { E2eCase } from '../harness';

const cases: E2eCase[] = vendorPackages().map((pkg) => ({
	name: `n8n loads ${pkg.name} (all declared nodes)`,
	package: pkg.name,
	check(_run, { nodeTypes, expect }) {
		const missing = missingTarballs([pkg]);
		if (!expect(missing.length === 0, `the tarball exists${missing.length ? ` (run npm run build && npx gulp pack); missing: ${missing.join(', ')}` : ''}`)) {
			return;
		}
		const loaded = packageNodeTypes(nodeTypes, [pkg]);
		const hint = 'n8n logs load errors in .runtime/logs/run-<pid>-<n>-types-export-nodes.log';
		const declared = pkg.json.n8n.nodes;
		for (const file of declared) {
			const base = path.basename(file, '.node.js');
			const type = `${pkg.name}.${base[0].toLowerCase()}${base.slice(1)}`;
			expect(loaded.includes(type), loaded.includes(type) ? `n8n offers ${type}` : `n8n does not offer ${type}; it loaded ${loaded.join(', ') || 'nothing'} from the package (${hint})`);
		}
		expect(loaded.length === declared.length, `n8n offers exactly the ${declared.length} declared nodes of ${pkg.name} (got ${loaded.length})`);
	},
}));

export default cases;
