/// <reference lib="dom" />
/**
 * `npm run test:ui`: the four packages in n8n's real editor, in Debian's Chromium driven by playwright-core.
 *
 * Starts the demo instance ONCE (startDemoInstance in scripts/n8n-runtime.ts, the start-up `npm start` and
 * `npm run screenshots` use: the vendor sandboxes, a fresh real n8n 2.41.1 with the four packed tarballs installed,
 * the sandbox credentials and every packages/<name>/examples/*.json imported, an owner signed in), launches ONE
 * browser with a few pages (UI_PAGES, default 2) and checks:
 *  1. node creator: every node of every package is found by the words a user would type (its vendor's name and the
 *     domain word of its package: "invoice", "xbrl", "fiscal"), and is added from there: an action by its action
 *     text, a trigger by its trigger entry ("On new invoice", ...) in the creator's triggers section;
 *  2. panels: for every resource × operation the description offers (read from the running n8n's /types/nodes.json,
 *     never a hard-coded list) the resource and operation are chosen in ONE open panel by its dropdowns (opened,
 *     filtered by typing, the option clicked, as a user does) and every parameter the description shows for that
 *     choice must render; a trigger's events likewise. Every resource locator's "From list" must list entries from
 *     the sandbox (a locator that lists within another, like an organization's API keys, after the first entry of
 *     that one is picked) and every dropdown loaded from the account (loadOptions, also inside collections) must show
 *     options named for people, not bare IDs;
 *  3. examples: every example workflow is opened, run with "Execute workflow", every node must succeed, and every
 *     node's panel must open complete (no resource locator without a mode, no parameter issues);
 *  4. credentials: every credential type is created in the credentials modal with the sandbox's values and n8n must
 *     say "Connection tested successfully"; with a wrong secret the vendor's message shows, without the secret.
 * Every check also fails on a page error or a console error, except the few n8n itself logs here (IGNORED_CONSOLE).
 * Pictures for the README go to docs/ui/, pictures of failures to .runtime/ui-failures/. Prints a summary table,
 * the counts and `<n> passed, <m> failed`; exits 1 on any failure.
 *
 * Options (environment): UI_ONLY=creator,panels,examples,credentials runs only those parts; UI_NODES=<substring>
 * only the matching node types; UI_PAGES=<n> browser pages working in parallel; UI_HEADED=1 shows the browser
 * (needs a display); UI_VERBOSE=1 prints every check.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, ConsoleMessage, Locator, Page } from 'playwright-core';
import { RUNTIME_DIR, ROOT, vendorPackages } from '../../scripts/n8n-runtime';
import { startDemoInstance } from '../../scripts/demo-instance';
import { EDITOR_VIEWPORT, launchChromium, signIn } from '../../scripts/browser';
import type { DemoInstance } from '../../scripts/demo-instance';
import type { StartedSandbox } from '../../scripts/sandboxes';

const SHOTS_DIR = path.join(ROOT, 'docs', 'ui');
const FAILURES_DIR = path.join(RUNTIME_DIR, 'ui-failures');
/** The example whose execution the README shows. */
const EXECUTION_SHOT_EXAMPLE = 'thenextinvoice-open-invoices-pdfs.json';

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
 * - the 404 of /rest/workflows/<id>/publication-status: the editor asks for a new workflow's publication status
 *   while its first autosave (when the first node is added) is still on the way;
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
		label: '404 of /rest/workflows/<id>/publication-status while a new workflow is first saved',
		test: (text, url) => /status of 404/.test(text) && /^\/rest\/workflows\/[A-Za-z0-9]+\/publication-status$/.test(new URL(url, 'http://x').pathname),
	},
	{
		label: '404 of an optional output schema (/schemas/<type>/<version>[/<resource>/<operation>].json)',
		test: (text, url) => /status of 404/.test(text) && /^\/schemas\/n8n-nodes-[a-z-]+\.[A-Za-z]+\/[\d.]+(\/[^/]+\/[^/]+)?\.json$/.test(new URL(url, 'http://x').pathname),
	},
];

/**
 * Page errors n8n 2.41.1's editor itself throws, matched by message and by where they come from (the editor's own
 * scripts, never a node package):
 * - leaving a workflow's canvas after a run through the editor's router (as its own links do), its node details
 *   view asks for a store of the workflow that has just been closed.
 */
