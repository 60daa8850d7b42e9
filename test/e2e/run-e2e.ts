/**
 * End-to-end suite against a real n8n 2.41.1 (`npm run test:e2e [-- <filter>]`; the filter matches case file names).
 * Runs the cases in fresh n8n user folders: first all four packages together with every case, installed by name
 * through n8n's own installer from a local npm registry they were published to (as a user installs them), then each
 * package alone in its own fresh n8n with its own cases, unpacked from its tarball with n8n's install flags (proof
 * that no package leans on another; E2E_TOGETHER_ONLY=1 skips these).
 * Each run starts the vendor sandboxes on random ports, imports the cases' workflows, runs them all in one n8n
 * process (`execute-batch`; workflows without a Manual Trigger run in manual mode in a started n8n), then calls each
 * case's check(). Last line: `<n> passed, <m> failed` (cases, over all runs).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOG_DIR, createUserFolder, ensureN8n, executeWorkflows, exportNodeTypes, freePort, importCredentials, onShutdown, removeUserFolder, vendorPackages } from '../../scripts/n8n-runtime';
import { importWorkflows } from '../../scripts/workflow-files';
import { login, runWorkflowManually, setupOwner, startN8n, testCredential } from '../../scripts/n8n-server';
import type { CredentialImport, VendorPackage, WorkflowRun } from '../../scripts/n8n-runtime';
import type { WorkflowJson } from '../../scripts/workflow-files';
import { installThroughN8n, type InstalledPackage } from '../../scripts/community-packages';
import { startRegistry, type LocalRegistry } from '../../scripts/registry';
import { allPlaceholders, closeSandboxes, fillPlaceholders, startSandboxes } from '../../scripts/sandboxes';
import { findSecrets, registerSecret } from '../helpers/secrets';
import { makeAssertions, preview } from './harness';
import type { CheckRecord, E2eCase, E2eContext, LiveN8n } from './harness';
import { runLifecycle } from './lifecycle';
import { publishWorkflow } from './live';
import { startOpenAiStub } from './openai-stub';

const CASES_DIR = path.join(__dirname, 'cases');
// Outside the repository: a package n8n installs into <user folder>/.n8n/nodes must not find the repository's
// node_modules when it require()s (it would hide a missing dependency).
const RUNS_DIR = path.join(os.tmpdir(), 'n8n-nodes-eu-finance-e2e');

interface LoadedCase extends E2eCase {
	file: string;
}

/** The package a case file tests, from its name. */
const PACKAGE_OF_FILE: Array<[prefix: string, packageName: string]> = [
	['fiskaly-', 'n8n-nodes-fiskaly-management'],
	['thenextinvoice-', 'n8n-nodes-thenextinvoice'],
	['invoicing-api-', 'n8n-nodes-regtech-invoicing'],
	['semansys-', 'n8n-nodes-semansys'],
];

function loadCases(filter: string | undefined): LoadedCase[] {
	// The package check first, then the other runtime cases (n8n-*), then the vendors: when the package is not
	// loaded, that is the failure to read first.
	const rank = (file: string) => (file === 'n8n-package-loaded.ts' ? 0 : file.startsWith('n8n-') ? 1 : 2);
	const files = fs
		.readdirSync(CASES_DIR)
		.filter((file) => file.endsWith('.ts') && (!filter || file.includes(filter)))
		.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
	const cases = files.flatMap((file) => {
		const loaded = require(path.join(CASES_DIR, file));
		const exported: E2eCase | E2eCase[] = loaded.default ?? loaded;
		return (Array.isArray(exported) ? exported : [exported]).map((testCase) => {
			if (typeof testCase?.name !== 'string' || typeof testCase.check !== 'function') {
				throw new Error(`${file}: the default export must be an E2eCase { name, workflow?, credentials?, check } or an array of them`);
			}
			const byFile = PACKAGE_OF_FILE.find(([prefix]) => file.startsWith(prefix))?.[1];
			return { ...testCase, package: testCase.package ?? byFile, file };
		});
	});
	const ids = cases.flatMap((c) => (c.workflow ? [c.workflow.id] : []));
	const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
	if (duplicate) throw new Error(`two cases use workflow id ${duplicate}; every case needs its own`);
	return cases;
}

