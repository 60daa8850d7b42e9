/// <reference lib="dom" />
/**
 * `npm run test:ui`: the four packages in n8n's real editor, in Debian's Chromium driven by playwright-core.
 *
 * Starts the vendor sandboxes and ONE fresh real n8n 2.41.1 with the four packed tarballs installed (as the demo does:
 * sandbox credentials and every packages/<name>/examples/*.json imported), launches ONE browser, signs in, then:
 *  1. node creator: every node of every package is found by the words a user would type (its vendor's name and the
 *     domain word of its package: "invoice", "xbrl", "fiscal"), and the search result opens its triggers and actions;
 *  2. panels: every node is added from the node creator; for every resource × operation its description offers (read
 *     from the running n8n's /types/nodes.json, never a hard-coded list) the resource and operation are chosen in the
 *     panel's dropdowns (typing into n8n's dropdown search, then clicking the option, as a user does) and every
 *     parameter the description shows for that choice must render; every resource locator's "From list" must list
 *     entries from the sandbox and every dropdown loaded from the account (loadOptions) must show options;
 *  3. examples: every example workflow is opened, run with "Execute workflow", every node must succeed, and every
 *     node's panel must open complete (no resource locator without a mode, no parameter issues);
 *  4. credentials: every credential type is created in the credentials modal with the sandbox's values and n8n must
 *     say "Connection tested successfully"; with a wrong secret the vendor's message shows, without the secret.
 * Every check also fails on a page error or a console error, except the few n8n itself logs here (IGNORED_CONSOLE).
 * Screenshots go to docs/ui/. Prints a summary table and `<n> passed, <m> failed`; exits 1 on any failure.
 *
 * Options (environment): UI_ONLY=creator,panels,examples,credentials runs only those parts; UI_NODES=<substring>
 * only the matching node types; UI_HEADED=1 shows the browser (needs a display).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, ConsoleMessage, Locator, Page } from 'playwright-core';
import {
	RUNTIME_DIR,
	ROOT,
	createUserFolder,
	ensureN8n,
	exampleWorkflows,
	freePort,
	importCredentials,
	importWorkflows,
	login,
	missingTarballs,
	onShutdown,
	removeUserFolder,
	setupOwner,
	startN8n,
	vendorPackages,
} from '../../scripts/n8n-runtime';
import { allPlaceholders, closeSandboxes, fillPlaceholders, startSandboxes } from '../../scripts/sandboxes';
import type { StartedSandbox } from '../../scripts/sandboxes';

const SHOTS_DIR = path.join(ROOT, 'docs', 'ui');

/**
 * What a user types into the node creator to find a package's nodes, besides the vendor's name (the first word of
 * the node's display name): the domain word of the package. A search vocabulary, not a list of nodes or operations.
 */
const DOMAIN_WORDS: Record<string, string[]> = {
	'n8n-nodes-fiskaly-management': ['fiscal'],
	'n8n-nodes-thenextinvoice': ['invoice'],
	'n8n-nodes-semansys': ['xbrl'],
	'n8n-nodes-regtech-invoicing': ['invoice'],
};

/**
 * Console errors n8n 2.41.1 itself logs on these offline machines, matched precisely (message AND address):
 * - the 401 of /rest/login the editor asks before anyone has signed in;
 * - certificate errors of n8n's calls to outside hosts (the npm registry for a community node's details; no
 *   trusted route to the internet here);
 * - the 404 of /schemas/<type>/<version>/<resource>/<operation>.json: after a run n8n asks every node for the
 *   optional output schemas a package may ship in `__schema__/`; ours ship none, and n8n falls back to the data.
 */
const IGNORED_CONSOLE: Array<{ label: string; test: (text: string, url: string) => boolean }> = [
	{
		label: '401 of /rest/login before sign-in',
		test: (text, url) => /status of 401/.test(text) && new URL(url, 'http://x').pathname === '/rest/login',
	},
	{
		label: 'certificate error of an outside host',
		test: (text, url) => /net::ERR_CERT_[A-Z_]+/.test(text) && /^https:\/\//.test(url) && !/^https:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url),
	},
	{
		label: '404 of an optional output schema (/schemas/<type>/<version>[/<resource>/<operation>].json)',
		test: (text, url) => /status of 404/.test(text) && /^\/schemas\/n8n-nodes-[a-z-]+\.[A-Za-z]+\/[\d.]+(\/[^/]+\/[^/]+)?\.json$/.test(new URL(url, 'http://x').pathname),
	},
];

// ---------------------------------------------------------------------------------------------------------------
// Checks and their report.

type Category = 'node creator' | 'nodes' | 'operations' | 'pickers' | 'dropdowns' | 'credentials' | 'examples' | 'example nodes' | 'screenshots';

interface CheckResult {
	category: Category;
	name: string;
	ok: boolean;
	detail?: string;
	ms: number;
}

const results: CheckResult[] = [];
const ignoredConsole = new Map<string, number>();
let pendingErrors: string[] = [];
const secretsToHide = new Set<string>();

function scrub(text: string): string {
	let out = text;
	for (const secret of secretsToHide) if (secret.length >= 4) out = out.split(secret).join('«secret»');
	return out;
}

function record(category: Category, name: string, ok: boolean, detail: string | undefined, started: number): boolean {
	const errors = pendingErrors.splice(0);
	if (errors.length) {
		ok = false;
		const shown = errors.slice(0, 3).map((e) => e.slice(0, 400));
		detail = [detail, ...shown, errors.length > 3 ? `… ${errors.length - 3} more` : ''].filter(Boolean).join(' | ');
	}
	const result = { category, name, ok, detail: detail === undefined ? undefined : scrub(detail), ms: Date.now() - started };
	results.push(result);
	if (!ok || process.env.UI_VERBOSE) console.log(`[ui] ${ok ? 'ok  ' : 'FAIL'} ${category}: ${name}${result.detail ? ` — ${result.detail}` : ''}`);
	return ok;
}