const IGNORED_PAGE_ERRORS: Array<{ label: string; test: (message: string, stack: string) => boolean }> = [
	{
		label: 'injectNDVStore() without a workflow document store, after leaving a canvas',
		test: (message, stack) =>
			/^injectNDVStore\(\) was accessed without an active workflow document store\./.test(message) &&
			!/n8n-nodes-/.test(stack),
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

/** One browser page and what happens on it: its errors are blamed on the check running on that page. */
interface Session {
	page: Page;
	url: string;
	errors: string[];
	/** Requests for the account's data (loadOptions, listSearch) in flight. */
	loads: number;
}

const results: CheckResult[] = [];
const ignoredConsole = new Map<string, number>();
const secretsToHide = new Set<string>();

function scrub(text: string): string {
	let out = text;
	for (const secret of secretsToHide) if (secret.length >= 4) out = out.split(secret).join('«secret»');
	return out;
}

function record(category: Category, name: string, ok: boolean, detail: string | undefined, started: number, errors: string[] = []): boolean {
	if (errors.length) {
		ok = false;
		const shown = errors.slice(0, 3).map((e) => e.slice(0, 400));
		detail = [detail, ...shown, errors.length > 3 ? `… ${errors.length - 3} more` : ''].filter(Boolean).join(' | ');
	}
	const result = { category, name, ok, detail: detail === undefined ? undefined : scrub(detail), ms: Date.now() - started };
	results.push(result);
	if (!ok || process.env.UI_VERBOSE) console.log(`[ui] ${ok ? 'ok  ' : 'FAIL'} ${category}: ${name}${result.detail ? ` — ${result.detail}` : ''} (${(result.ms / 1000).toFixed(1)} s)`);
	return ok;
}

/** Runs one check: fails on a thrown error, on a returned problem, or on a page / console error while it ran. */
async function check(s: Session, category: Category, name: string, fn: () => Promise<string | void>): Promise<boolean> {
	const started = Date.now();
	s.errors.length = 0;
	try {
		const problem = await fn();
		const errors = s.errors.splice(0);
		const file = problem || errors.length ? await failureShot(s) : undefined;
		return record(category, name, !problem, problem ? `${problem}${file ? ` (screenshot ${file})` : ''}` : undefined, started, errors);
	} catch (error) {
		const errors = s.errors.splice(0);
		const file = await failureShot(s);
		return record(category, name, false, `${(error as Error).message.split('\n')[0]}${file ? ` (screenshot ${file})` : ''}`, started, errors);
	}
}

/** The page at a failed check, for the log (.runtime/ui-failures/, git-ignored); never one of the README pictures. */
let failureShots = 0;
async function failureShot(s: Session): Promise<string | undefined> {
	if (failureShots >= 30) return undefined;
	const file = path.join(FAILURES_DIR, `failure-${++failureShots}.png`);
	fs.mkdirSync(FAILURES_DIR, { recursive: true });
	return await s.page.screenshot({ path: file }).then(() => path.relative(ROOT, file)).catch(() => undefined);
}

const isAccountLoad = (url: string) => url.includes('/rest/dynamic-node-parameters/');

async function openSession(browser: Browser, url: string, owner: DemoInstance['owner']): Promise<Session> {
	const page = await browser.newPage({ viewport: EDITOR_VIEWPORT, reducedMotion: 'reduce' });
	page.setDefaultTimeout(30_000);
	// No CSS transitions or animations: on a busy machine every animated frame is drawn in software, and the checks
	// look at the states between them, never at a motion.
	await page.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => {
			const style = document.createElement('style');
			style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
			document.head.appendChild(style);
		});
	});
	const s: Session = { page, url, errors: [], loads: 0 };
	page.on('pageerror', (error) => {
		const ignored = IGNORED_PAGE_ERRORS.find((rule) => rule.test(error.message, error.stack ?? ''));
		if (ignored) ignoredConsole.set(ignored.label, (ignoredConsole.get(ignored.label) ?? 0) + 1);
		else s.errors.push(`page error: ${error.message}`);
	});
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() !== 'error') return;
		const text = message.text();
		const where = message.location()?.url ?? '';
		const ignored = IGNORED_CONSOLE.find((rule) => rule.test(text, where));
		if (ignored) ignoredConsole.set(ignored.label, (ignoredConsole.get(ignored.label) ?? 0) + 1);
		else s.errors.push(`console error: ${text.slice(0, 300)}${where ? ` (${where})` : ''}`);
	});
	page.on('request', (request) => isAccountLoad(request.url()) && s.loads++);
	page.on('requestfinished', (request) => isAccountLoad(request.url()) && s.loads--);
	page.on('requestfailed', (request) => isAccountLoad(request.url()) && s.loads--);
	page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
	await signIn(page, url, owner);
	// The editor's canvas once by address; later addresses go through the editor's router (navigate).
	await page.goto(`${url}/workflow/new`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	await page.locator('[data-test-id="canvas-plus-button"]').waitFor({ timeout: 60_000 });
	return s;
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

interface ExpectedControl {
	name: string;
	displayName: string;
	byInput: boolean;
}

function expectedControls(shown: Property[]): ExpectedControl[] {
	return shown
		.filter((p) => !['hidden', 'notice', 'callout', 'credentialsSelect', 'button'].includes(p.type))
		// n8n's panel offers the `authentication` choice inside the Credential selector, not as a parameter.
		.filter((p) => p.name !== 'authentication')
		.map((p) => ({ name: p.name, displayName: p.displayName, byInput: INPUT_TYPES.has(p.type) }));
}

// ---------------------------------------------------------------------------------------------------------------
// UI helpers.

const NDV = '[data-test-id="ndv"]';
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';
const ITEM_NAME = '[data-test-id="node-creator-item-name"]';

function regexExact(text: string, flags = ''): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, flags);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until no request for the account's data is in flight (n8n sends them when a field shows or a value changes). */
async function loadsSettled(s: Session, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (s.loads > 0 && Date.now() < deadline) await sleep(25);
}

/** The next painted frame: what a filter typed into the editor shows is on screen then. */
async function painted(page: Page): Promise<void> {
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
}

/**
 * In the page, in one round trip: chooses each `{ param, name }` in its dropdown (a click on the field opens it, a
 * click on the option in the list the field owns, found by its aria-controls, chooses it) and waits until the
 * field shows the name for a few frames; then waits until every expected control is rendered. The clicks are
 * dispatched in the page (the same handlers a mouse click reaches): the panels take ~340 choices, and on a busy
 * machine every pointer-driven click's actionability waits and every round trip to a busy page cost time. A field
 * re-rendered meanwhile (a resource change renders a new operation field) is found again and chosen in again.
 *
 * n8n's editor sometimes shows an option's raw value (`hashSingleFile`) instead of its name: when a resource change
 * sets the operation to its default while the new field's options are still registering, the dropdown keeps the
 * raw value, and choosing the same option again changes nothing, so nothing repaints it (seen once in ~400
 * choices; a user sees it too, and choosing another operation and back shows the name). The node cannot prevent
 * it (the value is right, only n8n's label is stale), so the step does what the user would: when the field shows
 * the option's own value a second after the choice, it chooses another option of the list and then this one again.
 * Each such detour is returned in `rawLabels` and printed; a field that still shows no name fails as before.
 * Returns a problem, the controls still missing after the timeout, or nothing.
 */
