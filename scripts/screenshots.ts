/**
 * `npm run screenshots`: the picture at the top of each package README (packages/<name>/docs/node-in-editor.png).
 * Starts the sandboxes and a fresh real n8n 2.41.1 with the four packed tarballs installed (as the demo does), opens
 * one example workflow of each package in n8n's editor in Debian's Chromium (installed by scripts/install-chromium.sh
 * when missing) and screenshots the node's parameter panel. Fails when the panel does not open or shows an error.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
	RUNTIME_DIR,
	ROOT,
	createUserFolder,
	ensureN8n,
	exampleWorkflows,
	freePort,
	importCredentials,
	importWorkflows,
	onShutdown,
	removeUserFolder,
	setupOwner,
	startN8n,
	vendorPackages,
} from './n8n-runtime';
import { allPlaceholders, closeSandboxes, fillPlaceholders, startSandboxes } from './sandboxes';

/** Per package: the example workflow to open and the node whose panel the picture shows. */
const SHOTS: Record<string, { file: string; node: string }> = {
	'n8n-nodes-fiskaly-management': { file: 'fiskaly-list-organizations.json', node: 'All organizations' },
	'n8n-nodes-thenextinvoice': { file: 'thenextinvoice-open-invoices-pdfs.json', node: 'Open invoices' },
	'n8n-nodes-semansys': { file: 'semansys-validate-render-deliver.json', node: 'Validate and wait' },
	'n8n-nodes-regtech-invoicing': { file: 'invoicing-api-sms-invoice.json', node: 'Send SMS invoice' },
};

async function main(): Promise<void> {
	const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-chromium.sh')], { stdio: 'inherit' });
	if (install.status !== 0) throw new Error('scripts/install-chromium.sh failed');
	ensureN8n();
	const { chromium } = await import('playwright-core');
	const sandboxes = await startSandboxes('random');
	onShutdown(() => closeSandboxes(sandboxes));
	const userFolder = createUserFolder(path.join(RUNTIME_DIR, 'screenshots-user'));
	const placeholders = allPlaceholders(sandboxes);
	const examples = exampleWorkflows().map((example) => ({ ...example, workflow: fillPlaceholders(example.workflow, placeholders, example.file) }));
	await importCredentials(userFolder, sandboxes.map((sandbox) => sandbox.credential));
	await importWorkflows(userFolder, examples.map((example) => example.workflow));
	const n8n = await startN8n(userFolder, await freePort());
	onShutdown(() => n8n.stop());
	const owner = { email: 'shots@example.com', firstName: 'Screen', lastName: 'Shots', password: `Shots-${randomBytes(6).toString('hex')}` };
	await setupOwner(n8n.url, owner);

	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(`${n8n.url}/signin`);
		await page.locator('input[type="email"]').fill(owner.email);
		await page.locator('input[type="password"]').fill(owner.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
		for (const pkg of vendorPackages()) {
			const shot = SHOTS[pkg.name];
			const example = examples.find((e) => e.packageName === pkg.name && e.file === shot?.file);
			if (!shot || !example) throw new Error(`no screenshot set up for ${pkg.name}`);
			await page.goto(`${n8n.url}/workflow/${example.workflow.id}`);
			const node = page.locator('[data-test-id="canvas-node"]', { hasText: shot.node }).first();
			await node.waitFor({ timeout: 30_000 });
			await node.dblclick();
			await page.getByText('Parameters', { exact: true }).first().waitFor({ timeout: 15_000 });
			await page.waitForTimeout(1500); // let pickers and dropdowns load from the sandbox
			const file = path.join(pkg.dir, 'docs', 'node-in-editor.png');
			fs.mkdirSync(path.dirname(file), { recursive: true });
			await page.screenshot({ path: file });
			console.log(`[screenshots] ${path.relative(ROOT, file)}: "${shot.node}" of ${example.file}`);
			await page.keyboard.press('Escape');
		}
		if (pageErrors.length) throw new Error(`the editor reported page errors: ${pageErrors.join(' | ')}`);
	} finally {
		await browser.close();
		await n8n.stop();
		await closeSandboxes(sandboxes);
		removeUserFolder(userFolder);
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(`[screenshots] ${(error as Error)?.stack ?? String(error)}`);
		process.exit(1);
	},
);
