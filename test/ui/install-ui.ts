/**
 * The browser test of n8n's own installer (`npm run test:ui` runs it after run-ui.ts; `npm run test:ui:install` alone):
 * the four packages are published to a local npm registry; a fresh n8n (no packages) is opened in Chromium and a user
 * installs each by name on Settings → Community Nodes (Install, package name, the risk checkbox, Install); the nodes
 * appear in the node creator; a saved workflow using the fiskaly package's trigger and node runs green. Then a patch
 * version is published: n8n shows Update on the package's card, the user updates (Confirm update) and the workflow
 * runs green again; the user uninstalls (Uninstall package, Confirm uninstall): the package is gone and the workflow
 * shows its nodes as not installed; reinstalled, it runs green again. Screenshots in docs/ui/community-nodes-*.png.
 * Every wait is for the state it checks (an element, a listed version), never for time.
 */
import * as os from 'node:os';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { listPackages, newOwner, startInstallerSession } from '../../scripts/community-packages';
import { ROOT, createUserFolder, importCredentials, onShutdown, removeUserFolder, sleep, vendorPackages } from '../../scripts/n8n-runtime';
import { importWorkflows } from '../../scripts/workflow-files';
import { EDITOR_VIEWPORT, launchChromium, signIn } from '../../scripts/browser';
import { startRegistry } from '../../scripts/registry';
import { closeSandboxes, fillPlaceholders, startSandboxes } from '../../scripts/sandboxes';
import { SAVED_WORKFLOW_ID, runSavedWorkflow, savedWorkflow } from '../e2e/lifecycle';

const SHOTS_DIR = path.join(ROOT, 'docs', 'ui');
const CARD = '[data-test-id="community-package-card"]';
const LIFECYCLE_PACKAGE = 'n8n-nodes-fiskaly-management';

interface Step {
	step: string;
	ok: boolean;
	detail: string;
	ms: number;
}

