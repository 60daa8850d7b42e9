/**
 * Each vendor package is a complete n8n community package of its own (issue: release-ready, one package per
 * service): the package.json fields n8n and npm need, exactly that vendor's nodes and credentials registered, node
 * type names and codex files that follow the package name, examples that use only the package's own nodes, and no
 * import of another package's code. n8n's own linters (`npm run check:release`) check the rest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const PACKAGES_DIR = path.join(ROOT, 'packages');

interface Manifest {
	name: string;
	version: string;
	description: string;
	keywords: string[];
	license: string;
	homepage: string;
	author: { name: string; email: string };
	repository: { type: string; url: string; directory: string };
	engines: { node: string };
	files: string[];
	n8n: { n8nNodesApiVersion: number; strict: boolean; nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
	devDependencies: Record<string, string>;
	peerDependencies: Record<string, string>;
	scripts?: Record<string, string>;
}

const packages = fs
	.readdirSync(PACKAGES_DIR)
	.filter((folder) => folder.startsWith('n8n-nodes-'))
	.map((folder) => ({ folder, dir: path.join(PACKAGES_DIR, folder), json: JSON.parse(fs.readFileSync(path.join(PACKAGES_DIR, folder, 'package.json'), 'utf8')) as Manifest }));

function filesBelow(dir: string, test: (file: string) => boolean): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(test).map((file) => path.join(dir, file));
}

/** `Foo.node.ts` → `foo` (n8n's node type name: the node's `name`, by convention the file name in lower camel case). */
const typeName = (file: string) => {
	const base = path.basename(file).replace(/\.node\.(ts|js)$/, '');
	return `${base[0].toLowerCase()}${base.slice(1)}`;
};

describe('the vendor packages', () => {
	it('are the four services, one package each, plus the shared transport that is never published', () => {
		expect(packages.map((p) => p.json.name).sort()).toEqual([
			'n8n-nodes-fiskaly-management',
			'n8n-nodes-regtech-invoicing',
			'n8n-nodes-semansys',
			'n8n-nodes-thenextinvoice',
		]);
		const shared = JSON.parse(fs.readFileSync(path.join(PACKAGES_DIR, 'shared', 'package.json'), 'utf8'));
		expect(shared.private).toBe(true);
	});

	describe.each(packages.map((p) => [p.json.name, p] as const))('%s', (_name, { folder, dir, json }) => {
		it('has the package.json fields n8n and npm need', () => {
			expect(json.name).toBe(folder);
			expect(json.version).toMatch(/^\d+\.\d+\.\d+$/);
			expect(json.description.length).toBeGreaterThan(40);
			expect(json.keywords).toContain('n8n-community-node-package');
			expect(json.license).toBe('MIT');
			expect(json.author.name).toBeTruthy();
			expect(json.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
			expect(json.homepage).toMatch(new RegExp(`^https://github\\.com/.+/packages/${folder}#readme$`));
			expect(json.repository).toEqual(expect.objectContaining({ type: 'git', directory: `packages/${folder}` }));
			expect(json.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
			expect(json.engines.node).toBeTruthy();
			expect(json.files).toContain('dist');
			expect(json.n8n).toEqual(expect.objectContaining({ n8nNodesApiVersion: 1, strict: true }));
			expect(json.peerDependencies).toEqual({ 'n8n-workflow': '*' });
			expect(json.dependencies ?? {}).toEqual({});
			// The shared transport is bundled at build time: a devDependency, never a runtime one.
			expect(Object.keys(json.devDependencies)).toContain('@n8n-nodes-eu-finance/shared');
			for (const script of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish']) expect(json.scripts?.[script]).toBeUndefined();
		});

		it('has its own README, LICENSE, CHANGELOG with an entry for its version, and n8n\'s template eslint config', () => {
			for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', 'eslint.config.mjs']) expect(fs.existsSync(path.join(dir, file))).toBe(true);
			expect(fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8')).toContain(`## [${json.version}]`);
			expect(fs.readFileSync(path.join(dir, 'eslint.config.mjs'), 'utf8').replace(/\s+/g, ' ').trim()).toBe(
				"import { config } from '@n8n/node-cli/eslint'; export default config;",
			);
		});

		it('registers exactly the nodes and credentials in its folders', () => {
			const nodes = filesBelow(path.join(dir, 'nodes'), (f) => f.endsWith('.node.ts')).map((f) => `dist/${path.relative(dir, f).replace(/\.ts$/, '.js')}`);
			const credentials = filesBelow(path.join(dir, 'credentials'), (f) => f.endsWith('.credentials.ts')).map((f) => `dist/${path.relative(dir, f).replace(/\.ts$/, '.js')}`);
			expect([...json.n8n.nodes].sort()).toEqual(nodes.sort());
			expect([...json.n8n.credentials].sort()).toEqual(credentials.sort());
			expect(nodes.length).toBeGreaterThan(0);
			expect(credentials.length).toBeGreaterThan(0);
		});

		it('names its node types and codex files after the package', () => {
			for (const node of json.n8n.nodes) {
				const codex = JSON.parse(fs.readFileSync(path.join(dir, node.replace(/^dist\//, '').replace(/\.js$/, '.json')), 'utf8'));
				expect(codex.node).toBe(`${json.name}.${typeName(node)}`);
				for (const { url } of codex.resources?.primaryDocumentation ?? []) expect(url).toMatch(/^https:\/\//);
			}
		});

		it('has example workflows that use only its own nodes', () => {
			const examples = filesBelow(path.join(dir, 'examples'), (f) => f.endsWith('.json'));
			expect(examples.length).toBeGreaterThan(0);
			for (const file of examples) {
				const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Array<{ type: string }> };
				// n8n-nodes-base and @n8n/n8n-nodes-langchain (AI Agent, MCP Server Trigger) ship with n8n itself.
				const community = workflow.nodes.map((n) => n.type).filter((type) => !type.startsWith('n8n-nodes-base.') && !type.startsWith('@n8n/n8n-nodes-langchain.'));
				expect(community.length).toBeGreaterThan(0);
				for (const type of community) expect(type.startsWith(`${json.name}.`)).toBe(true);
			}
		});

		it("imports no other package's code (only its own files, the shared transport, n8n-workflow, zod and crypto)", () => {
			const sources = [...filesBelow(path.join(dir, 'nodes'), (f) => f.endsWith('.ts')), ...filesBelow(path.join(dir, 'credentials'), (f) => f.endsWith('.ts'))];
			for (const file of sources) {
				const specifiers = [...fs.readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
				for (const specifier of specifiers) {
					if (specifier.startsWith('.')) {
						const target = path.resolve(path.dirname(file), specifier);
						expect(`${path.relative(dir, file)} → ${specifier}: ${target.startsWith(dir + path.sep)}`).toBe(`${path.relative(dir, file)} → ${specifier}: true`);
					} else {
						expect(['n8n-workflow', 'zod', 'crypto', 'node:crypto'].includes(specifier) || specifier.startsWith('@n8n-nodes-eu-finance/shared/')).toBe(true);
					}
				}
			}
		});
	});
});