async function panelStep(
	s: Session,
	scope: string,
	steps: Array<{ param: string; name: string; value?: unknown }>,
	expected: ExpectedControl[],
	timeoutMs = 8000,
): Promise<string | undefined> {
	const result = await s.page.evaluate(
		async ({ scope, steps, expected, timeoutMs }) => {
			const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
			const deadline = Date.now() + timeoutMs;
			const rawLabels: string[] = [];
			const headline = (item: Element) => (item.querySelector('.option-headline')?.textContent ?? item.textContent ?? '').trim();
			for (const { param, name, value } of steps) {
				const selector = `${scope} [data-test-id="parameter-input-${param}"]`;
				let opened: HTMLInputElement | undefined;
				let clicked: { input: HTMLInputElement; at: number } | undefined;
				// What the field is to show now: `name`, or for a detour (see above) first another option's name.
				let want = name;
				let detoured = false;
				let stable = 0;
				for (;;) {
					const control = document.querySelector(selector) as HTMLElement | null;
					const input = control?.querySelector('input') as HTMLInputElement | null;
					const listOf = (field: HTMLInputElement) => Array.from(document.getElementById(field.getAttribute('aria-controls') ?? '')?.querySelectorAll('.el-select-dropdown__item') ?? []);
					if (input?.value === want && want !== name) {
						want = name; // the detour's option is shown: now this step's option again
						opened = undefined;
						clicked = undefined;
					} else if (input?.value === name) {
						if (++stable >= 3) break;
					} else if (control && input && clicked && !detoured && value !== undefined && input.value === String(value) && Date.now() - clicked.at > 1000) {
						// n8n's stale raw label (see above): another option of the list first, then this one again.
						const other = listOf(input).map(headline).find((text) => text !== name && text !== '');
						if (other) {
							rawLabels.push(`${param}: "${input.value}" instead of "${name}"`);
							want = other;
							detoured = true;
							opened = undefined;
							clicked = undefined;
						}
					} else if (control && input) {
						stable = 0;
						if (clicked && (clicked.input !== input || Date.now() - clicked.at > 2000)) {
							opened = undefined; // a new field, or a choice that did not take: open again
							clicked = undefined;
						}
						if (opened !== input) {
							((control.querySelector('.el-select__wrapper') as HTMLElement | null) ?? input).click();
							opened = input;
						} else if (!clicked) {
							const option = listOf(input).find((item) => headline(item) === want) as HTMLElement | undefined;
							if (option) {
								option.click();
								clicked = { input, at: Date.now() };
							}
						}
					}
					if (Date.now() > deadline) {
						return { rawLabels, problem: control ? `"${param}" shows "${input?.value}" after choosing "${name}"` : `no "${param}" field` };
					}
					await frame();
				}
			}
			const root = () => document.querySelector(scope) ?? document.body;
			const missingNow = () => {
				const ids = new Set(Array.from(root().querySelectorAll('[data-test-id^="parameter-input-"]')).map((e) => e.getAttribute('data-test-id')));
				const labels = Array.from(root().querySelectorAll('[data-test-id="parameter-item"], [data-test-id="input-label"], label, .parameter-item')).map((e) => e.textContent ?? '');
				return expected.filter((p) => !ids.has(`parameter-input-${p.name}`) && (p.byInput || !labels.some((t) => t.includes(p.displayName)))).map((p) => p.name);
			};
			for (;;) {
				const missing = missingNow();
				if (missing.length === 0) return { rawLabels };
				if (Date.now() > deadline) return { rawLabels, missing };
				await frame();
			}
		},
		{ scope, steps, expected, timeoutMs },
	);
	rawLabelDetours.push(...result.rawLabels.map((label) => `${label} (${steps.map((step) => step.name).join(' › ')})`));
	if ('problem' in result && result.problem) return result.problem;
	return 'missing' in result && result.missing?.length ? `not rendered: ${result.missing.join(', ')}` : undefined;
}

/** Chooses an option of a dropdown (see panelStep); throws when it does not take. */
async function chooseOption(s: Session, scope: string, param: string, name: string): Promise<void> {
	const problem = await panelStep(s, scope, [{ param, name }], []);
	if (problem) throw new Error(problem);
}

/** Closes an open dropdown without closing the panel: a click on the panel's "Parameters" tab header. */
async function closeDropdowns(page: Page): Promise<void> {
	await page.locator(`${NDV} [data-test-id="tab-params"]`).first().click({ timeout: 2000 }).catch(() => page.keyboard.press('Escape'));
}

/**
 * Opens a list (an options dropdown, a resource locator's "From list") by clicking `opener` and waits for its
 * entries (`itemSel`). A click that lands while the field is still loading its options opens nothing, so it clicks
 * again once no account request is in flight and the list is still closed.
 */
async function openList(s: Session, opener: Locator, itemSel: string, isOpen: () => Promise<boolean>, timeoutMs = 10_000): Promise<string[]> {
	const deadline = Date.now() + timeoutMs;
	let lastClick = 0;
	for (;;) {
		const texts = await s.page.locator(`${itemSel}:visible`).allInnerTexts();
		if (texts.length) return texts;
		if (Date.now() > deadline) return [];
		if (s.loads === 0 && Date.now() - lastClick > 1000 && !(await isOpen())) {
			await opener.click();
			lastClick = Date.now();
		}
		await sleep(50);
	}
}

const shotsWritten: string[] = [];
async function shot(s: Session, file: string, label: string): Promise<void> {
	await check(s, 'screenshots', label, async () => {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await s.page.screenshot({ path: file });
		shotsWritten.push(path.relative(ROOT, file));
	});
}

/** The node creator's search field (the start view's; an app's own view has none). */
function creatorSearch(page: Page): Locator {
	return page.locator('input[data-test-id="node-creator-search-bar"]:visible, [data-test-id="node-creator-search-bar"] input:visible').first();
}

/** The node creator's entry for a node: an app entry is named after the action node (triggers live under it). */
function appName(node: NodeType): string {
	return node.displayName.replace(/ Trigger$/, '');
}

function vendorWord(node: NodeType): string {
	return appName(node).split(' ')[0];
}

/** The property n8n's node creator turns into trigger entries (a parameter named "Event", "Events" or "Trigger On"). */
function eventProperty(node: NodeType): Property | undefined {
	return node.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()) && p.options?.length);
}

/**
 * The node creator's entries for a trigger, as n8n 2.41.1 names them: "On <event>" per option of its event
 * parameter (lower case), or "On new <app> event" when it has none.
 */
function triggerEntries(node: NodeType): string[] {
	const events = eventProperty(node);
	if (!events) return [`On new ${appName(node)} event`];
	return (events.options ?? []).map((o) => o.action ?? `On ${o.name.toLowerCase()}`);
}

/** Closes the node's panel (Escape, as a user does; a first one for a list still open in it) and waits until it is gone. */
async function closePanel(page: Page): Promise<void> {
	if (!(await page.locator(NDV).isVisible())) return;
	const listOpen = async () =>
		(await page.locator(`${NDV} input[aria-expanded="true"], [data-test-id="rlc-item"]:visible, .el-select-dropdown__item:visible`).count()) > 0;
	for (let i = 0; i < 4 && (await page.locator(NDV).isVisible()); i++) {
		const list = await listOpen();
		await page.keyboard.press('Escape');
		if (!list) await page.locator(NDV).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
	}
	await painted(page);
}

/**
 * Opens an editor address the way the editor's own links do, through its router: a page load would parse the
 * editor's scripts again (seconds on a busy machine). Falls back to loading the page when the router did not get
 * there (the first visit, or a guard that kept the page).
 */