/** Removes user folders and logs of earlier runs whose process is gone (a failed run keeps them for debugging). */
function pruneOldRuns(): void {
	const alive = (pid: number) => {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	for (const [dir, pattern] of [[RUNS_DIR, /^run-(\d+)(-\d+)?(-types)?$/], [LOG_DIR, /^run-(\d+)-.*\.log$/]] as const) {
		if (!fs.existsSync(dir)) continue;
		for (const entry of fs.readdirSync(dir)) {
			const match = pattern.exec(entry);
			if (match && Number(match[1]) !== process.pid && !alive(Number(match[1]))) {
				if (dir === RUNS_DIR) removeUserFolder(path.join(dir, entry));
				else fs.rmSync(path.join(dir, entry), { force: true });
			}
		}
	}
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface SuiteResult {
	label: string;
	passed: number;
	failed: number;
	skipped: number;
	checksPassed: number;
	checksFailed: number;
	ms: number;
}

async function main(): Promise<number> {
	const started = Date.now();
	ensureN8n();
	const cases = loadCases(process.argv[2]);
	if (cases.length === 0) throw new Error(`no cases in ${CASES_DIR}${process.argv[2] ? ` matching "${process.argv[2]}"` : ''}`);
	pruneOldRuns();
	const packages = vendorPackages();
	const suites: Suite[] = [{ label: `all ${packages.length} packages together, installed by n8n's installer`, packages, cases, install: 'installer' }];
	if (!process.env.E2E_TOGETHER_ONLY) {
		for (const pkg of packages) {
			const own = cases.filter((c) => c.package === pkg.name);
			if (own.length) suites.push({ label: `${pkg.name} alone`, packages: [pkg], cases: own, install: 'tarball' });
		}
	}
	// Without a filter, also a package's life through n8n's installer: install, update, uninstall, reinstall.
	const lifecycle = !process.argv[2] ? packages.find((pkg) => pkg.name === 'n8n-nodes-fiskaly-management') : undefined;
	// The registry n8n's installer installs from: the same tarballs check:release scans, published with npm publish.
	const registry = lifecycle || suites.some((suite) => suite.install === 'installer') ? await startRegistry() : undefined;
	if (registry) {
		for (const pkg of packages) registry.publish(pkg.tarball);
		console.log(`[e2e] local npm registry ${registry.url}: published ${packages.map((pkg) => path.basename(pkg.tarball)).join(', ')}`);
	}
	const results: SuiteResult[] = [];
	for (const [index, suite] of suites.entries()) {
		console.log(`\n=== e2e run ${index + 1}/${suites.length}: ${suite.label} (${suite.cases.length} cases) ===`);
		results.push(await runSuite(index, suite, registry));
	}
	if (lifecycle && registry) {
		const patch = lifecycle.json.version.replace(/\d+$/, (n) => String(Number(n) + 1));
		console.log(`\n=== e2e run ${suites.length + 1}/${suites.length + 1}: ${lifecycle.name} ${lifecycle.json.version} → ${patch} through n8n's installer ===`);
		const lifecycleStarted = Date.now();
		const steps = await runLifecycle(registry, lifecycle, patch);
		const passedSteps = steps.filter((step) => step.ok).length;
		results.push({
			label: `${lifecycle.name}: install, update to ${patch}, uninstall, reinstall (n8n's installer)`,
			passed: passedSteps,
			failed: steps.length - passedSteps,
			skipped: 0,
			checksPassed: passedSteps,
			checksFailed: steps.length - passedSteps,
			ms: Date.now() - lifecycleStarted,
		});
	}
	await registry?.stop();
	console.log('\n| e2e run | cases passed | failed | skipped | checks passed | checks failed | time |\n| --- | --- | --- | --- | --- | --- | --- |');
	for (const r of results) console.log(`| ${r.label} | ${r.passed} | ${r.failed} | ${r.skipped} | ${r.checksPassed} | ${r.checksFailed} | ${seconds(r.ms)} |`);
	const passed = results.reduce((sum, r) => sum + r.passed, 0);
	const failed = results.reduce((sum, r) => sum + r.failed, 0);
	console.log(`total ${seconds(Date.now() - started)}`);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

interface Suite {
	label: string;
	packages: VendorPackage[];
	cases: LoadedCase[];
	/** `installer`: by name through n8n's installer from the local registry; `tarball`: unpacked as n8n does. */
	install: 'installer' | 'tarball';
}

/** One run: a fresh n8n user folder with the suite's packages installed, and its cases executed in it. */
async function runSuite(index: number, suite: Suite, registry: LocalRegistry | undefined): Promise<SuiteResult> {
	const { label, packages, cases } = suite;
	const started = Date.now();
	const step = (text: string) => console.log(`[e2e ${seconds(Date.now() - started).padStart(6)}] ${text}`);
	const folder = path.join(RUNS_DIR, `run-${process.pid}-${index}`);
	const owner = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Runner', password: `E2e-${randomBytes(8).toString('hex')}` };
	let installedByN8n: InstalledPackage[] | undefined;
	let userFolder: string;
	if (suite.install === 'installer') {
		if (!registry) throw new Error('the installer suite needs the local registry');
		userFolder = createUserFolder(folder, []);
		// The owner set up here is the one the suite signs in as later.
		installedByN8n = await installThroughN8n(userFolder, registry.url, packages.map((pkg) => pkg.name), owner);
		step(`n8n's installer installed ${installedByN8n.map((p) => `${p.packageName}@${p.installedVersion} (${p.installedNodes.length} nodes)`).join(', ')} from ${registry.url}`);
	} else {
		userFolder = createUserFolder(folder, packages);
	}
	// Packages unpacked from tarballs: export:nodes gets its own folder so that it can run while the credentials are
	// imported (saves ~3.5 s). Packages n8n installed: their node types are read from the folder n8n installed into.
	const typesFolder = suite.install === 'tarball' ? createUserFolder(`${userFolder}-types`, packages) : undefined;
	// Every sandbox runs (the placeholders of all vendors resolve), but only the installed packages' credentials exist.
	const sandboxes = await startSandboxes('random');
	onShutdown(() => closeSandboxes(sandboxes));
	const installed = sandboxes.filter((sandbox) => packages.some((pkg) => pkg.name === sandbox.packageName));
	step(`${label}: ${packages.map((pkg) => path.basename(pkg.tarball)).join(', ')} installed; ${cases.length} case(s); user folder ${userFolder}`);

	// The local chat model of the AI cases (cheap: a tiny HTTP server). Its credential is imported when a workflow uses it.
	const openAi = await startOpenAiStub();
	onShutdown(() => openAi.close());
	registerSecret(openAi.apiKey);
	const openAiCredential: CredentialImport = { id: 'openAiStubCred', name: 'OpenAI (local stub)', type: 'openAiApi', data: { apiKey: openAi.apiKey, url: openAi.baseUrl } };
	const placeholders = {
		...allPlaceholders(sandboxes),
		OPENAI_STUB_CREDENTIAL_ID: openAiCredential.id,
		OPENAI_STUB_CREDENTIAL_NAME: openAiCredential.name,
		OPENAI_STUB_BASE_URL: openAi.baseUrl,
		OPENAI_STUB_MODEL: openAi.model,
	};
	const usesModel = cases.some((c) => JSON.stringify(c.workflow ?? {}).includes('{{OPENAI_STUB_'));
	const credentials: CredentialImport[] = [
		...installed.map((sandbox) => sandbox.credential),
		...(usesModel ? [openAiCredential] : []),
		...cases.flatMap((c) => fillPlaceholders(c.credentials ?? [], placeholders, c.file)),
	];
	const workflows = cases.flatMap((c) => (c.workflow ? [fillPlaceholders(c.workflow, placeholders, c.file)] : []));
	for (const c of cases) for (const scenario of fillPlaceholders(c.modelScenarios ?? [], placeholders, c.file)) openAi.addScenario(scenario, placeholders);

	const [nodeTypes] = typesFolder
		? await Promise.all([exportNodeTypes(typesFolder), importCredentials(userFolder, credentials)])
		: [await exportNodeTypes(userFolder), await importCredentials(userFolder, credentials)];
	await importWorkflows(userFolder, workflows);
	step(`imported ${credentials.length} credential(s) and ${workflows.length} workflow(s)`);
	const cliIds = cases.filter((c) => c.workflow && !c.published && runMode(c) === 'cli').map((c) => c.workflow!.id);
	const runs = cliIds.length ? await executeWorkflows(userFolder, cliIds) : new Map<string, WorkflowRun>();
	step(`executed ${cliIds.length} workflow(s) in one n8n process (n8n execute-batch)`);
	const manualCases = cases.filter((c) => c.workflow && !c.published && runMode(c) === 'manual');
	const publishedCases = cases.filter((c) => c.workflow && c.published);
	const credentialTests: E2eContext['credentialTests'] = {};
	const sandboxHandles = Object.fromEntries(sandboxes.map((s) => [s.vendor, s.handle]));
	const contextFor = (records: CheckRecord[], onSkip: (reason: string) => void, n8n?: LiveN8n) =>
		({ ...sandboxHandles, openAi, n8n, nodeTypes, placeholders, credentialTests, ...makeAssertions(records, onSkip) }) as unknown as E2eContext;
	// Checks of published cases run while n8n runs; their outcome is printed with the others below.
	const liveResults = new Map<E2eCase, { records: CheckRecord[]; skipReason?: string; ms: number; logFile: string }>();
	if (manualCases.length || publishedCases.length || cases.some((c) => c.needsServer)) {
		const server = await startN8n(userFolder, await freePort());
		onShutdown(() => server.stop());
		if (!installedByN8n) await setupOwner(server.url, owner);
		const cookie = await login(server.url, owner.email, owner.password);
		for (const { workflow } of manualCases) {
			const id = workflow!.id;
			const run = await runWorkflowManually(server.url, cookie, id, startTrigger(workflow!), { logFile: server.logFile }).catch(
				(error: Error) => notRun('missing', `manual run failed: ${error.message}`, server.logFile),
			);
			runs.set(id, run);
		}
		if (publishedCases.length) {
			const live: LiveN8n = { url: server.url, cookie };
			for (const testCase of publishedCases) {
				const records: CheckRecord[] = [];
				let skipReason: string | undefined;
				const liveStarted = Date.now();
				try {
					await publishWorkflow(server.url, cookie, testCase.workflow!.id);
					await testCase.check(notRun('published'), contextFor(records, (reason) => (skipReason = reason), live));
				} catch (error) {
					records.push({ ok: false, message: `check() threw: ${(error as Error)?.stack ?? String(error)}` });
				}
				liveResults.set(testCase, { records, skipReason, ms: Date.now() - liveStarted, logFile: server.logFile });
			}
		}
		for (const { vendor, credential } of installed) {
			const wrongValue = `wrong-${randomBytes(6).toString('hex')}`;
			const wrong = Object.fromEntries(Object.entries(credential.data).map(([k, v]) => [k, /secret|password|token/i.test(k) ? wrongValue : v]));
			credentialTests[vendor] = {
				ok: await testCredential(server.url, cookie, credential),
				wrongSecret: await testCredential(server.url, cookie, { ...credential, data: wrong }),
				wrongValue,
			};
		}
		await server.stop();
		step(`executed ${manualCases.length} workflow(s) in manual mode, ${publishedCases.length} published workflow(s) and ${installed.length} credential test(s) (n8n start + REST)`);
	}

	let passed = 0;
	let failed = 0;
	let skipped = 0;
	let checksPassed = 0;
	let checksFailed = 0;
	console.log('');
	if (installedByN8n) {
		// What Settings → Community Nodes shows after the installs: each package, its version and its nodes.
		const expected = packages.map((pkg) => `${pkg.name}@${pkg.json.version}`);
		const listed = installedByN8n.map((p) => `${p.packageName}@${p.installedVersion}`);
		const ok = expected.every((entry) => listed.includes(entry)) && installedByN8n.every((p) => p.installedNodes.length > 0);
		if (ok) {
			passed++;
			checksPassed++;
			console.log(`  ✓  installed by name through n8n's installer from the local registry: ${listed.join(', ')}`);
		} else {
			failed++;
			checksFailed++;
			console.log(`  ✗  n8n's installer: expected ${expected.join(', ')} with nodes, n8n lists ${JSON.stringify(installedByN8n.map((p) => [p.packageName, p.installedVersion, p.installedNodes.length]))}`);
		}
	}
	for (const testCase of cases) {
		const live = liveResults.get(testCase);
		const records: CheckRecord[] = live?.records ?? [];
		let skipReason: string | undefined = live?.skipReason;
		const run = testCase.published ? { ...notRun('published'), ms: live?.ms ?? 0, logFile: live?.logFile ?? '' } : testCase.workflow ? runs.get(testCase.workflow.id)! : notRun('not-run');
		if (testCase.published && !live) records.push({ ok: false, message: 'the published workflow was not checked (n8n did not start?)' });
		if (!testCase.published) {
			try {
				await testCase.check(run, contextFor(records, (reason) => (skipReason = reason)));
			} catch (error) {
				records.push({ ok: false, message: `check() threw: ${(error as Error)?.stack ?? String(error)}` });
			}
		}
		const failures = records.filter((r) => !r.ok);
		checksPassed += records.length - failures.length;
		checksFailed += failures.length;
		const timing = testCase.published ? `, published, live checks ${seconds(run.ms)}` : testCase.workflow ? `, n8n ${seconds(run.ms)}` : '';
		if (failures.length === 0 && skipReason !== undefined) {
			skipped++;
			console.log(`  -  ${testCase.name}  (skipped: ${skipReason})`);
		} else if (failures.length === 0 && records.length > 0) {
			passed++;
			console.log(`  ✓  ${testCase.name}  (${records.length} checks${timing})`);
		} else {
			failed++;
			console.log(`  ✗  ${testCase.name}  [${testCase.file}]`);
			if (records.length === 0) console.log('       no checks were made');
			for (const failure of failures) console.log(`       ✗ ${failure.message}`);
			if (testCase.workflow && !run.ok && !testCase.published) {
				const error = run.error();
				console.log(`       n8n status: ${run.status}${error ? `; error: ${preview(error.message)}` : ''}${error?.description ? ` (${preview(error.description)})` : ''}`);
				console.log(`       n8n log: ${run.logFile}`);
			}
			if (testCase.published && run.logFile) console.log(`       n8n log: ${run.logFile}`);
		}
	}

	// The secret scan of real n8n: every log line and run output n8n wrote (execute-batch prints the run data) must be
	// free of the credentials' secrets and of every token the sandboxes issued (registered by the sandboxes' token stores).
	for (const { credential } of installed) {
		for (const [field, value] of Object.entries(credential.data)) if (/(secret|password|token)$/i.test(field)) registerSecret(value);
	}
	for (const test of Object.values(credentialTests)) registerSecret(test.wrongValue);
	const logFiles = fs.readdirSync(LOG_DIR).filter((log) => log.startsWith(`${path.basename(userFolder)}-`));
	const leaks = logFiles.flatMap((log) => findSecrets(fs.readFileSync(path.join(LOG_DIR, log), 'utf8')).map((hit) => `${log}: ${hit}`));
	const scanned = logFiles.reduce((bytes, log) => bytes + fs.statSync(path.join(LOG_DIR, log)).size, 0);
	if (leaks.length === 0) {
		passed++;
		checksPassed++;
		console.log(`  ✓  secret scan of n8n's logs and run outputs (${logFiles.length} files, ${Math.round(scanned / 1024)} KB, 0 secrets found)`);
	} else {
		failed++;
		checksFailed++;
		console.log(`  ✗  secret scan of n8n's logs and run outputs: ${leaks.join(', ')}`);
	}

	console.log('');
	console.log(`checks: ${checksPassed} passed, ${checksFailed} failed${skipped ? `; cases skipped: ${skipped}` : ''}`);
	await closeSandboxes(sandboxes);
	await openAi.close();
	if (failed === 0) {
		for (const folder of [userFolder, typesFolder]) if (folder) removeUserFolder(folder);
		for (const log of fs.readdirSync(LOG_DIR)) if (log.startsWith(`${path.basename(userFolder)}-`)) fs.rmSync(path.join(LOG_DIR, log));
	} else {
		console.log(`kept for debugging: ${userFolder} and ${path.join(LOG_DIR, path.basename(userFolder))}-*.log`);
	}
	return { label, passed, failed, skipped, checksPassed, checksFailed, ms: Date.now() - started };
}

const CLI_START_TYPES = ['n8n-nodes-base.manualTrigger', '@n8n/n8n-nodes-langchain.manualChatTrigger'];
type WorkflowNode = { name: string; type: string };

function runMode(testCase: E2eCase): 'cli' | 'manual' {
	const nodes = (testCase.workflow?.nodes ?? []) as WorkflowNode[];
	return testCase.mode ?? (nodes.some((node) => CLI_START_TYPES.includes(node.type)) ? 'cli' : 'manual');
}

/** The trigger a manual run starts from: a node of a *Trigger type that nothing connects into. */
function startTrigger(workflow: WorkflowJson): string {
	const nodes = workflow.nodes as WorkflowNode[];
	const targets = new Set(JSON.stringify(workflow.connections).match(/"node":"[^"]*"/g)?.map((m) => m.slice(8, -1)));
	const trigger = nodes.find((node) => /trigger$/i.test(node.type) && !targets.has(node.name));
	return (trigger ?? nodes[0]).name;
}

/** A WorkflowRun without an execution: for cases without a workflow, or when n8n could not run it. */
function notRun(status: string, message?: string, logFile = ''): WorkflowRun {
	return {
		workflowId: '',
		status,
		ok: false,
		run: undefined,
		runData: {},
		output: () => [],
		error: (nodeName) => (message === undefined || nodeName !== undefined ? undefined : { message }),
		exitCode: null,
		stdout: '',
		stderr: '',
		ms: 0,
		logFile,
	};
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`\ne2e run failed: ${(error as Error)?.message ?? String(error)}`);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