/** Runs one check: fails on a thrown error, on a false `ok`, or on a page / console error while it ran. */
async function check(category: Category, name: string, fn: () => Promise<string | void>): Promise<boolean> {
	const started = Date.now();
	pendingErrors = [];
	try {
		const problem = await fn();
		const file = problem || pendingErrors.length ? await failureShot() : undefined;
		return record(category, name, !problem, problem ? `${problem}${file ? ` (screenshot ${file})` : ''}` : undefined, started);
	} catch (error) {
		const file = await failureShot();
		return record(category, name, false, `${(error as Error).message.split('\n')[0]}${file ? ` (screenshot ${file})` : ''}`, started);
	}
}

/** The page at a failed check, for the log (.runtime/ui-failures/, git-ignored); never one of the README pictures. */
let currentPage: Page | undefined;
let failureShots = 0;
async function failureShot(): Promise<string | undefined> {
	if (!currentPage || failureShots >= 30) return undefined;
	const file = path.join(RUNTIME_DIR, 'ui-failures', `failure-${++failureShots}.png`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	return (await currentPage.screenshot({ path: file }).then(() => path.relative(ROOT, file)).catch(() => undefined));
}

function watchPage(page: Page): void {
	page.on('pageerror', (error) => pendingErrors.push(`page error: ${error.message}`));
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() !== 'error') return;
		const text = message.text();
		const url = message.location()?.url ?? '';
		const ignored = IGNORED_CONSOLE.find((rule) => rule.test(text, url));
		if (ignored) ignoredConsole.set(ignored.label, (ignoredConsole.get(ignored.label) ?? 0) + 1);
		else pendingErrors.push(`console error: ${text.slice(0, 300)}${url ? ` (${url})` : ''}`);
	});
}

// ---------------------------------------------------------------------------------------------------------------
// Node descriptions (as the running n8n serves them to the editor) and n8n's display rules.

interface Property {
	displayName: string;
	name: string;
	type: string;
	default?: unknown;
	options?: Array<{ name: string; value?: unknown; values?: Property[]; displayName?: string; action?: string } & Partial<Property>>;
	displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
	typeOptions?: { loadOptionsMethod?: string; loadOptionsDependsOn?: string[]; password?: boolean; [key: string]: unknown };
	modes?: Array<{ name: string; displayName: string; typeOptions?: { searchListMethod?: string } }>;
	required?: boolean;
}

interface NodeType {
	name: string;
	displayName: string;
	version: number | number[];
	defaultVersion?: number;
	group: string[];
	properties: Property[];
	credentials?: Array<{ name: string; displayOptions?: Property['displayOptions'] }>;
	packageName: string;
}

interface CredentialType {
	name: string;
	displayName: string;
	properties: Property[];
}

function conditionMatches(condition: unknown, value: unknown): boolean {
	if (condition !== null && typeof condition === 'object' && '_cnd' in condition) {
		const [op, arg] = Object.entries((condition as { _cnd: Record<string, any> })._cnd)[0] ?? [];
		const v = value as any;
		switch (op) {
			case 'eq': return v === arg;
			case 'not': return v !== arg;
			case 'gte': return v >= arg;
			case 'lte': return v <= arg;
			case 'gt': return v > arg;
			case 'lt': return v < arg;
			case 'between': return v >= arg.from && v <= arg.to;
			case 'startsWith': return String(v).startsWith(arg);
			case 'endsWith': return String(v).endsWith(arg);
			case 'includes': return String(v).includes(arg);
			case 'regex': return new RegExp(arg).test(String(v));
			case 'exists': return v !== undefined && v !== null && v !== '';
			default: return false;
		}
	}
	return condition === value || JSON.stringify(condition) === JSON.stringify(value);
}