async function navigate(s: Session, target: string, ready: string): Promise<void> {
	const { page } = s;
	// A user leaves a workflow with its panel closed.
	await closePanel(page);
	if (page.url().startsWith(s.url)) {
		await page.evaluate((to) => {
			history.pushState(history.state, '', to);
			dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
		}, target);
		const leave = page.getByRole('button', { name: /Leave without saving/i });
		const arrived = await page
			.locator(ready)
			.or(leave)
			.first()
			.waitFor({ timeout: 15_000 })
			.then(() => true, () => false);
		if (arrived && (await leave.isVisible())) await leave.click();
		if (arrived && (await page.locator(ready).first().waitFor({ timeout: 15_000 }).then(() => true, () => false))) return;
	}
	if (process.env.UI_VERBOSE) console.log(`[ui]      loading ${target} (${page.url()})`);
	await page.goto(`${s.url}${target}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	await page.locator(ready).first().waitFor({ timeout: 60_000 });
}

/**
 * An empty canvas with the node creator open: the current workflow emptied the way a user does (select all,
 * delete), or a new workflow.
 */
async function openNodeCreator(s: Session): Promise<void> {
	const { page } = s;
	const plus = page.locator('[data-test-id="canvas-plus-button"]');
	let empty = false;
	if (/\/workflow\//.test(new URL(page.url()).pathname)) {
		await closePanel(page);
		if ((await page.locator('[data-test-id="canvas-node"]').count()) > 0) {
			// The canvas takes the keys once it is clicked (on an empty spot, which selects nothing).
			await page.locator('.vue-flow__pane').first().click({ position: { x: 40, y: 120 }, timeout: 3000 }).catch(() => undefined);
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.press('Delete');
		}
		empty = await plus.waitFor({ timeout: 3000 }).then(() => true, () => false);
	}
	if (!empty) {
		if (process.env.UI_VERBOSE) console.log(`[ui]      loading /workflow/new (${page.url()})`);
		await closePanel(page);
		await page.goto(`${s.url}/workflow/new`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
		await plus.waitFor({ timeout: 60_000 });
	}
	await plus.click();
	await creatorSearch(page).waitFor();
}

/** The names the node creator lists for a search (after the filter is painted). */
async function creatorResults(s: Session, word: string, done: (names: string[]) => boolean = () => true, timeoutMs = 5000): Promise<string[]> {
	await creatorSearch(s.page).fill(word);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await painted(s.page);
		const names = (await s.page.locator(`${ITEM_NAME}:visible`).allInnerTexts()).map((t) => t.trim());
		if (done(names) || Date.now() > deadline) return names;
		await sleep(50);
	}
}

/** A word no node's name or alias contains. */
const SEARCH_WITHOUT_RESULTS = 'qqxqzq';

// ---------------------------------------------------------------------------------------------------------------
// 1. Node creator.

async function checkNodeCreator(s: Session, nodes: NodeType[]): Promise<void> {
	if (!(await check(s, 'node creator', 'the node creator opens on an empty canvas', () => openNodeCreator(s)))) return;
	const wordsOf = (node: NodeType) => [vendorWord(node), ...(DOMAIN_WORDS[node.packageName] ?? [])];
	// One search per word; each node it should find is one check.
	const searched = new Map<string, string[]>();
	for (const node of nodes) {
		for (const word of wordsOf(node)) {
			await check(s, 'node creator', `"${word}" finds ${node.displayName}`, async () => {
				let shown = searched.get(word);
				if (!shown) {
					// The node creator shows a search's results a moment after the typing: a search without results
					// first (cheap to show, unlike the empty search's full list) until the list is empty, so that the
					// previous word's results cannot count for this one; then this word's results once they are in.
					const none = await creatorResults(s, SEARCH_WITHOUT_RESULTS, (names) => names.length === 0);
					if (none.length) return `the search "${SEARCH_WITHOUT_RESULTS}" still lists ${none.slice(0, 3).join(', ')}`;
					const apps = [...new Set(nodes.filter((n) => wordsOf(n).includes(word)).map(appName))];
					shown = await creatorResults(s, word, (names) => apps.every((app) => names.includes(app)));
					searched.set(word, shown);
				}
				return shown.includes(appName(node)) ? undefined : `not in the results (${shown.length ? shown.slice(0, 8).join(', ') : 'none'})`;
			});
		}
	}
	// The picture: what a user sees after typing "invoice".
	await creatorResults(s, SEARCH_WITHOUT_RESULTS, (names) => names.length === 0);
	await creatorResults(s, 'invoice', (names) => names.length > 1);
	await shot(s, path.join(SHOTS_DIR, 'node-creator-search.png'), 'node creator search');
	await s.page.keyboard.press('Escape');
}

/** Adds a node from the node creator on a new workflow, by the entry a user clicks; its panel opens. */
async function addNode(s: Session, node: NodeType): Promise<void> {
	const { page } = s;
	await openNodeCreator(s);
	await creatorSearch(page).fill(vendorWord(node));
	await page.locator(`${ITEM_NAME}:visible`, { hasText: regexExact(appName(node)) }).first().click();
	await page.locator('[data-test-id="node-creator-category-item"]:visible').first().waitFor({ timeout: 10_000 });
	if (node.group.includes('trigger')) {
		const triggers = page.locator('[data-test-id="node-creator-category-item"]:visible', { hasText: /^\s*Triggers \(\d+\)/ }).first();
		if (!(await triggers.isVisible())) throw new Error('the node creator shows no triggers section for it');
		const entries = triggerEntries(node);
		const entry = page.locator(`${ITEM_NAME}:visible`, { hasText: regexExact(entries[0], 'i') }).first();
		if (!(await entry.isVisible())) {
			const shown = await page.locator(`${ITEM_NAME}:visible`).allInnerTexts();
			throw new Error(`its triggers section has no "${entries[0]}" (shows ${shown.slice(0, 6).join(', ')})`);
		}
		await entry.click();
	} else {
		// The first action of the description, by the text the node creator shows for it (the option's `action`).
		const first = resourceOperations(node).find((r) => r.operations.length)?.operations.find((o) => o.value !== CUSTOM_API_CALL);
		const entry = page.locator(`${ITEM_NAME}:visible`, { hasText: regexExact(String(first?.action ?? first?.name)) }).first();
		if (!(await entry.isVisible())) await page.locator('[data-test-id="node-creator-category-item"]:visible', { hasText: /^\s*Actions \(\d+\)/ }).first().click();
		await entry.click();
	}
	await page.locator(`${NDV} [data-test-id="node-parameters"]`).waitFor({ timeout: 15_000 });
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Panels: every resource × operation, pickers and account dropdowns.

const checkedPickers = new Set<string>();
/** Operations whose panel had closed by itself and was opened again for them (printed with the summary). */
const reopenedPanels: string[] = [];
/** Dropdowns n8n showed with an option's raw value, put right by choosing another option first (see panelStep). */
const rawLabelDetours: string[] = [];

/** A resource locator's "From list": must list entries from the sandbox; the first entry is then picked. */
async function checkResourceLocator(s: Session, node: NodeType, prop: Property, where: string): Promise<void> {
	const { page } = s;
	const method = prop.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod;
	const key = `${node.name}|${prop.name}|${method}`;
	if (!method || checkedPickers.has(key)) return;
	checkedPickers.add(key);
	await check(s, 'pickers', `${node.displayName} › ${prop.displayName} (${method}, ${where})`, async () => {
		const rl = page.locator(`${NDV} [data-test-id="resource-locator-${prop.name}"]`).first();
		const mode = rl.locator('[data-test-id="rlc-mode-selector"] input').first();
		const listMode = prop.modes?.find((m) => m.name === 'list')?.displayName ?? 'From list';
		// n8n names the standard modes itself ("From list"); the description may spell them otherwise ("From List").
		const isList = (text: string) => ['from list', listMode.toLowerCase()].includes(text.trim().toLowerCase());
		if (!isList(await mode.inputValue())) {
			await rl.locator('[data-test-id="rlc-mode-selector"]').click();
			await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*(From list|${listMode})\\s*$`, 'i') }).first().click();
		}
		await loadsSettled(s);
		const opener = rl.locator('[data-test-id="rlc-input"]').first();
		const entries = await openList(s, opener, '[data-test-id="rlc-item"]', async () => (await page.locator('[data-test-id="rlc-item"]:visible, [data-test-id="resource-locator-dropdown"]:visible').count()) > 0);
		if (entries.length === 0) {
			const shown = (await page.locator('.el-popper:visible').last().innerText().catch(() => '')).trim();
			await closeDropdowns(page);
			return `the list shows no entries${shown ? ` ("${shown.slice(0, 200)}")` : ''}`;
		}
		// Pick the first entry, as a user would: pickers that list within it (an organization's API keys) need it.
		await page.locator('[data-test-id="rlc-item"]:visible').first().click().catch(() => closeDropdowns(page));
		await loadsSettled(s);
		return undefined;
	});
}

