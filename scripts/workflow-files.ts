/**
 * Workflow JSON files: importing them into a user folder (fitted to the n8n release that runs them) and reading the
 * packages' example workflows. The n8n CLI itself is driven by n8n-runtime.ts.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { N8N_MODULES, N8N_VERSION, assertWorkflowId, runN8nOrThrow, vendorPackages, type VendorPackage } from './n8n-runtime';

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/** Imports workflows with their fixed ids in one n8n process (`import:workflow --separate`). */
export async function importWorkflows(userFolder: string, workflows: WorkflowJson[]): Promise<void> {
	if (workflows.length === 0) return;
	const dir = path.join(userFolder, 'import-workflows');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir);
	for (const workflow of fitToInstalledN8n(workflows)) {
		assertWorkflowId(workflow.id);
		// n8n 2.0.x's import needs a versionId (later releases make one up); ours is stable per import.
		fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify({ active: false, settings: {}, versionId: randomUUID(), ...workflow }));
	}
	await runN8nOrThrow(userFolder, ['import:workflow', '--separate', `--input=${dir}`]);
	fs.rmSync(dir, { recursive: true, force: true });
}

/** n8n's own node packages; their node types are named `<package>.<node>`. */
const N8N_NODE_PACKAGES = ['n8n-nodes-base', '@n8n/n8n-nodes-langchain'];
let offeredVersions: Map<string, number[]> | undefined;

/** Every version of n8n's own node types in the installed release (each package's dist/types/nodes.json). */
function installedNodeVersions(): Map<string, number[]> {
	if (offeredVersions) return offeredVersions;
	offeredVersions = new Map();
	for (const pkg of N8N_NODE_PACKAGES) {
		const file = path.join(N8N_MODULES, pkg, 'dist', 'types', 'nodes.json');
		if (!fs.existsSync(file)) continue;
		for (const node of JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ name: string; version: number | number[] }>) {
			const type = `${pkg}.${node.name}`;
			offeredVersions.set(type, [...(offeredVersions.get(type) ?? []), ...[node.version].flat()].sort((a, b) => a - b));
		}
	}
	return offeredVersions;
}

/**
 * Our workflows are written for the pinned n8n. An older release (the compatibility matrix) may not have the newest
 * version of one of n8n's own nodes (AI Agent 3.1 is newer than n8n 2.0.0): such a node is saved with the newest
 * version that release offers below it, as its editor would, and the change is printed. Our own nodes are not touched.
 */
export function fitToInstalledN8n(workflows: WorkflowJson[]): WorkflowJson[] {
	const versions = installedNodeVersions();
	const fitted = new Set<string>();
	const result = workflows.map((workflow) => ({
		...workflow,
		nodes: (workflow.nodes as Array<{ type: string; typeVersion: number; name: string }>).map((node) => {
			const offered = versions.get(node.type);
			if (!offered || offered.includes(node.typeVersion)) return node;
			const below = offered.filter((version) => version < node.typeVersion);
			if (below.length === 0) return node;
			const typeVersion = below[below.length - 1];
			fitted.add(`${node.type} ${node.typeVersion} → ${typeVersion}`);
			return { ...node, typeVersion };
		}),
	}));
	if (fitted.size) console.log(`[n8n ${N8N_VERSION}] node versions this release does not have, saved with its newest below: ${[...fitted].join(', ')}`);
	return result;
}

/** The example workflows of the given packages (packages/<name>/examples/*.json), by package then file name. */
export function exampleWorkflows(packages: VendorPackage[] = vendorPackages()): Array<{ packageName: string; file: string; workflow: WorkflowJson }> {
	return packages.flatMap((pkg) => {
		const dir = path.join(pkg.dir, 'examples');
		return fs.existsSync(dir) ? readWorkflowFiles(dir).map((example) => ({ packageName: pkg.name, ...example })) : [];
	});
}

/** The workflow JSON files of a folder (e.g. packages/<name>/examples), sorted by file name. */
export function readWorkflowFiles(dir: string): Array<{ file: string; workflow: WorkflowJson }> {
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson }));
}