async function main(): Promise<number> {
	const started = Date.now();
	const steps: Step[] = [];
	const packages = vendorPackages();
	const lifecycle = packages.find((pkg) => pkg.name === LIFECYCLE_PACKAGE)!;
	const patch = lifecycle.json.version.replace(/\d+$/, (n) => String(Number(n) + 1));
	const registry = await startRegistry();
	for (const pkg of packages) registry.publish(pkg.tarball);
	const userFolder = createUserFolder(path.join(os.tmpdir(), 'n8n-nodes-eu-finance-ui-install', `run-${process.pid}`), []);
	const sandboxes = await startSandboxes('random');
	onShutdown(() => closeSandboxes(sandboxes));
	const sandbox = sandboxes.find((s) => s.packageName === LIFECYCLE_PACKAGE)!;
	await importCredentials(userFolder, [sandbox.credential]);
	await importWorkflows(userFolder, [fillPlaceholders(savedWorkflow(), sandbox.placeholders, 'install-ui')]);
	const owner = newOwner('installer-ui@example.com');
	const session = await startInstallerSession(userFolder, registry.url, owner, 'ui-install');
	const { url } = session.n8n;
	console.log(`[ui-install] n8n ${url} with its installer pointed at ${registry.url}; no community packages installed`);
	const browser = await launchChromium();
	const page = await browser.newPage({ viewport: EDITOR_VIEWPORT });
	const step = async (name: string, fn: () => Promise<string>) => {
		const t0 = Date.now();
		try {
			const detail = await fn();
			steps.push({ step: name, ok: true, detail, ms: Date.now() - t0 });
			console.log(`  ✓  ${name}: ${detail}`);
			return true;
		} catch (error) {
			const detail = (error as Error).message.split('\n')[0];
			steps.push({ step: name, ok: false, detail, ms: Date.now() - t0 });
			console.log(`  ✗  ${name}: ${detail}`);
			return false;
		}
	};
	const runSaved = async () => {
		const run = await runSavedWorkflow(url, session.cookie, session.n8n.logFile);
		if (!run.ok) throw new Error(`the saved workflow did not run green: ${run.error}`);
		return 'trigger sample → Get Claims, env TEST';
	};
	const cardOf = (name: string) => page.locator(CARD).filter({ hasText: name });
	const settings = async () => {
		await page.goto(`${url}/settings/community-nodes`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
		await page.getByText('Community nodes', { exact: false }).first().waitFor({ timeout: 60_000 });
	};
	/** Install modal: the package name, the risk checkbox, Install. An empty page's button says "Install a community node". */
	const installInSettings = async (name: string, opener: 'Install a community node' | 'Install') => {
		await settings();
		await page.getByRole('button', { name: opener, exact: true }).first().click({ timeout: 30_000 });
		await page.locator('[data-test-id="package-name-input"] input, input[data-test-id="package-name-input"]').first().fill(name);
		await page.locator('[data-test-id="user-agreement-checkbox"]').click();
		await page.locator('[data-test-id="install-community-package-button"]').click();
	};
	try {
		await signIn(page, url, owner);
		let first = true;
		for (const pkg of packages) {
			const ok = await step(`install ${pkg.name} on Settings → Community Nodes`, async () => {
				// With packages installed, the page's header has "Install".
				await installInSettings(pkg.name, first ? 'Install a community node' : 'Install');
				await cardOf(pkg.name).waitFor({ timeout: 120_000 });
				return `card shown: ${(await cardOf(pkg.name).innerText()).replace(/\s+/g, ' ').slice(0, 120)}`;
			});
			first = false;
			if (!ok) break;
		}
		await step('n8n lists the four packages with their nodes', async () => {
			const listed = await listPackages(url, session.cookie);
			const missing = packages.filter((pkg) => !listed.some((p) => p.packageName === pkg.name && p.installedVersion === pkg.json.version && p.installedNodes.length > 0));
			if (missing.length) throw new Error(`missing: ${missing.map((pkg) => pkg.name).join(', ')}`);
			await shot(page, 'community-nodes-installed.png');
			return listed.map((p) => `${p.packageName}@${p.installedVersion}`).join(', ');
		});
		await step('the nodes appear in the node creator', async () => {
			await page.goto(`${url}/workflow/new`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
			await page.locator('[data-test-id="canvas-plus-button"]').click({ timeout: 60_000 });
			const search = page.locator('input[data-test-id="node-creator-search-bar"]:visible, [data-test-id="node-creator-search-bar"] input:visible').first();
			const found: string[] = [];
			for (const word of ['fiskaly', 'TheNextInvoice', 'Invoicing API', 'Semansys']) {
				await search.fill(word);
				const item = page.locator('[data-test-id="node-creator-item-name"]:visible').filter({ hasText: new RegExp(word, 'i') }).first();
				await item.waitFor({ timeout: 15_000 });
				found.push((await item.innerText()).trim());
			}
			return found.join(', ');
		});
		await step('a saved workflow with the package\'s trigger and node runs', runSaved);

		registry.publishAs(lifecycle.tarball, patch);
		await step(`n8n shows the update to ${patch} and the user updates`, async () => {
			await settings();
			const card = cardOf(LIFECYCLE_PACKAGE);
			const update = card.getByRole('button', { name: 'Update' });
			await update.waitFor({ timeout: 60_000 });
			await shot(page, 'community-nodes-update-offered.png');
			await update.click();
			await page.getByRole('button', { name: 'Confirm update' }).click({ timeout: 30_000 });
			// Wait for the state: n8n lists the new version (polled over REST, as the page itself does after an update).
			const deadline = Date.now() + 120_000;
			while (!(await listPackages(url, session.cookie)).some((p) => p.packageName === LIFECYCLE_PACKAGE && p.installedVersion === patch)) {
				if (Date.now() > deadline) throw new Error(`n8n did not list ${LIFECYCLE_PACKAGE}@${patch} within 120 s`);
				await sleep(500);
			}
			await settings();
			await card.filter({ hasText: patch }).waitFor({ timeout: 30_000 });
			await shot(page, 'community-nodes-updated.png');
			return `card shows ${patch}`;
		});
		await step('the saved workflow runs after the update', runSaved);
		await step('the user uninstalls the package', async () => {
			await settings();
			await cardOf(LIFECYCLE_PACKAGE).locator('[data-test-id="action-toggle"]').click({ timeout: 30_000 });
			await page.getByText('Uninstall package', { exact: true }).click({ timeout: 30_000 });
			await page.getByRole('button', { name: 'Confirm uninstall' }).click({ timeout: 30_000 });
			await cardOf(LIFECYCLE_PACKAGE).waitFor({ state: 'detached', timeout: 120_000 });
			return 'its card is gone';
		});
		await step('the saved workflow shows its nodes as not installed', async () => {
			await page.goto(`${url}/workflow/${SAVED_WORKFLOW_ID}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
			await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Claims' }).dblclick();
			// n8n's panel for a node whose package is gone: a notice naming the package, with an Install button.
			const notice = page.getByText('Install this node to use it', { exact: true });
			await notice.waitFor({ timeout: 30_000 });
			await page.getByText(`part of the ${LIFECYCLE_PACKAGE} community package`, { exact: false }).first().waitFor({ timeout: 10_000 });
			const text = `${await notice.innerText()} … part of the ${LIFECYCLE_PACKAGE} community package`;
			await shot(page, 'community-nodes-uninstalled-workflow.png');
			await page.keyboard.press('Escape');
			return `the node's panel says: "${text.slice(0, 140)}"`;
		});
		await step('the user installs it again and the saved workflow runs', async () => {
			await installInSettings(LIFECYCLE_PACKAGE, 'Install');
			await cardOf(LIFECYCLE_PACKAGE).filter({ hasText: patch }).waitFor({ timeout: 120_000 });
			return `reinstalled ${patch}; ${await runSaved()}`;
		});
	} finally {
		await browser.close();
		await session.n8n.stop();
		await closeSandboxes(sandboxes);
		await registry.stop();
	}
	const failed = steps.filter((s) => !s.ok).length;
	if (failed === 0) removeUserFolder(userFolder);
	else console.log(`kept for debugging: ${userFolder}; n8n log ${session.n8n.logFile}`);
	console.log(`\nn8n's installer in the browser: ${steps.length - failed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`);
	return failed === 0 ? 0 : 1;
}

async function shot(page: Page, file: string): Promise<void> {
	await page.screenshot({ path: path.join(SHOTS_DIR, file) });
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`\nui install run failed: ${(error as Error)?.stack ?? String(error)}`);
		process.exit(1);
	},
);