/** A dropdown loaded from the account (loadOptions): must show options named for people, not an error. */
async function checkLoadOptions(s: Session, node: NodeType, prop: Property, where: string, scope?: Locator): Promise<void> {
	const { page } = s;
	const method = prop.typeOptions?.loadOptionsMethod;
	const key = `${node.name}|${prop.name}|${method}`;
	if (!method || checkedPickers.has(key)) return;
	checkedPickers.add(key);
	await check(s, 'dropdowns', `${node.displayName} › ${prop.displayName} (${method}, ${where})`, async () => {
		const control = (scope ?? page.locator(NDV)).locator(`[data-test-id="parameter-input-${prop.name}"]`).first();
		await control.waitFor();
		await loadsSettled(s);
		const texts = await openList(s, control, '.el-select-dropdown__item', async () => (await control.locator('input[aria-expanded="true"]').count()) > 0);
		if (texts.length === 0) {
			const shown = (await page.locator('.el-select-dropdown:visible').last().innerText().catch(() => '')).trim();
			await closeDropdowns(page);
			return `no options${shown ? ` ("${shown.slice(0, 200)}")` : ''}`;
		}
		await closeDropdowns(page);
		const error = texts.find((t) => /error|could not|failed/i.test(t));
		if (error) return `shows "${error.slice(0, 200)}"`;
		if (texts.every((t) => /^\s*\d+\s*$/.test(t))) return `the options are bare IDs (${texts.slice(0, 5).join(', ')})`;
		return undefined;
	});
}

/**
 * Account dropdowns inside a collection ("Additional Fields", ...) or a fixed collection (invoice lines): added the
 * way a user adds them ("Add field" / "Add line"), then opened.
 */
async function checkNestedLoadOptions(s: Session, node: NodeType, prop: Property, where: string): Promise<void> {
	const { page } = s;
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
	const container = page.locator(`${NDV} [data-test-id="parameter-item"]`, { has: page.locator('label, [data-test-id="input-label"]', { hasText: regexExact(prop.displayName) }) }).last();
	if (prop.type === 'fixedCollection') {
		// One click on "Add …" adds a group with all its fields.
		if ((await container.locator(`[data-test-id^="parameter-input-"]`).count()) === 0) {
			await container.locator('[data-test-id="fixed-collection-add"], button').first().click().catch(() => undefined);
			const groupChoice = page.locator('.el-select-dropdown__item:visible, .el-dropdown-menu__item:visible', { hasText: regexExact(todo[0].group?.displayName ?? '') }).first();
			if (await groupChoice.isVisible().catch(() => false)) await groupChoice.click();
		}
		for (const { child } of todo) await checkLoadOptions(s, node, child, `${where}, in ${prop.displayName}`, container);
		return;
	}
	for (const { child } of todo) {
		const add = container.locator('[data-test-id="collection-parameter-add"]').first();
		await add.click().catch(() => undefined);
		await page.keyboard.insertText(child.displayName).catch(() => undefined);
		const option = page.locator('.el-select-dropdown__item:visible', { hasText: regexExact(child.displayName) }).first();
		await option.click({ timeout: 3000 }).catch(() => undefined);
		await checkLoadOptions(s, node, child, `${where}, in ${prop.displayName}`, container);
	}
}

async function checkPickersOf(s: Session, node: NodeType, shown: Property[], where: string): Promise<void> {
	for (const prop of shown) {
		if (prop.type === 'resourceLocator') await checkResourceLocator(s, node, prop, where);
		else if (prop.typeOptions?.loadOptionsMethod) await checkLoadOptions(s, node, prop, where);
		else if (prop.type === 'collection' || prop.type === 'fixedCollection') await checkNestedLoadOptions(s, node, prop, where);
	}
}

/** One panel job: a node added once, then the given resources' operations chosen one after another in its panel. */
interface PanelJob {
	node: NodeType;
	/** A part of resourceOperations(node); empty for a node without resources. */
	pairs: ReturnType<typeof resourceOperations>;
	/** The job whose first panel is the README picture of the node. */
	picture: boolean;
}

