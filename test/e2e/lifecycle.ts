/**
 * A community package's life in n8n, as a user lives it, through n8n's own installer and the local registry:
 * install 1.0.0 by name → a workflow using the package's trigger and node is saved with its credential and runs →
 * a patch version is published → n8n offers the update → update → the saved workflow still runs (n8n refuses to run
 * a workflow whose parameters have issues) → uninstall → what n8n says about the saved workflow → reinstall → it runs
 * again. Headless, through the REST requests the Settings → Community Nodes page sends.
 */
import * as os from 'node:os';
import * as path from 'node:path';

import {
	installPackage,
	listPackages,
	newOwner,
	startInstallerSession,
	uninstallPackage,
	updatePackage,
} from '../../scripts/community-packages';
import { createUserFolder, importCredentials, removeUserFolder, type VendorPackage } from '../../scripts/n8n-runtime';
import { importWorkflows } from '../../scripts/workflow-files';
import { listNodeTypes, runWorkflowManually } from '../../scripts/n8n-server';
import type { LocalRegistry } from '../../scripts/registry';
import { closeSandboxes, fillPlaceholders, startSandboxes } from '../../scripts/sandboxes';
import { FISKALY_NODE, FISKALY_TRIGGER, fiskalyChain } from './fiskaly-workflow';

export interface LifecycleStep {
	step: string;
	ok: boolean;
	detail: string;
}

export const SAVED_WORKFLOW_ID = 'e2eLifecycle001';

/** Trigger (a manual run returns its sample) → Get Claims: both nodes of the package, with its credential. */
export function savedWorkflow() {
	const workflow = fiskalyChain(SAVED_WORKFLOW_ID, 'Lifecycle: fiskaly trigger and token claims', [['Claims', { resource: 'token', operation: 'getClaims' }]]);
	const nodes = workflow.nodes as Array<Record<string, unknown>>;
	nodes[0] = { ...nodes[1], id: 'trigger', name: 'Start', type: FISKALY_TRIGGER, position: [0, 0], parameters: { event: 'newOrganization' } };
	nodes[1] = { ...nodes[1], type: FISKALY_NODE };
	return workflow;
}

/**
 * Runs the saved workflow from its trigger: green when Get Claims answered env TEST. A workflow n8n cannot run at all
 * is refused when it is started; `error` is then the answer's message (what the editor shows).
 */
export async function runSavedWorkflow(url: string, cookie: string, logFile: string): Promise<{ ok: boolean; error: string }> {
	try {
		const run = await runWorkflowManually(url, cookie, SAVED_WORKFLOW_ID, 'Start', { logFile });
		const claims = run.ok ? run.output('Claims')[0] : undefined;
		return { ok: run.ok && claims?.env === 'TEST', error: run.error()?.message ?? run.status };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}

export async function runLifecycle(registry: LocalRegistry, pkg: VendorPackage, patchVersion: string): Promise<LifecycleStep[]> {
	const steps: LifecycleStep[] = [];
	const record = (step: string, ok: boolean, detail: string) => {
		steps.push({ step, ok, detail });
		console.log(`  ${ok ? '✓' : '✗'}  ${step}: ${detail}`);
		return ok;
	};
	const userFolder = createUserFolder(path.join(os.tmpdir(), 'n8n-nodes-eu-finance-e2e', `lifecycle-${process.pid}`), []);
	const sandboxes = await startSandboxes('random');
	const sandbox = sandboxes.find((s) => s.packageName === pkg.name);
	if (!sandbox) throw new Error(`no sandbox for ${pkg.name}`);
	try {
		// Saved before the package is installed, as a workflow imported from a colleague would be.
		await importCredentials(userFolder, [sandbox.credential]);
		await importWorkflows(userFolder, [fillPlaceholders(savedWorkflow(), sandbox.placeholders, 'lifecycle')]);
		const owner = newOwner('lifecycle@example.com');
		const session = await startInstallerSession(userFolder, registry.url, owner, 'lifecycle');
		const { url } = session.n8n;
		const { cookie } = session;
		try {
			const runSaved = () => runSavedWorkflow(url, cookie, session.n8n.logFile);
			const ours = async () => (await listNodeTypes(url, cookie)).filter((type) => type.startsWith(`${pkg.name}.`) && !type.endsWith('Tool'));

			const installed = await installPackage(url, cookie, pkg.name);
			record('install by name', installed.installedVersion === pkg.json.version && installed.installedNodes.length === pkg.json.n8n.nodes.length,
				`${pkg.name}@${installed.installedVersion}, nodes ${installed.installedNodes.map((n) => n.name).join(', ')}`);
			const first = await runSaved();
			record('saved workflow runs', first.ok, first.ok ? 'trigger sample → Get Claims (env TEST)' : first.error);

			registry.publishAs(pkg.tarball, patchVersion);
			const offered = (await listPackages(url, cookie)).find((p) => p.packageName === pkg.name);
			record('update offered', offered?.updateAvailable === patchVersion, `n8n lists ${pkg.name} ${offered?.installedVersion} with update ${offered?.updateAvailable ?? 'none'}`);

			const updated = await updatePackage(url, cookie, pkg.name, patchVersion);
			const afterUpdate = (await listPackages(url, cookie)).find((p) => p.packageName === pkg.name);
			record('update', updated.installedVersion === patchVersion && afterUpdate?.installedVersion === patchVersion && !afterUpdate?.updateAvailable,
				`installed ${afterUpdate?.installedVersion}, update now ${afterUpdate?.updateAvailable ?? 'none'}`);
			const second = await runSaved();
			record('saved workflow runs after the update', second.ok, second.ok ? 'no parameter issues, green' : second.error);

			await uninstallPackage(url, cookie, pkg.name);
			const gone = (await listPackages(url, cookie)).some((p) => p.packageName === pkg.name);
			const typesGone = (await ours()).length === 0;
			record('uninstall', !gone && typesGone, `listed: ${gone}; node types left: ${typesGone ? 'none' : (await ours()).join(', ')}`);
			const orphan = await runSaved();
			record('saved workflow after the uninstall', !orphan.ok && /unrecognized node type|is not known|install/i.test(orphan.error),
				`n8n refuses it: "${(/"message":"([^"]*)"/.exec(orphan.error)?.[1] ?? orphan.error).slice(0, 160)}"`);

			await installPackage(url, cookie, pkg.name);
			const reinstalled = (await listPackages(url, cookie)).find((p) => p.packageName === pkg.name);
			record('reinstall', reinstalled?.installedVersion === patchVersion, `${pkg.name}@${reinstalled?.installedVersion} (the newest on the registry)`);
			const third = await runSaved();
			record('saved workflow runs after the reinstall', third.ok, third.ok ? 'green again' : third.error);
		} finally {
			await session.n8n.stop();
		}
	} finally {
		await closeSandboxes(sandboxes);
		if (steps.every((s) => s.ok)) removeUserFolder(userFolder);
		else console.log(`  kept for debugging: ${userFolder}`);
	}
	return steps;
}