/** n8n's displayOptions for a top-level parameter, given the node's parameter values (NodeHelpers.displayParameter). */
function displayed(displayOptions: Property['displayOptions'], values: Record<string, unknown>, version: number): boolean {
	if (!displayOptions) return true;
	const valueOf = (key: string) => (key === '@version' ? version : values[key.replace(/^\//, '')]);
	const anyMatch = (conditions: unknown[], value: unknown) => {
		const list = Array.isArray(conditions) ? conditions : [conditions];
		const vs = Array.isArray(value) ? value : [value];
		return vs.some((v) => list.some((c) => conditionMatches(c, v)));
	};
	for (const [key, conditions] of Object.entries(displayOptions.show ?? {})) {
		if (!anyMatch(conditions, valueOf(key))) return false;
	}
	for (const [key, conditions] of Object.entries(displayOptions.hide ?? {})) {
		if (valueOf(key) !== undefined && anyMatch(conditions, valueOf(key))) return false;
	}
	return true;
}

function nodeVersion(node: NodeType): number {
	return node.defaultVersion ?? (Array.isArray(node.version) ? Math.max(...node.version) : node.version);
}

/** The top-level parameters shown for the given values, with the values n8n then holds (defaults of the shown ones). */
function shownParameters(node: NodeType, chosen: Record<string, unknown>): { shown: Property[]; values: Record<string, unknown> } {
	const version = nodeVersion(node);
	const values: Record<string, unknown> = {};
	const shown: Property[] = [];
	for (const prop of node.properties) {
		if (values[prop.name] !== undefined) continue; // first shown definition of a name wins
		if (!displayed(prop.displayOptions, { ...values, ...chosen }, version)) continue;
		values[prop.name] = prop.name in chosen ? chosen[prop.name] : prop.default;
		shown.push(prop);
	}
	return { shown, values: { ...values, ...chosen } };
}

/** resource → operations, as the description offers them (a node without resources has one entry '' → []). */
function resourceOperations(node: NodeType): Array<{ resource?: Property['options'] extends Array<infer O> | undefined ? O : never; operations: NonNullable<Property['options']> }> {
	const version = nodeVersion(node);
	const resourceProp = node.properties.find((p) => p.name === 'resource' && displayed(p.displayOptions, {}, version));
	if (!resourceProp) return [];
	return (resourceProp.options ?? []).map((resource) => {
		const opProp = node.properties.find(
			(p) => p.name === 'operation' && p.type === 'options' && displayed(p.displayOptions, { resource: resource.value }, version),
		);
		return { resource, operations: opProp?.options ?? [] };
	});
}

/** Parameter types whose control has a `parameter-input-<name>` element; the others are found by their label. */
const INPUT_TYPES = new Set(['string', 'number', 'boolean', 'options', 'multiOptions', 'resourceLocator', 'json', 'dateTime', 'color']);

function expectedControls(shown: Property[]): Array<{ name: string; displayName: string; byInput: boolean }> {
	return shown
		.filter((p) => !['hidden', 'notice', 'callout', 'credentialsSelect', 'button'].includes(p.type))
		// n8n's panel offers the `authentication` choice inside the Credential selector, not as a parameter.
		.filter((p) => p.name !== 'authentication')
		.map((p) => ({ name: p.name, displayName: p.displayName, byInput: INPUT_TYPES.has(p.type) }));
}

// ---------------------------------------------------------------------------------------------------------------
// UI helpers.

const ndvSel = '[data-test-id="ndv"]';
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function regexExact(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** The visible option of the open n8n dropdown whose headline is exactly `name`. */
function visibleOption(page: Page, name: string): Locator {
	return page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator('.option-headline', { hasText: regexExact(name) }) })
		.first();
}

/** Chooses an option of a parameter dropdown in the panel the way a user does: open, type to filter, click. */
async function chooseOption(page: Page, scope: Locator, paramName: string, optionName: string): Promise<void> {
	const control = scope.locator(`[data-test-id="parameter-input-${paramName}"]`).first();
	const input = control.locator('input').first();
	if ((await input.inputValue().catch(() => '')) === optionName) return;
	await control.click();
	await page.keyboard.insertText(optionName);
	const option = visibleOption(page, optionName);
	await option.waitFor({ state: 'visible', timeout: 5000 });
	await option.click();
	const deadline = Date.now() + 5000;
	while ((await input.inputValue()) !== optionName) {
		if (Date.now() > deadline) throw new Error(`"${paramName}" shows "${await input.inputValue()}" after choosing "${optionName}"`);
		await page.waitForTimeout(50);
	}
}

/** Waits until every expected control is rendered in the panel; returns the missing ones after the timeout. */
async function missingControls(page: Page, expected: ReturnType<typeof expectedControls>, timeoutMs = 5000): Promise<string[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const missing = await page.evaluate(
			({ expected, ndvSel }) => {
				const root = document.querySelector(ndvSel) ?? document.body;
				const ids = new Set(Array.from(root.querySelectorAll('[data-test-id^="parameter-input-"]')).map((e) => e.getAttribute('data-test-id')));
				const labels = Array.from(root.querySelectorAll('[data-test-id="parameter-item"], [data-test-id="input-label"], label, .parameter-item')).map((e) => e.textContent ?? '');
				return expected
					.filter((p) => !ids.has(`parameter-input-${p.name}`) && (p.byInput || !labels.some((t) => t.includes(p.displayName))))
					.map((p) => p.name);
			},
			{ expected, ndvSel },
		);
		if (missing.length === 0 || Date.now() > deadline) return missing;
		await page.waitForTimeout(100);
	}
}

async function closeDropdowns(page: Page): Promise<void> {
	// A click on the panel's "Parameters" tab header closes an open dropdown without closing the panel.
	await page.locator(`${ndvSel} [data-test-id="tab-params"]`).first().click({ timeout: 2000 }).catch(() => undefined);
}

async function shot(page: Page, file: string, label: string): Promise<void> {
	await check('screenshots', label, async () => {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await page.screenshot({ path: file });
		shotsWritten.push(path.relative(ROOT, file));
	});
}
const shotsWritten: string[] = [];

/** An empty canvas: the current new workflow emptied (select all, delete), or a freshly loaded one. */
async function newWorkflow(page: Page, url: string): Promise<void> {
	if (/\/workflow\/[^/]+/.test(new URL(page.url()).pathname) && new URL(page.url()).searchParams.has('new')) {
		for (let i = 0; i < 3 && (await page.locator(ndvSel).isVisible()); i++) await page.keyboard.press('Escape');
		if (!(await page.locator(ndvSel).isVisible())) {
			await page.locator('[data-test-id="canvas-wrapper"]').click({ position: { x: 20, y: 200 } }).catch(() => undefined);
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.press('Delete');
			if (await page.locator('[data-test-id="canvas-plus-button"]').isVisible({ timeout: 2000 }).catch(() => false)) {
				if ((await page.locator('[data-test-id="canvas-node"]').count()) === 0) return;
			}
		}
	}
	await page.goto(`${url}/workflow/new`);
	await page.locator('[data-test-id="canvas-plus-button"]').waitFor({ timeout: 30_000 });
}

/** The node creator's search field (an <input> in 2.41.1; a wrapper around one in some versions). */
function creatorSearch(page: Page): Locator {
	return page.locator('input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input').first();
}

/** The node creator's entry for a node: an app entry is named after the action node (triggers live under it). */
function appName(node: NodeType): string {
	return node.displayName.replace(/ Trigger$/, '');
}

function vendorWord(node: NodeType): string {
	return appName(node).split(' ')[0];
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Node creator.

async function checkNodeCreator(page: Page, url: string, nodes: NodeType[]): Promise<void> {
	await newWorkflow(page, url);
	await page.locator('[data-test-id="canvas-plus-button"]').click();
	for (const node of nodes) {
		const words = [vendorWord(node), ...(DOMAIN_WORDS[node.packageName] ?? [])];
		for (const word of words) {
			await check('node creator', `"${word}" finds ${node.displayName}`, async () => {
				await creatorSearch(page).fill(word);
				const item = page.locator('[data-test-id="node-creator-item-name"]', { hasText: regexExact(appName(node)) }).first();
				try {
					await item.waitFor({ state: 'visible', timeout: 3000 });
				} catch {
					const shown = await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
					return `not in the results (${shown.length ? shown.slice(0, 8).join(', ') : 'none'})`;
				}
				return undefined;
			});
		}
	}
	// The picture: what a user sees after typing "invoice".
	await creatorSearch(page).fill('invoice');
	await page.waitForTimeout(500);
	await shot(page, path.join(SHOTS_DIR, 'node-creator-search.png'), 'node creator search');
	await page.keyboard.press('Escape');
}

/** Adds a node from the node creator on a new workflow; its panel opens. */
async function addNode(page: Page, url: string, node: NodeType): Promise<void> {
	await newWorkflow(page, url);
	await page.locator('[data-test-id="canvas-plus-button"]').click();
	await creatorSearch(page).fill(vendorWord(node));
	await page.locator('[data-test-id="node-creator-item-name"]', { hasText: regexExact(appName(node)) }).first().click();
	const isTrigger = node.group.includes('trigger');
	await page.locator('[data-test-id="node-creator-category-item"]').first().waitFor({ timeout: 10_000 });
	if (isTrigger) {
		const triggersHeader = page.locator('[data-test-id="node-creator-category-item"]', { hasText: /^\s*Triggers \(\d+\)/ }).first();
		if (!(await triggersHeader.isVisible())) throw new Error('the node creator shows no triggers for it');
		await page.locator('[data-test-id="node-creator-item-name"]').first().click();
	} else {
		// The first action of the description, by the text the node creator shows for it (the option's `action`).
		const first = resourceOperations(node).find((r) => r.operations.length)?.operations.find((o) => o.value !== CUSTOM_API_CALL);
		const actionText = String(first?.action ?? first?.name);
		const item = page.locator('[data-test-id="node-creator-item-name"]', { hasText: regexExact(actionText) }).first();
		if (!(await item.isVisible())) {
			await page.locator('[data-test-id="node-creator-category-item"]', { hasText: /^\s*Actions \(\d+\)/ }).first().click();
		}
		await item.click();
	}
	await page.locator(ndvSel).waitFor({ state: 'visible', timeout: 15_000 });
	await page.locator(`${ndvSel} [data-test-id="node-parameters"]`).waitFor({ timeout: 15_000 });
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Panels: every resource × operation, pickers and account dropdowns.

const checkedPickers = new Set<string>();

/** A resource locator's "From list": must list entries from the sandbox. */
async function checkResourceLocator(page: Page, node: NodeType, prop: Property, where: string): Promise<void> {
	const method = prop.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod;
	const key = `${node.name}|${prop.name}|${method}`;
	if (!method || checkedPickers.has(key)) return;
	checkedPickers.add(key);
	await check('pickers', `${node.displayName} › ${prop.displayName} (${method}, ${where})`, async () => {
		const rl = page.locator(`${ndvSel} [data-test-id="resource-locator-${prop.name}"]`).first();
		const mode = rl.locator('[data-test-id="rlc-mode-selector"] input').first();
		const listMode = prop.modes?.find((m) => m.name === 'list')?.displayName ?? 'From list';
		// n8n names the standard modes itself ("From list"); the description may spell them otherwise ("From List").
		const isList = (text: string) => text.trim().toLowerCase() === listMode.toLowerCase() || text.trim().toLowerCase() === 'from list';
		if (!isList(await mode.inputValue())) {
			await rl.locator('[data-test-id="rlc-mode-selector"]').click();
			await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*(From list|${listMode})\\s*$`, 'i') }).first().click();
		}
		await rl.locator('[data-test-id="rlc-input"]').click();
		const items = page.locator('[data-test-id="rlc-item"]:visible');
		try {
			await items.first().waitFor({ state: 'visible', timeout: 10_000 });
		} catch {
			const dropdown = (await page.locator('[data-test-id="resource-locator-dropdown"]:visible, .el-popper:visible').last().innerText().catch(() => '')).trim();
			await closeDropdowns(page);
			return `the list shows no entries${dropdown ? ` ("${dropdown.slice(0, 200)}")` : ''}`;
		}
		const count = await items.count();
		// Choose the first entry, as a user would: pickers that list within it (an organization's API keys) need it.
		await items.first().click().catch(() => closeDropdowns(page));
		return count > 0 ? undefined : 'the list is empty';
	});
}

/** A dropdown loaded from the account (loadOptions): must show options, not an error. */
async function checkLoadOptions(page: Page, node: NodeType, prop: Property, where: string, scope?: Locator): Promise<void> {
	const method = prop.typeOptions?.loadOptionsMethod;
	const key = `${node.name}|${prop.name}|${method}`;
	if (!method || checkedPickers.has(key)) return;
	checkedPickers.add(key);
	await check('dropdowns', `${node.displayName} › ${prop.displayName} (${method}, ${where})`, async () => {
		const control = (scope ?? page.locator(ndvSel)).locator(`[data-test-id="parameter-input-${prop.name}"]`).first();
		await control.click();
		const options = page.locator('.el-select-dropdown__item:visible');
		try {
			await options.first().waitFor({ state: 'visible', timeout: 10_000 });
		} catch {
			const shownText = (await page.locator('.el-select-dropdown:visible, .el-popper:visible').last().innerText().catch(() => '')).trim();
			await closeDropdowns(page);
			return `no options${shownText ? ` ("${shownText.slice(0, 200)}")` : ''}`;
		}
		const texts = await options.allInnerTexts();
		await closeDropdowns(page);
		const error = texts.find((t) => /error|could not|failed/i.test(t));
		return error ? `shows "${error.slice(0, 200)}"` : undefined;
	});
}

/**
 * Account dropdowns inside a collection ("Additional Fields", ...) or a fixed collection (invoice lines): added the
 * way a user adds them ("Add field" / "Add line"), then opened.
 */
async function checkNestedLoadOptions(page: Page, node: NodeType, prop: Property, where: string): Promise<void> {
	const nested: Array<{ child: Property; group?: { name: string; displayName: string } }> = [];
	if (prop.type === 'collection') {
		for (const child of prop.options ?? []) if ((child as Property).typeOptions?.loadOptionsMethod) nested.push({ child: child as Property });
	} else if (prop.type === 'fixedCollection') {
		for (const group of prop.options ?? []) {
			for (const child of group.values ?? []) if (child.typeOptions?.loadOptionsMethod) nested.push({ child, group: { name: group.name, displayName: group.displayName ?? group.name } });
		}
	}
	const todo = nested.filter(({ child }) => !checkedPickers.has(`${node.name}|${child.name}|${child.typeOptions?.loadOptionsMethod}`));
	if (todo.length === 0) return;
	const container = page.locator(`${ndvSel} [data-test-id="parameter-item"]`, { has: page.locator('label, [data-test-id="input-label"]', { hasText: regexExact(prop.displayName) }) }).last();
	if (prop.type === 'fixedCollection') {
		// One click on "Add …" adds a group with all its fields.
		await container.locator('[data-test-id="fixed-collection-add"], button').first().click().catch(() => undefined);
		const groupChoice = page.locator('.el-select-dropdown__item:visible, .el-dropdown-menu__item:visible', { hasText: regexExact(todo[0].group?.displayName ?? '') }).first();
		if (await groupChoice.isVisible().catch(() => false)) await groupChoice.click();
		for (const { child } of todo) await checkLoadOptions(page, node, child, `${where}, in ${prop.displayName}`, container);
		return;
	}
	for (const { child } of todo) {
		const add = container.locator('[data-test-id="collection-parameter-add"]').first();
		await add.click().catch(() => undefined);
		await page.keyboard.insertText(child.displayName).catch(() => undefined);
		const option = page.locator('.el-select-dropdown__item:visible', { hasText: regexExact(child.displayName) }).first();
		await option.click({ timeout: 3000 }).catch(() => undefined);
		await checkLoadOptions(page, node, child, `${where}, in ${prop.displayName}`, container);
	}
}

async function checkPickersOf(page: Page, node: NodeType, shown: Property[], where: string): Promise<void> {
	for (const prop of shown) {
		if (prop.type === 'resourceLocator') await checkResourceLocator(page, node, prop, where);
		else if (prop.typeOptions?.loadOptionsMethod) await checkLoadOptions(page, node, prop, where);
		else if (prop.type === 'collection' || prop.type === 'fixedCollection') await checkNestedLoadOptions(page, node, prop, where);
	}
}

async function checkNodePanels(page: Page, url: string, node: NodeType): Promise<void> {
	const added = await check('nodes', `${node.displayName}: added from the node creator, panel opens`, async () => {
		await addNode(page, url, node);
	});
	if (!added) return;
	const pairs = resourceOperations(node);
	const file = path.join(SHOTS_DIR, `panel-${node.name.split('.').pop()}.png`);
	if (pairs.length === 0) {
		// Nodes without resources (the triggers): every parameter of the panel as it opens.
		const { shown } = shownParameters(node, {});
		await check('operations', `${node.displayName}: parameters render`, async () => {
			const missing = await missingControls(page, expectedControls(shown));
			return missing.length ? `not rendered: ${missing.join(', ')}` : undefined;
		});
		await checkPickersOf(page, node, shown, 'panel');
		await shot(page, file, `${node.displayName} panel`);
		return;
	}
	const ndv = page.locator(ndvSel);
	let first = true;
	for (const { resource, operations } of pairs) {
		for (const operation of operations) {
			const where = `${resource?.name} › ${operation.name}`;
			let ok = await check('operations', `${node.displayName}: ${where}`, async () => {
				await chooseOption(page, ndv, 'resource', String(resource?.name));
				await chooseOption(page, ndv, 'operation', operation.name);
				const { shown } = shownParameters(node, { resource: resource?.value, operation: operation.value });
				// n8n adds "Custom API Call" to the operations of nodes whose credential the HTTP Request node can use;
				// choosing it shows only a notice pointing there, no parameters of ours.
				const expected = operation.value === CUSTOM_API_CALL ? expectedControls(shown.filter((p) => ['resource', 'operation'].includes(p.name))) : expectedControls(shown);
				const missing = await missingControls(page, expected);
				return missing.length ? `not rendered: ${missing.join(', ')}` : undefined;
			});
			if (ok && operation.value === CUSTOM_API_CALL) continue;
			if (ok) {
				const { shown } = shownParameters(node, { resource: resource?.value, operation: operation.value });
				await checkPickersOf(page, node, shown, where);
				if (first) await shot(page, file, `${node.displayName} panel`);
				first = false;
			} else {
				// Start the next operation from a clean panel.
				await page.keyboard.press('Escape').catch(() => undefined);
				ok = await check('nodes', `${node.displayName}: panel reopened after a failure`, async () => addNode(page, url, node));
				if (!ok) return;
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Example workflows.

async function checkExamples(
	page: Page,
	url: string,
	examples: Array<{ packageName: string; file: string; workflow: { id: string; name: string; nodes: any[] } }>,
): Promise<void> {
	for (const example of examples) {
		const label = `${example.packageName}/examples/${example.file}`;
		const ran = await check('examples', `${label}: Execute workflow, every node succeeds`, async () => {
			await page.goto(`${url}/workflow/${example.workflow.id}`);
			const nodes = page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor({ timeout: 30_000 });
			const total = example.workflow.nodes.filter((n) => !n.disabled && !String(n.type).includes('stickyNote')).length;
			await page.locator('[data-test-id="execute-workflow-button"]').first().click();
			const deadline = Date.now() + 120_000;
			for (;;) {
				const success = await page.locator('[data-test-id="canvas-node-status-success"]').count();
				const failed = await page.locator('[data-test-id="canvas-node-status-error"], [data-test-id="canvas-node-status-warning"]').count();
				if (failed) {
					const names = await page.locator('[data-test-id="canvas-node"]', { has: page.locator('[data-test-id="canvas-node-status-error"]') }).allInnerTexts();
					return `failed: ${names.map((n) => n.split('\n')[0]).join(', ') || `${failed} node(s)`}`;
				}
				if (success >= total) break;
				if (Date.now() > deadline) return `only ${success} of ${total} nodes succeeded within 120 s`;
				await page.waitForTimeout(250);
			}
			const running = page.locator('[data-test-id="execute-workflow-button"][disabled], [data-test-id="stop-execution-button"]');
			await running.first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
			return undefined;
		});
		if (ran) await shot(page, path.join(SHOTS_DIR, `execution-${example.file.replace(/\.json$/, '')}.png`), `${label} execution`);
		for (const wfNode of example.workflow.nodes) {
			if (String(wfNode.type).includes('stickyNote')) continue;
			await check('example nodes', `${label} › "${wfNode.name}": parameters complete`, async () => {
				await page.keyboard.press('Escape').catch(() => undefined);
				await page.locator('[data-test-id="canvas-node"]').filter({ has: page.getByText(wfNode.name, { exact: true }) }).first().dblclick();
				await page.locator(`${ndvSel} [data-test-id="node-parameters"]`).waitFor({ timeout: 15_000 });
				await page.waitForTimeout(300);
				const problems = await page.evaluate((ndvSel) => {
					const root = document.querySelector(ndvSel) ?? document.body;
					const out: string[] = [];
					for (const rl of Array.from(root.querySelectorAll('[data-test-id^="resource-locator-"]'))) {
						const mode = rl.querySelector('[data-test-id="rlc-mode-selector"] input') as HTMLInputElement | null;
						if (mode && !mode.value) out.push(`${rl.getAttribute('data-test-id')?.replace('resource-locator-', '')} shows no mode ("${mode.placeholder}")`);
					}
					for (const issue of Array.from(root.querySelectorAll('[data-test-id="parameter-issues"], .parameter-issues'))) {
						const item = issue.closest('[data-test-id="parameter-item"], .parameter-item');
						const label = item?.querySelector('label, [data-test-id="input-label"]')?.textContent?.trim();
						out.push(`parameter issue at ${label ?? 'a parameter'}`);
					}
					return out;
				}, ndvSel);
				await page.keyboard.press('Escape');
				return problems.length ? problems.join('; ') : undefined;
			});
		}
	}
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Credentials in the credentials modal.

async function fillCredentialField(page: Page, modal: Locator, prop: Property, value: unknown): Promise<void> {
	const control = modal.locator(`[data-test-id="parameter-input-${prop.name}"]`).first();
	if (prop.type === 'options') {
		const option = (prop.options ?? []).find((o) => o.value === value);
		if (!option) throw new Error(`${prop.name}: no option with value ${JSON.stringify(value)}`);
		await chooseOption(page, modal, prop.name, option.name);
		return;
	}
	if (prop.type === 'boolean') return;
	const input = control.locator('input, textarea').first();
	await input.fill(String(value));
}

async function checkCredentials(page: Page, url: string, credentialTypes: Array<CredentialType & { packageName: string }>, sandboxes: StartedSandbox[]): Promise<void> {
	let shotTaken = false;
	for (const type of credentialTypes) {
		const sandbox = sandboxes.find((s) => s.packageName === type.packageName);
		if (!sandbox) {
			record('credentials', `${type.displayName}: no sandbox for ${type.packageName}`, false, undefined, Date.now());
			continue;
		}
		// The sandbox's value for each field: its imported credential when the type matches, else its placeholders.
		const prefix = Object.keys(sandbox.placeholders).find((k) => k.endsWith('_CREDENTIAL_ID'))!.replace(/_CREDENTIAL_ID$/, '');
		const valueFor = (field: string): unknown =>
			sandbox.credential.type === type.name && field in sandbox.credential.data
				? sandbox.credential.data[field]
				: sandbox.placeholders[`${prefix}_${field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`];
		const secretProps = type.properties.filter((p) => p.typeOptions?.password && p.type !== 'hidden');
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		const ok = await check('credentials', `${type.displayName}: filled from the sandbox, "Connection tested successfully"`, async () => {
			await page.goto(`${url}/home/credentials`);
			await page.locator('[data-test-id="add-resource-credential"]').click();
			await page.locator('[data-test-id="new-credential-type-select"] input').fill(type.displayName);
			await page.locator('[data-test-id="new-credential-type-select-option"]', { hasText: regexExact(type.displayName) }).first().click();
			await page.locator('[data-test-id="new-credential-type-button"]').click();
			await modal.waitFor({ timeout: 10_000 });
			const values: Record<string, unknown> = {};
			for (const prop of type.properties) {
				if (prop.type === 'hidden' || prop.type === 'notice') continue;
				const value = valueFor(prop.name);
				if (!displayed(prop.displayOptions, { ...values }, 1)) continue;
				values[prop.name] = value ?? prop.default;
				if (value === undefined || value === prop.default) continue;
				if (prop.typeOptions?.password) secretsToHide.add(String(value));
				await fillCredentialField(page, modal, prop, value);
			}
			await modal.locator('[data-test-id="credential-save-button"]').click();
			const success = modal.getByText('Connection tested successfully');
			const failure = modal.getByText(/Couldn.t connect with these settings/).first();
			await success.or(failure).first().waitFor({ state: 'visible', timeout: 30_000 });
			if (await failure.isVisible()) return `n8n says: Couldn't connect with these settings`;
			if (!shotTaken) {
				await shot(page, path.join(SHOTS_DIR, 'credential-tested.png'), 'credential modal');
				shotTaken = true;
			}
			return undefined;
		});
		if (!ok || secretProps.length === 0) {
			await page.keyboard.press('Escape').catch(() => undefined);
			continue;
		}
		const secret = secretProps.find((p) => displayed(p.displayOptions, Object.fromEntries(type.properties.map((q) => [q.name, valueFor(q.name) ?? q.default])), 1)) ?? secretProps[0];
		const wrong = `Wrong-${randomBytes(9).toString('hex')}`;
		secretsToHide.add(wrong);
		await check('credentials', `${type.displayName}: wrong ${secret.displayName} shows the vendor's message without the secret`, async () => {
			const input = modal.locator(`[data-test-id="parameter-input-${secret.name}"] input`).first();
			await input.fill(wrong);
			await modal.locator('[data-test-id="credential-save-button"]').click();
			const failure = modal.getByText(/Couldn.t connect with these settings/).first();
			await failure.waitFor({ state: 'visible', timeout: 30_000 });
			// "More details" unfolds the vendor's message under n8n's headline.
			await modal.getByText('More details', { exact: true }).first().click().catch(() => undefined);
			await page.waitForTimeout(500);
			const banner = modal.locator('[data-test-id="credentials-config-container-test-error"], .n8n-callout, [role="alert"]').filter({ hasText: /Couldn.t connect/ }).first();
			const text = ((await banner.innerText().catch(() => '')) || (await modal.innerText())).replace(/\s+/g, ' ').trim();
			const pageText = await page.locator('body').innerText();
			const leaked = [...secretsToHide].filter((s) => s.length >= 4 && (pageText.includes(s) || text.includes(s)));
			if (leaked.length) return `the page shows a secret (${leaked.length} value(s))`;
			const message = text.replace(/^.*?(Couldn.t connect with these settings|Connection failed)/i, '').replace(/More details|Retry/g, '').trim();
			if (message.length < 5) return `no vendor message, only "${text.slice(0, 200)}"`;
			if (process.env.UI_VERBOSE) console.log(`[ui]      ${type.displayName} wrong secret: ${scrub(text).slice(0, 200)}`);
			return undefined;
		});
		await page.keyboard.press('Escape').catch(() => undefined);
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Main.

function printSummary(totalMs: number, counts: Record<string, number>): void {
	const categories: Category[] = ['node creator', 'nodes', 'operations', 'pickers', 'dropdowns', 'credentials', 'examples', 'example nodes', 'screenshots'];
	const rows = categories.map((category) => {
		const list = results.filter((r) => r.category === category);
		return { category, checked: list.length, passed: list.filter((r) => r.ok).length, failed: list.filter((r) => !r.ok).length, ms: list.reduce((sum, r) => sum + r.ms, 0) };
	});
	console.log('\n| Checked | Count | Checks | Passed | Failed | Time |');
	console.log('| --- | --- | --- | --- | --- | --- |');
	const countOf: Record<string, string> = {
		'node creator': `${counts.searches} searches`,
		nodes: `${counts.nodes} nodes`,
		operations: `${counts.operations} resource × operation`,
		pickers: `${counts.pickers} resource locators`,
		dropdowns: `${counts.dropdowns} account dropdowns`,
		credentials: `${counts.credentials} credential types`,
		examples: `${counts.examples} workflows`,
		'example nodes': `${counts.exampleNodes} nodes`,
		screenshots: `${shotsWritten.length} files`,
	};
	for (const row of rows) console.log(`| ${row.category} | ${countOf[row.category]} | ${row.checked} | ${row.passed} | ${row.failed} | ${(row.ms / 1000).toFixed(1)} s |`);
	const failed = results.filter((r) => !r.ok);
	if (ignoredConsole.size) console.log(`\nIgnored console errors of n8n itself: ${[...ignoredConsole].map(([label, n]) => `${label} ×${n}`).join('; ')}`);
	if (failed.length) {
		console.log('\nFailures:');
		for (const r of failed) console.log(`- ${r.category}: ${r.name} — ${r.detail ?? ''}`);
	}
	console.log(`\nScreenshots: ${shotsWritten.join(', ')}`);
	console.log(`Total ${(totalMs / 1000).toFixed(0)} s`);
	console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
}

async function main(): Promise<void> {
	const startedAt = Date.now();
	const only = new Set((process.env.UI_ONLY ?? 'creator,panels,examples,credentials').split(',').map((s) => s.trim()));
	const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-chromium.sh')], { stdio: 'inherit' });
	if (install.status !== 0) throw new Error('scripts/install-chromium.sh failed');
	ensureN8n();
	const missing = missingTarballs();
	if (missing.length) throw new Error(`missing tarballs (${missing.join(', ')}): run \`npm run build && npx gulp pack\``);
	const { chromium } = await import('playwright-core');

	const sandboxes = await startSandboxes('random');
	onShutdown(() => closeSandboxes(sandboxes));
	// Install from a copy of the tarballs: a build started meanwhile (it deletes .build/tarballs) cannot pull them away.
	const tarballCopy = path.join(RUNTIME_DIR, 'ui-tarballs');
	fs.rmSync(tarballCopy, { recursive: true, force: true });
	fs.mkdirSync(tarballCopy, { recursive: true });
	const packagesToInstall = vendorPackages().map((pkg) => {
		const copy = path.join(tarballCopy, path.basename(pkg.tarball));
		fs.copyFileSync(pkg.tarball, copy);
		return { ...pkg, tarball: copy };
	});
	const userFolder = createUserFolder(path.join(RUNTIME_DIR, 'ui-user'), packagesToInstall);
	const placeholders = allPlaceholders(sandboxes);
	for (const sandbox of sandboxes) {
		for (const [field, value] of Object.entries(sandbox.credential.data)) if (/secret|password|token|key/i.test(field) && typeof value === 'string') secretsToHide.add(value);
	}
	const examples = exampleWorkflows().map((example) => ({ ...example, workflow: fillPlaceholders(example.workflow, placeholders, example.file) }));
	await importCredentials(userFolder, sandboxes.map((sandbox) => sandbox.credential));
	await importWorkflows(userFolder, examples.map((example) => example.workflow));
	const n8n = await startN8n(userFolder, await freePort());
	onShutdown(() => n8n.stop());
	const owner = { email: 'ui-test@example.com', firstName: 'UI', lastName: 'Test', password: `Ui-${randomBytes(6).toString('hex')}-9` };
	secretsToHide.add(owner.password);
	await setupOwner(n8n.url, owner);
	console.log(`[ui] n8n ready at ${n8n.url} after ${((Date.now() - startedAt) / 1000).toFixed(0)} s (log: ${path.relative(ROOT, n8n.logFile)})`);

	// What the editor gets: the node and credential types as the running n8n serves them.
	const cookie = await login(n8n.url, owner.email, owner.password);
	const packages = vendorPackages();
	const allTypes = (await (await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie } })).json()) as NodeType[];
	const nodeFilter = process.env.UI_NODES;
	const nodes: NodeType[] = [];
	for (const type of allTypes) {
		const pkg = packages.find((p) => type.name.startsWith(`${p.name}.`));
		if (!pkg || (type.name.endsWith('Tool') && allTypes.some((t) => t.name === type.name.slice(0, -4)))) continue;
		if (nodes.some((n) => n.name === type.name)) continue; // one entry per type (versions)
		if (nodeFilter && !type.name.includes(nodeFilter)) continue;
		nodes.push({ ...type, packageName: pkg.name });
	}
	const credentialNames = [...new Set(nodes.flatMap((n) => (n.credentials ?? []).map((c) => `${n.packageName}|${c.name}`)))];
	const allCredentials = (await (await fetch(`${n8n.url}/types/credentials.json`, { headers: { cookie } })).json()) as CredentialType[];
	const credentialTypes = credentialNames.map((key) => {
		const [packageName, name] = key.split('|');
		const type = allCredentials.find((c) => c.name === name);
		if (!type) throw new Error(`credential type ${name} is not loaded`);
		return { ...type, packageName };
	});
	if (nodes.length === 0) throw new Error('no node types of the packages are loaded');

	const browser: Browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: !process.env.UI_HEADED,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	onShutdown(() => browser.close());
	const counts = { searches: 0, nodes: nodes.length, operations: 0, pickers: 0, dropdowns: 0, credentials: credentialTypes.length, examples: examples.length, exampleNodes: 0 };
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(15_000);
		watchPage(page);
		currentPage = page;
		fs.rmSync(path.join(RUNTIME_DIR, 'ui-failures'), { recursive: true, force: true });
		await check('nodes', 'sign in', async () => {
			await page.goto(`${n8n.url}/signin`);
			await page.locator('input[type="email"]').fill(owner.email);
			await page.locator('input[type="password"]').fill(owner.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
		});

		if (only.has('creator')) await checkNodeCreator(page, n8n.url, nodes);
		if (only.has('panels')) for (const node of nodes) await checkNodePanels(page, n8n.url, node);
		if (only.has('examples')) await checkExamples(page, n8n.url, examples);
		if (only.has('credentials')) await checkCredentials(page, n8n.url, credentialTypes, sandboxes);
	} finally {
		await browser.close().catch(() => undefined);
		await n8n.stop();
		await closeSandboxes(sandboxes);
		removeUserFolder(userFolder);
	}
	counts.searches = results.filter((r) => r.category === 'node creator').length;
	counts.operations = results.filter((r) => r.category === 'operations').length;
	counts.pickers = results.filter((r) => r.category === 'pickers').length;
	counts.dropdowns = results.filter((r) => r.category === 'dropdowns').length;
	counts.exampleNodes = results.filter((r) => r.category === 'example nodes').length;
	printSummary(Date.now() - startedAt, counts);
	if (results.some((r) => !r.ok)) process.exitCode = 1;
}

main().then(
	() => process.exit(process.exitCode ?? 0),
	(error) => {
		console.error(`[ui] ${scrub((error as Error)?.stack ?? String(error))}`);
		console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
		process.exit(1);
	},
);