async function checkPanels(s: Session, job: PanelJob): Promise<void> {
	const { node } = job;
	const part = job.pairs.length ? ` (${job.pairs.map((p) => p.resource?.name).join(', ')})` : '';
	const added = await check(s, 'nodes', `${node.displayName}: added from the node creator, panel opens${part}`, () => addNode(s, node));
	if (!added) return;
	const file = path.join(SHOTS_DIR, `panel-${node.name.split('.').pop()}.png`);
	if (job.pairs.length === 0) {
		// Nodes without resources (the triggers): every event a user can choose, or the panel as it opens.
		const events = eventProperty(node);
		const choices = events?.type === 'options' ? (events.options ?? []) : [undefined];
		for (const [index, event] of choices.entries()) {
			const chosen = event && events ? { [events.name]: event.value } : {};
			const where = event ? `${events?.displayName} › ${event.name}` : 'panel';
			const ok = await check(s, 'operations', `${node.displayName}: ${where}`, async () => {
				const steps = event && events ? [{ param: events.name, name: event.name, value: event.value }] : [];
				return await panelStep(s, NDV, steps, expectedControls(shownParameters(node, chosen).shown));
			});
			if (!ok) continue;
			await checkPickersOf(s, node, shownParameters(node, chosen).shown, where);
			if (index === 0 && job.picture) await shot(s, file, `${node.displayName} panel`);
		}
		return;
	}
	let first = true;
	for (const { resource, operations } of job.pairs) {
		for (const operation of operations) {
			const where = `${resource?.name} › ${operation.name}`;
			const chosen = { resource: resource?.value, operation: operation.value };
			let ok = await check(s, 'operations', `${node.displayName}: ${where}`, async () => {
				const { shown } = shownParameters(node, chosen);
				// n8n adds "Custom API Call" to the operations of nodes whose credential the HTTP Request node can use;
				// choosing it shows only a notice pointing there, no parameters of ours.
				const expected = operation.value === CUSTOM_API_CALL ? expectedControls(shown.filter((p) => ['resource', 'operation'].includes(p.name))) : expectedControls(shown);
				const steps = [
					{ param: 'resource', name: String(resource?.name), value: resource?.value },
					{ param: 'operation', name: operation.name, value: operation.value },
				];
				const problem = await panelStep(s, NDV, steps, expected);
				if (!problem || (await s.page.locator(NDV).isVisible())) return problem;
				// The panel closed without an error (seen once in ~2,000 choices on a busy machine): reopened once, counted.
				reopenedPanels.push(`${node.displayName}: ${where}`);
				await addNode(s, node);
				return await panelStep(s, NDV, steps, expected);
			});
			if (ok && operation.value === CUSTOM_API_CALL) continue;
			if (ok) {
				await checkPickersOf(s, node, shownParameters(node, chosen).shown, where);
				if (first && job.picture) await shot(s, file, `${node.displayName} panel`);
				first = false;
			} else {
				// Start the next operation from a clean panel.
				ok = await check(s, 'nodes', `${node.displayName}: panel reopened after a failure`, () => addNode(s, node));
				if (!ok) return;
			}
		}
	}
}

/**
 * The panel jobs: one per node, a node with many operations split by resource into parts of about `size`
 * operations so that pages in parallel share the work (each part adds the node once).
 */
