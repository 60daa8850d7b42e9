/** n8n's editor in a browser (Debian's Chromium driven by playwright-core): `npm run screenshots`, `npm run test:ui`. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { ROOT } from './n8n-runtime';
import type { OwnerAccount } from './n8n-server';


/** Installs Debian's chromium when missing (scripts/install-chromium.sh) and launches it headless (UI_HEADED=1 shows it). */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
	const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-chromium.sh')], { stdio: 'inherit' });
	if (install.status !== 0) throw new Error('scripts/install-chromium.sh failed');
	const { chromium } = await import('playwright-core');
	return await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: !process.env.UI_HEADED,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			// Several pages work at once: none of them may be slowed down as a background tab.
			'--disable-renderer-backgrounding',
			'--disable-background-timer-throttling',
			'--disable-backgrounding-occluded-windows',
		],
	});
}

/** The editor's page size for every picture (README pictures and the browser test's). */
export const EDITOR_VIEWPORT = { width: 1440, height: 900 };

/** Signs in on n8n's sign-in page as a user does. */
export async function signIn(page: import('playwright-core').Page, url: string, owner: OwnerAccount): Promise<void> {
	// The editor's first load (a few MB of scripts) is slow on a busy machine.
	await page.goto(`${url}/signin`, { timeout: 90_000 });
	await page.locator('input[type="email"]').fill(owner.email);
	await page.locator('input[type="password"]').fill(owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 60_000 });
}
