/**
 * `npm run screenshots`: the picture at the top of each package README (packages/<name>/docs/node-in-editor.png).
 * Starts the demo instance (startDemoInstance in scripts/n8n-runtime.ts: sandboxes and a fresh real n8n 2.41.1 with
 * the four packed tarballs installed, as `npm start` and `npm run test:ui` do), opens one example workflow of each
 * package in n8n's editor in Debian's Chromium (installed by scripts/install-chromium.sh when missing) and
 * screenshots the node's parameter panel. Fails when the panel does not open or shows an error.
 * (`npm run test:ui` renews the pictures in docs/ui/ the same way: same browser, page size and sign-in.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROOT, vendorPackages } from './n8n-runtime';
import { startDemoInstance } from './demo-instance';
import { EDITOR_VIEWPORT, launchChromium, signIn } from './browser';

/** Per package: the example workflow to open and the node whose panel the picture shows. */
const SHOTS: Record<string, { file: string; node: string }> = {
	'n8n-nodes-fiskaly-management': { file: 'fiskaly-list-organizations.json', node: 'All organizations' },
	'n8n-nodes-thenextinvoice': { file: 'thenextinvoice-open-invoices-pdfs.json', node: 'Open invoices' },
	'n8n-nodes-semansys': { file: 'semansys-validate-render-deliver.json', node: 'Validate and wait' },
	'n8n-nodes-regtech-invoicing': { file: 'invoicing-api-sms-invoice.json', node: 'Send SMS invoice' },
};

async function main(): Promise<void> {
	const owner = { email: 'shots@example.com', firstName: 'Screen', lastName: 'Shots', password: `Shots-${randomBytes(6).toString('hex')}` };
	const demo = await startDemoInstance({ userFolderName: 'screenshots-user', sandboxPorts: 'random', owner });
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: EDITOR_VIEWPORT });
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await signIn(page, demo.url, owner);
		for (const pkg of vendorPackages()) {
			const shot = SHOTS[pkg.name];
			const example = demo.examples.find((e) => e.packageName === pkg.name && e.file === shot?.file);
			if (!shot || !example) throw new Error(`no screenshot set up for ${pkg.name}`);
			await page.goto(`${demo.url}/workflow/${example.workflow.id}`);
			const node = page.locator('[data-test-id="canvas-node"]', { hasText: shot.node }).first();
			await node.waitFor({ timeout: 30_000 });
			await node.dblclick();
			await page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]').waitFor({ timeout: 15_000 });
			// Let pickers and dropdowns load from the sandbox: no loading indicator left in the panel.
			await page.locator('[data-test-id="ndv"] .el-loading-mask, [data-test-id="ndv"] [class*="loading"]').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
			await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
			const file = path.join(pkg.dir, 'docs', 'node-in-editor.png');
			fs.mkdirSync(path.dirname(file), { recursive: true });
			await page.screenshot({ path: file });
			console.log(`[screenshots] ${path.relative(ROOT, file)}: "${shot.node}" of ${example.file}`);
			await page.keyboard.press('Escape');
		}
		if (pageErrors.length) throw new Error(`the editor reported page errors: ${pageErrors.join(' | ')}`);
	} finally {
		await browser.close();
		await demo.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(`[screenshots] ${(error as Error)?.stack ?? String(error)}`);
		process.exit(1);
	},
);