function panelJobs(nodes: NodeType[], size: number): PanelJob[] {
	const jobs: PanelJob[] = [];
	for (const node of nodes) {
		const pairs = resourceOperations(node);
		if (pairs.length === 0) {
			jobs.push({ node, pairs: [], picture: true });
			continue;
		}
		let part: typeof pairs = [];
		let count = 0;
		for (const pair of pairs) {
			if (count > 0 && count + pair.operations.length > size) {
				jobs.push({ node, pairs: part, picture: jobs.every((j) => j.node !== node) });
				part = [];
				count = 0;
			}
			part.push(pair);
			count += pair.operations.length;
		}
		if (part.length) jobs.push({ node, pairs: part, picture: jobs.every((j) => j.node !== node) });
	}
	return jobs;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Example workflows.

/** Triggers that wait for a call from outside n8n when a workflow is executed from the editor. */
const LISTENING_TRIGGERS = ['@n8n/n8n-nodes-langchain.mcpTrigger', 'n8n-nodes-base.webhook'];

interface Example {
	packageName: string;
	file: string;
	workflow: { id: string; name: string; nodes: any[] };
}

async function checkExample(s: Session, example: Example): Promise<void> {
	const { page } = s;
	const label = `${example.packageName}/examples/${example.file}`;
	// A trigger that waits for an outside call (an MCP client) cannot finish a run from the editor alone: the check
	// is that "Execute workflow" makes it listen. Its tools are called by an MCP client in the e2e suite.
	const listener = example.workflow.nodes.find((n) => LISTENING_TRIGGERS.includes(String(n.type)));
	const what = listener ? `"${listener.name}" listens for a call` : 'every node succeeds';
	const ran = await check(s, 'examples', `${label}: Execute workflow, ${what}`, async () => {
		await navigate(s, `/workflow/${example.workflow.id}`, '[data-test-id="canvas-node"]');
		// This workflow's canvas, not the previous one still on screen: its address and exactly its nodes.
		const names = example.workflow.nodes.filter((n) => !String(n.type).includes('stickyNote')).map((n) => String(n.name)).sort();
		await page.waitForFunction(
			({ id, names }) => {
				const shown = Array.from(document.querySelectorAll('[data-test-id="canvas-node"]'));
				const has = (name: string) => shown.some((e) => e.getAttribute('data-node-name') === name || (e.textContent ?? '').includes(name));
				return location.pathname === `/workflow/${id}` && shown.length === names.length && names.every(has);
			},
			{ id: example.workflow.id, names },
			{ timeout: 30_000, polling: 100 },
		);
		const total = example.workflow.nodes.filter((n) => !n.disabled && !String(n.type).includes('stickyNote')).length;
		const execute = page.locator('[data-test-id="execute-workflow-button"]').first();
		await execute.click();
		if (listener) {
			const stop = page.locator('[data-test-id="stop-execution-waiting-for-webhook-button"]').first();
			await stop.waitFor({ timeout: 30_000 });
			const label = (await execute.innerText()).trim();
			await stop.click();
			await page.locator('[data-test-id="execute-workflow-button"]', { hasText: 'Execute workflow' }).first().waitFor({ timeout: 30_000 });
			return /Waiting for trigger event/i.test(label) ? undefined : `the button says "${label}", not "Waiting for trigger event"`;
		}
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
			await sleep(100);
		}
		await page.locator('[data-test-id="stop-execution-button"]').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
		return undefined;
	});
	if (ran && example.file === EXECUTION_SHOT_EXAMPLE) await shot(s, path.join(SHOTS_DIR, `execution-${example.file.replace(/\.json$/, '')}.png`), `${label} execution`);
	for (const wfNode of example.workflow.nodes) {
		if (String(wfNode.type).includes('stickyNote')) continue;
		await check(s, 'example nodes', `${label} › "${wfNode.name}": parameters complete`, async () => {
			await closePanel(page);
			await page.locator('[data-test-id="canvas-node"]').filter({ has: page.getByText(wfNode.name, { exact: true }) }).first().dblclick();
			await page.locator(`${NDV} [data-test-id="node-parameters"]`).waitFor({ timeout: 15_000 });
			await painted(page);
			await loadsSettled(s);
			const problems = await page.evaluate((ndv) => {
				const root = document.querySelector(ndv) ?? document.body;
				const out: string[] = [];
				for (const rl of Array.from(root.querySelectorAll('[data-test-id^="resource-locator-"]'))) {
					const mode = rl.querySelector('[data-test-id="rlc-mode-selector"] input') as HTMLInputElement | null;
					if (mode && !mode.value) out.push(`${rl.getAttribute('data-test-id')?.replace('resource-locator-', '')} shows no mode ("${mode.placeholder}")`);
				}
				for (const issue of Array.from(root.querySelectorAll('[data-test-id="parameter-issues"], .parameter-issues'))) {
					const item = issue.closest('[data-test-id="parameter-item"], .parameter-item');
					const labelText = item?.querySelector('label, [data-test-id="input-label"]')?.textContent?.trim();
					out.push(`parameter issue at ${labelText ?? 'a parameter'}`);
				}
				return out;
			}, NDV);
			await closePanel(page);
			return problems.length ? problems.join('; ') : undefined;
		});
	}
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Credentials in the credentials modal.

interface CredentialCase extends CredentialType {
	packageName: string;
}

const MODAL = '[data-test-id="editCredential-modal"]';

async function fillCredentialField(s: Session, prop: Property, value: unknown): Promise<void> {
	if (prop.type === 'options') {
		const option = (prop.options ?? []).find((o) => o.value === value);
		if (!option) throw new Error(`${prop.name}: no option with value ${JSON.stringify(value)}`);
		await chooseOption(s, MODAL, prop.name, option.name);
		return;
	}
	if (prop.type === 'boolean') return;
	await s.page.locator(`${MODAL} [data-test-id="parameter-input-${prop.name}"]`).first().locator('input, textarea').first().fill(String(value));
}

async function checkCredential(s: Session, type: CredentialCase, sandbox: StartedSandbox | undefined, picture: boolean): Promise<void> {
	const { page } = s;
	if (!sandbox) {
		record('credentials', `${type.displayName}: no sandbox for ${type.packageName}`, false, undefined, Date.now());
		return;
	}
	// The sandbox's value for each field: its imported credential when the type matches, else its placeholders.
	const prefix = Object.keys(sandbox.placeholders).find((k) => k.endsWith('_CREDENTIAL_ID'))!.replace(/_CREDENTIAL_ID$/, '');
	const valueFor = (field: string): unknown =>
		sandbox.credential.type === type.name && field in sandbox.credential.data
			? sandbox.credential.data[field]
			: sandbox.placeholders[`${prefix}_${field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`];
	const secretProps = type.properties.filter((p) => p.typeOptions?.password && p.type !== 'hidden');
	const modal = page.locator(MODAL);
	const ok = await check(s, 'credentials', `${type.displayName}: filled from the sandbox, "Connection tested successfully"`, async () => {
		await navigate(s, '/home/credentials', '[data-test-id="add-resource-credential"]');
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
			await fillCredentialField(s, prop, value);
		}
		await modal.locator('[data-test-id="credential-save-button"]').click();
		const success = modal.getByText('Connection tested successfully');
		const failure = modal.getByText(/Couldn.t connect with these settings/).first();
		await success.or(failure).first().waitFor({ state: 'visible', timeout: 30_000 });
		if (await failure.isVisible()) return `n8n says: Couldn't connect with these settings`;
		if (picture) await shot(s, path.join(SHOTS_DIR, 'credential-tested.png'), 'credential modal');
		return undefined;
	});
	if (ok && secretProps.length) {
		const secret = secretProps.find((p) => displayed(p.displayOptions, Object.fromEntries(type.properties.map((q) => [q.name, valueFor(q.name) ?? q.default])), 1)) ?? secretProps[0];
		const wrong = `Wrong-${randomBytes(9).toString('hex')}`;
		secretsToHide.add(wrong);
		await check(s, 'credentials', `${type.displayName}: wrong ${secret.displayName} shows the vendor's message without the secret`, async () => {
			await modal.locator(`[data-test-id="parameter-input-${secret.name}"] input`).first().fill(wrong);
			await modal.locator('[data-test-id="credential-save-button"]').click();
			const failure = modal.getByText(/Couldn.t connect with these settings/).first();
			await failure.waitFor({ state: 'visible', timeout: 30_000 });
			// "More details" unfolds the vendor's message under n8n's headline.
			const more = modal.getByText('More details', { exact: true }).first();
			if (await more.isVisible()) await more.click();
			await painted(page);
			const banner = modal.locator('[data-test-id="credentials-config-container-test-error"], .n8n-callout, [role="alert"]').filter({ hasText: /Couldn.t connect/ }).first();
			const text = ((await banner.count()) ? await banner.innerText() : await modal.innerText()).replace(/\s+/g, ' ').trim();
			const pageText = await page.locator('body').innerText();
			const leaked = [...secretsToHide].filter((v) => v.length >= 4 && (pageText.includes(v) || text.includes(v)));
			if (leaked.length) return `the page shows a secret (${leaked.length} value(s))`;
			const message = text.replace(/^.*?(Couldn.t connect with these settings|Connection failed)/i, '').replace(/More details|Retry/g, '').trim();
			if (message.length < 5) return `no vendor message, only "${text.slice(0, 200)}"`;
			if (process.env.UI_VERBOSE) console.log(`[ui]      ${type.displayName} wrong secret: ${scrub(text).slice(0, 200)}`);
			return undefined;
		});
	}
	await page.keyboard.press('Escape').catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// Main.

interface Counts {
	nodes: number;
	operations: number;
	pickers: number;
	dropdowns: number;
	credentials: number;
	examples: number;
}

function printSummary(counts: Counts, timings: Record<string, number>): void {
	const categories: Category[] = ['node creator', 'nodes', 'operations', 'pickers', 'dropdowns', 'credentials', 'examples', 'example nodes', 'screenshots'];
	const countOf: Record<Category, string> = {
		'node creator': `${results.filter((r) => r.category === 'node creator').length} searches`,
		nodes: `${counts.nodes} nodes`,
		operations: `${counts.operations} resource × operation / events`,
		pickers: `${counts.pickers} resource locators`,
		dropdowns: `${counts.dropdowns} account dropdowns`,
		credentials: `${counts.credentials} credential types`,
		examples: `${counts.examples} workflows`,
		'example nodes': `${results.filter((r) => r.category === 'example nodes').length} nodes`,
		screenshots: `${shotsWritten.length} files`,
	};
	console.log('\n| Checked | Count | Checks | Passed | Failed | Time (all pages) |');
	console.log('| --- | --- | --- | --- | --- | --- |');
	for (const category of categories) {
		const list = results.filter((r) => r.category === category);
		const passed = list.filter((r) => r.ok).length;
		console.log(`| ${category} | ${countOf[category]} | ${list.length} | ${passed} | ${list.length - passed} | ${(list.reduce((sum, r) => sum + r.ms, 0) / 1000).toFixed(1)} s |`);
	}
	const failed = results.filter((r) => !r.ok);
	if (ignoredConsole.size) console.log(`\nIgnored errors of n8n itself: ${[...ignoredConsole].map(([label, n]) => `${label} ×${n}`).join('; ')}`);
	if (failed.length) {
		console.log('\nFailures:');
		for (const r of failed) console.log(`- ${r.category}: ${r.name} — ${r.detail ?? ''}`);
	}
	if (reopenedPanels.length) console.log(`\nPanels that closed by themselves and were opened again: ${reopenedPanels.join('; ')}`);
	if (rawLabelDetours.length) console.log(`\nDropdowns that showed a raw value (n8n's stale label; another option chosen first, then this one): ${rawLabelDetours.join('; ')}`);
	console.log(`\nScreenshots: ${shotsWritten.join(', ')}`);
	console.log(`Times: ${Object.entries(timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(0)} s`).join(', ')}`);
	console.log(
		`Checked: ${counts.nodes} nodes, ${counts.operations} operations, ${counts.pickers} pickers, ${counts.dropdowns} dropdowns, ` +
			`${counts.credentials} credentials, ${counts.examples} examples in ${((timings.total ?? 0) / 1000).toFixed(0)} s`,
	);
	console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
}

/** Runs the jobs on the sessions, each session taking the next job when it is done with one. */
async function runPool<T>(sessions: Session[], jobs: T[], run: (s: Session, job: T) => Promise<void>): Promise<void> {
	const queue = [...jobs];
	await Promise.all(
		sessions.map(async (s) => {
			for (let job = queue.shift(); job !== undefined; job = queue.shift()) await run(s, job);
		}),
	);
}

async function main(): Promise<void> {
	const startedAt = Date.now();
	const timings: Record<string, number> = {};
	const only = new Set((process.env.UI_ONLY ?? 'creator,panels,examples,credentials').split(',').map((part) => part.trim()));
	const pages = Math.max(1, Number(process.env.UI_PAGES ?? 2));
	const owner = { email: 'ui-test@example.com', firstName: 'UI', lastName: 'Test', password: `Ui-${randomBytes(6).toString('hex')}-9` };
	secretsToHide.add(owner.password);

	// The browser starts while n8n does.
	const [demo, browser] = await Promise.all([startDemoInstance({ userFolderName: 'ui-user', sandboxPorts: 'random', owner }), launchChromium()]);
	const closeAll = async () => {
		await browser.close().catch(() => undefined);
		await demo.stop();
	};
	timings['n8n start-up'] = Date.now() - startedAt;
	console.log(`[ui] n8n ready at ${demo.url} after ${(timings['n8n start-up'] / 1000).toFixed(0)} s (${Object.entries(demo.timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ')}; log: ${path.relative(ROOT, demo.n8n.logFile)})`);
	for (const sandbox of demo.sandboxes) {
		for (const [field, value] of Object.entries(sandbox.credential.data)) if (/secret|password|token|key/i.test(field) && typeof value === 'string') secretsToHide.add(value);
	}

	const counts: Counts = { nodes: 0, operations: 0, pickers: 0, dropdowns: 0, credentials: 0, examples: 0 };
	try {
		// What the editor gets: the node and credential types as the running n8n serves them.
		const headers = { cookie: demo.cookie };
		const packages = vendorPackages();
		const allTypes = (await (await fetch(`${demo.url}/types/nodes.json`, { headers })).json()) as NodeType[];
		const nodes: NodeType[] = [];
		for (const type of allTypes) {
			const pkg = packages.find((p) => type.name.startsWith(`${p.name}.`));
			if (!pkg || (type.name.endsWith('Tool') && allTypes.some((t) => t.name === type.name.slice(0, -4)))) continue;
			if (nodes.some((n) => n.name === type.name)) continue; // one entry per type (versions)
			if (process.env.UI_NODES && !type.name.includes(process.env.UI_NODES)) continue;
			nodes.push({ ...type, packageName: pkg.name });
		}
		if (nodes.length === 0) throw new Error('no node types of the packages are loaded');
		const allCredentials = (await (await fetch(`${demo.url}/types/credentials.json`, { headers })).json()) as CredentialType[];
		const credentialTypes: CredentialCase[] = [...new Set(nodes.flatMap((n) => (n.credentials ?? []).map((c) => `${n.packageName}|${c.name}`)))].map((key) => {
			const [packageName, name] = key.split('|');
			const type = allCredentials.find((c) => c.name === name);
			if (!type) throw new Error(`credential type ${name} is not loaded`);
			return { ...type, packageName };
		});
		const examples = demo.examples.filter((e) => !process.env.UI_NODES || e.workflow.nodes.some((n: any) => String(n.type).includes(process.env.UI_NODES!)));
		counts.nodes = nodes.length;

		fs.rmSync(FAILURES_DIR, { recursive: true, force: true });
		const sessions = await Promise.all(Array.from({ length: pages }, () => openSession(browser, demo.url, owner)));

		// The pages share the work, the longest jobs first. The credentials come after the last panel: the ones
		// created in the modal leave two credentials of a type, and a node added after that would not get the
		// sandbox credential by itself.
		const phase = Date.now();
		type Job = { kind: 'creator' } | { kind: 'panels'; job: PanelJob } | { kind: 'example'; example: Example } | { kind: 'credentials' };
		const jobs: Job[] = [];
		if (only.has('panels')) jobs.push(...panelJobs(nodes, 75).map((job) => ({ kind: 'panels' as const, job })));
		if (only.has('creator')) jobs.push({ kind: 'creator' });
		if (only.has('examples')) jobs.push(...examples.map((example) => ({ kind: 'example' as const, example })));
		if (only.has('credentials')) jobs.push({ kind: 'credentials' });
		let panelJobsLeft = jobs.filter((job) => job.kind === 'panels').length;
		let panelsDone: () => void = () => undefined;
		const allPanelsDone = new Promise<void>((resolve) => (panelsDone = resolve));
		if (panelJobsLeft === 0) panelsDone();
		await runPool(sessions, jobs, async (s, job) => {
			if (job.kind === 'creator') await checkNodeCreator(s, nodes);
			else if (job.kind === 'example') await checkExample(s, job.example);
			else if (job.kind === 'panels') {
				await checkPanels(s, job.job);
				if (--panelJobsLeft === 0) panelsDone();
			} else {
				// After the last panel: a node added once a second credential of its type exists would get none by itself.
				await allPanelsDone;
				const started = Date.now();
				for (const [index, type] of credentialTypes.entries()) {
					await checkCredential(s, type, demo.sandboxes.find((sandbox) => sandbox.packageName === type.packageName), index === 0);
				}
				timings.credentials = Date.now() - started;
			}
		});
		timings['all checks'] = Date.now() - phase;
		counts.operations = results.filter((r) => r.category === 'operations').length;
		counts.pickers = results.filter((r) => r.category === 'pickers').length;
		counts.dropdowns = results.filter((r) => r.category === 'dropdowns').length;
		counts.credentials = only.has('credentials') ? credentialTypes.length : 0;
		counts.examples = only.has('examples') ? examples.length : 0;
	} finally {
		await closeAll();
	}
	timings.total = Date.now() - startedAt;
	printSummary(counts, timings);
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
