/**
 * `npm run test:queue`: our nodes in n8n's queue mode (README "Running at scale"). One n8n 2.41.1 main and two
 * workers (`n8n worker --concurrency=5`) share a PostgreSQL database, a Redis queue and one user folder with the
 * four packed tarballs installed as n8n installs community packages. The suite starts and stops everything itself
 * (loopback only) and checks:
 *  1. load across workers under faults: >= 40 executions started together through production webhooks
 *     (TheNextInvoice create + finalize + PDF with the e-mail & password credential and 20 s JWTs, Invoicing API
 *     create + send, fiskaly organization + API key), about 20 % of all sandbox requests faulted; both workers ran
 *     executions (their logs name each execution they started);
 *  2. triggers on main: a TheNextInvoice New Invoice trigger, activated while the load runs, emits every invoice
 *     finalized after its activation exactly once, over several polls (its requests come from main's process);
 *  3. binary data through the queue: the PDFs and a SEPA XML a worker downloaded reach the next node (a Crypto
 *     node hashes them in the worker) and the execution record (downloaded back through main) byte for byte;
 *  4. a worker dies: worker 2 is SIGKILLed during the load; what n8n does with its executions (and what its own
 *     Retry can do with them) is reported; every payload that was not answered 200 is delivered again, and every
 *     business item exists exactly once (idempotency keys: creationToken, customInvoiceId, creation key, key name).
 * Then a table (executions, per worker, items, logins per process, 401s, retries, duplicates, lost, wall time).
 * Exit code 0 only when every check passed.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOG_DIR, RUNTIME_DIR, createUserFolder, ensureN8n, importCredentials, missingTarballs, removeUserFolder, sleep, type VendorPackage, vendorPackages } from '../../scripts/n8n-runtime';
import { importWorkflows } from '../../scripts/workflow-files';
import { login, setupOwner, startN8nProcess, type RunningN8nProcess } from '../../scripts/n8n-server';
import { allPlaceholders, closeSandboxes, fillPlaceholders, startSandboxes } from '../../scripts/sandboxes';
import { findSecrets, registerSecret } from '../helpers/secrets';
import type { RecordedRequest, RunningSandbox, ScheduledFault, TokenStore } from '../sandbox/framework';
import type { FiskalySandbox } from '../sandbox/fiskaly';
import type { InvoicingApiSandbox } from '../sandbox/invoicing-api';
import type { TheNextInvoiceSandbox } from '../sandbox/thenextinvoice';
import { attributeRequests, type ProcessAttribution } from './attribution';
import { ensureQueueDeps, startPostgres, startRedis, type RunningPostgres } from './services';
import {
	ALL_WORKFLOWS,
	TIMEOUT_SECONDS,
	TNI_IDEMPOTENCY_PARAMETER,
	TNI_LOGIN_CREDENTIAL,
	WEBHOOK_PATHS,
	WORKFLOW_IDS,
} from './workflows';

const QUEUE_DIR = path.join(RUNTIME_DIR, 'queue');
const USERS_DIR = path.join(RUNTIME_DIR, 'queue-user');
const N8N_MODULES = path.join(RUNTIME_DIR, 'n8n', 'node_modules');

/** Load: executions per workflow, items per execution. 16 + 14 + 12 + 2 = 44 executions started together. */
const LOAD = { tni: 16, invoicing: 14, fiskaly: 12, sepa: 2 } as const;
const ITEMS_PER_EXECUTION = 2;
/** Token lifetimes in the sandboxes (all three vendors' logins), short so that every process renews several times. */
const TOKEN_LIFETIME_SECONDS = 20;
const WORKER_CONCURRENCY = 5;

/**
 * The fault mix: 20 % of every sandbox's requests get one of these, dealt at exact shares from a seed
 * (FaultSchedule: 2 in every 10 requests; `FAULT_SEED=<n>` picks another schedule, the table prints it). `slow`
 * holds the answer longer than the nodes' timeout (the write lands, the client gives up: an unknown outcome).
 */
const FAULT_MIX: ScheduledFault[] = [
	{ kind: 'status429', share: 0.03, retryAfterSeconds: 1 },
	{ kind: 'status503', share: 0.03, retryAfterSeconds: 0 },
	{ kind: 'dropBeforeHandling', share: 0.03 },
	{ kind: 'dropAfterHandling', share: 0.03 },
	{ kind: 'slow', share: 0.02, delayMs: TIMEOUT_SECONDS * 1000 + 500 },
	{ kind: 'status500', share: 0.02 },
	{ kind: 'status502', share: 0.02 },
	{ kind: 'status504', share: 0.02 },
];
const FAULT_SEED = Number(process.env.FAULT_SEED ?? 1);

/** Queue settings that make n8n notice a dead worker in seconds instead of its defaults (60 s lock, 3 h recovery). */
const QUEUE_TUNING = {
	QUEUE_WORKER_LOCK_DURATION: '20000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
	QUEUE_WORKER_STALLED_INTERVAL: '10000',
	N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.25', // minutes
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
const step = (text: string) => console.log(`[queue ${seconds(Date.now() - started).padStart(7)}] ${text}`);

interface Check {
	ok: boolean;
	message: string;
}
const checks: Check[] = [];
function check(ok: unknown, message: string): boolean {
	checks.push({ ok: Boolean(ok), message });
	return Boolean(ok);
}

interface ExecutionRow {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	retryOf: string | null;
	retrySuccessId: string | null;
	startedAt: string | null;
	stoppedAt: string | null;
}

function executions(pg: RunningPostgres, where = 'TRUE'): ExecutionRow[] {
	return pg.query<ExecutionRow>(
		`SELECT id::text AS id, "workflowId", status, mode, "retryOf", "retrySuccessId", "startedAt", "stoppedAt" FROM execution_entity WHERE ${where} ORDER BY id`,
	);
}

/** Run data of executions, decoded with n8n's own copy of `flatted` (the format n8n stores it in). */
function executionData(pg: RunningPostgres, ids: string[]): Map<string, any> {
	if (ids.length === 0) return new Map();
	const { parse } = require(path.join(N8N_MODULES, 'flatted')) as { parse(text: string): any };
	const rows = pg.query<{ executionId: string; data: string }>(
		`SELECT "executionId"::text AS "executionId", data FROM execution_data WHERE "executionId" IN (${ids.map(Number).join(',')})`,
	);
	return new Map(rows.map((row) => [row.executionId, parse(row.data)]));
}

const nodeItems = (data: any, node: string, run = 0): any[] => data?.resultData?.runData?.[node]?.[run]?.data?.main?.[0] ?? [];

/** "Worker started execution 12 (job 7)" / "Worker finished execution 12 (job 7)" lines of a worker's log. */
function workerLog(logFile: string): { started: Set<string>; finished: Set<string> } {
	const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
	const ids = (verb: string) => new Set([...text.matchAll(new RegExp(`Worker ${verb} execution (\\d+) \\(job`, 'g'))].map((m) => m[1]));
	return { started: ids('started'), finished: ids('finished') };
}

/** Every token a sandbox grants lives at most TOKEN_LIFETIME_SECONDS (the vendors' real lifetimes are longer). */
function shortenTokens(store: TokenStore<any>, shorten: (subject: Record<string, unknown>) => boolean): void {
	const issue = store.issue.bind(store);
	store.issue = (subject, lifetimeSeconds) => issue(subject, shorten(subject) ? Math.min(lifetimeSeconds, TOKEN_LIFETIME_SECONDS) : lifetimeSeconds);
}

function switchFaults(sandboxes: RunningSandbox[], on: boolean): void {
	for (const sandbox of sandboxes) {
		sandbox.faults.clear();
		// One schedule per sandbox, each from its own seed (the run's seed and the sandbox's place in the list).
		if (on) sandbox.faults.schedule({ mix: FAULT_MIX, seed: FAULT_SEED * 31 + sandboxes.indexOf(sandbox) });
	}
}

async function rest(url: string, cookie: string, method: string, body?: unknown): Promise<any> {
	const res = await fetch(url, {
		method,
		headers: { cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(180_000),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${new URL(url).pathname} -> ${res.status}: ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : undefined;
}

async function activate(baseUrl: string, cookie: string, workflowId: string): Promise<void> {
	const { data } = await rest(`${baseUrl}/rest/workflows/${workflowId}`, cookie, 'GET');
	const { data: activated } = await rest(`${baseUrl}/rest/workflows/${workflowId}/activate`, cookie, 'POST', { versionId: data.versionId });
	if (!activated?.activeVersionId) throw new Error(`workflow ${workflowId} is not active after activation: ${JSON.stringify(activated).slice(0, 300)}`);
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 500): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await condition()) return true;
		if (Date.now() > deadline) return false;
		await sleep(intervalMs);
	}
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Removes run folders of earlier runs whose process is gone (a failed run keeps them for debugging). */
function pruneOldRuns(): void {
	const alive = (pid: number) => {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	for (const dir of [QUEUE_DIR, USERS_DIR]) {
		if (!fs.existsSync(dir)) continue;
		for (const entry of fs.readdirSync(dir)) {
			const pid = Number(/^run-(\d+)$/.exec(entry)?.[1]);
			if (pid && pid !== process.pid && !alive(pid)) {
				if (dir === USERS_DIR) removeUserFolder(path.join(dir, entry));
				else fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
			}
		}
	}
}

/**
 * Copies the packed tarballs (.build/tarballs) into the run's folder and returns the packages pointing at the copies.
 * On a shared machine another build may be packing right now (`gulp pack` empties the folder first): wait for a
 * complete set and retry a copy that is not a readable archive.
 */
async function snapshotTarballs(dir: string): Promise<VendorPackage[]> {
	fs.mkdirSync(dir, { recursive: true });
	for (let attempt = 1; attempt <= 5; attempt++) {
		await waitUntil(() => missingTarballs().length === 0, 120_000, 1000);
		const missing = missingTarballs();
		if (missing.length) throw new Error(`${missing.join(', ')} missing: run \`npm run build && npx gulp pack\``);
		try {
			return vendorPackages().map((pkg) => {
				const copy = path.join(dir, path.basename(pkg.tarball));
				fs.copyFileSync(pkg.tarball, copy);
				if (spawnSync('tar', ['-tzf', copy], { stdio: 'ignore' }).status !== 0) throw new Error(`${copy} is not a complete archive`);
				return { ...pkg, tarball: copy };
			});
		} catch {
			await sleep(2000); // packed while we copied: try again
		}
	}
	throw new Error('could not copy a complete set of tarballs from .build/tarballs');
}

interface Delivery {
	kind: string;
	path: string;
	body: { items: Array<Record<string, unknown>> };
	/** HTTP status of each attempt (0: no answer). */
	answers: number[];
}

function summarize(values: string[]): string {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return Object.entries(counts).map(([value, n]) => `${n}x ${value}`).join(', ');
}

interface Stoppable {
	name: string;
	stop(): Promise<void>;
}

async function main(): Promise<number> {
	const stack: Stoppable[] = [];
	try {
		return await runSuite(stack);
	} finally {
		// Everything this run started, last started first (n8n before PostgreSQL and Redis).
		for (const item of stack.reverse()) await item.stop().catch((error) => console.log(`stopping ${item.name} failed: ${(error as Error).message}`));
	}
}

async function runSuite(stack: Stoppable[]): Promise<number> {
	ensureN8n();
	const deps = ensureQueueDeps();
	pruneOldRuns();
	const runName = `run-${process.pid}`;
	const runDir = path.join(QUEUE_DIR, runName);
	const userFolder = path.join(USERS_DIR, runName);
	fs.mkdirSync(runDir, { recursive: true });
	const packages = await snapshotTarballs(path.join(runDir, 'tarballs'));
	// Delivering a payload again is safe only if TheNextInvoice's create takes the item's own key (see workflows.ts).
	const tniPackage = packages.find((pkg) => pkg.name === 'n8n-nodes-thenextinvoice')!;
	const createSource = spawnSync('tar', ['-xzOf', tniPackage.tarball, 'package/dist/nodes/TheNextInvoice/resources/invoice/single.js'], { encoding: 'utf8' }).stdout;
	if (!createSource.includes(`name: '${TNI_IDEMPOTENCY_PARAMETER}'`)) {
		throw new Error(`TheNextInvoice's Create has no "${TNI_IDEMPOTENCY_PARAMETER}" parameter in ${path.basename(tniPackage.tarball)}: the suite's re-deliveries would create invoices twice`);
	}
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const logPrefix = path.join(LOG_DIR, `queue-${runName}`);

	// ---------------------------------------------------------------------------------------------------------
	// Set-up: PostgreSQL, Redis, sandboxes, user folder, credentials, workflows, main + two workers.
	const services = Promise.all([
		startPostgres(deps.pgBin, path.join(runDir, 'pg'), `${logPrefix}-postgres.log`),
		startRedis(deps.redisServer, path.join(runDir, 'redis'), `${logPrefix}-redis.log`),
	]);
	createUserFolder(userFolder, packages); // synchronous (npm install per package) while PostgreSQL and Redis boot
	const [pg, redis] = await services;
	stack.push({ name: 'PostgreSQL', stop: () => pg.stop() }, { name: 'Redis', stop: () => redis.stop() });
	step(`PostgreSQL on 127.0.0.1:${pg.port}, Redis on 127.0.0.1:${redis.port} (${path.relative(process.cwd(), runDir)})`);

	const sandboxes = await startSandboxes('random');
	stack.push({ name: 'sandboxes', stop: () => closeSandboxes(sandboxes) });
	const sandbox = <T>(vendor: string) => sandboxes.find((s) => s.vendor === vendor)!.handle as T;
	const tni = sandbox<TheNextInvoiceSandbox>('theNextInvoice');
	const invoicingApi = sandbox<InvoicingApiSandbox>('invoicingApi');
	const fiskaly = sandbox<FiskalySandbox>('fiskaly');
	const loadSandboxes: RunningSandbox[] = [tni, invoicingApi, fiskaly];
	shortenTokens(tni.tokens, () => true);
	shortenTokens(invoicingApi.tokens, () => true);
	shortenTokens(fiskaly.tokens, (subject) => subject.kind === 'access'); // fiskaly renews with its 10-minute refresh token
	const placeholders = allPlaceholders(sandboxes);
	step(`packages installed into ${path.relative(process.cwd(), userFolder)}; sandboxes up; tokens live ${TOKEN_LIFETIME_SECONDS} s`);

	// Every n8n process of this run (CLI imports too) gets these, through n8nEnv() which copies process.env.
	Object.assign(process.env, {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// n8n 2.41.1 defaults to `database` in queue mode (n8n-core BinaryDataConfig); set explicitly, see README.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		...QUEUE_TUNING,
	});
	const credentials = [...sandboxes.map((s) => s.credential), fillPlaceholders(TNI_LOGIN_CREDENTIAL, placeholders)];
	// The first n8n command migrates the fresh database; then the workflows are imported while main and the workers
	// boot (no workflow is active yet, so main has nothing to load from them at start).
	await importCredentials(userFolder, credentials);
	step(`database migrated; ${credentials.length} credentials imported`);
	const [, mainProcess, worker1, worker2] = await Promise.all([
		importWorkflows(userFolder, ALL_WORKFLOWS.map((w) => fillPlaceholders(w, placeholders, w.id))),
		startN8nProcess(userFolder, ['start'], { label: 'main', ready: 'http' }),
		startN8nProcess(userFolder, ['worker', `--concurrency=${WORKER_CONCURRENCY}`], { label: 'worker1', ready: /n8n worker is now ready/ }),
		startN8nProcess(userFolder, ['worker', `--concurrency=${WORKER_CONCURRENCY}`], { label: 'worker2', ready: /n8n worker is now ready/ }),
	]);
	const n8nProcesses: Array<[string, RunningN8nProcess]> = [['main', mainProcess], ['worker 1', worker1], ['worker 2', worker2]];
	for (const [name, proc] of n8nProcesses) stack.push({ name, stop: () => proc.stop() });
	const pids = new Map(n8nProcesses.map(([name, proc]) => [name, proc.pid]));
	step(`${ALL_WORKFLOWS.length} workflows imported; n8n main (pid ${mainProcess.pid}, ${mainProcess.url}) and two workers (pids ${worker1.pid}, ${worker2.pid}) ready`);

	// Which process sent each request (see attribution.ts): logins per process, and where the trigger polls from.
	const isLogin = (r: RecordedRequest) =>
		r.method === 'POST' && (r.path === '/api/v1/session/jwt' || r.path === '/oauth/token' || r.path === '/api/v0/auth');
	const isTriggerPoll = (r: RecordedRequest) => r.method === 'GET' && r.path === '/api/v1/invoice/search' && r.query.type === 'draft';
	const attribution = new Map<RunningSandbox, ProcessAttribution>(
		loadSandboxes.map((s) => [s, attributeRequests(s, pids, () => true)]),
	);

	const owner = { email: 'queue@example.com', firstName: 'Queue', lastName: 'Runner', password: `Queue-${randomBytes(8).toString('hex')}1` };
	await setupOwner(mainProcess.url, owner);
	const cookie = await login(mainProcess.url, owner.email, owner.password);
	for (const id of [WORKFLOW_IDS.tni, WORKFLOW_IDS.invoicing, WORKFLOW_IDS.fiskaly, WORKFLOW_IDS.sepa]) await activate(mainProcess.url, cookie, id);
	// A webhook answers a moment after its workflow is published; a GET names the path's POST method once it is registered.
	for (const hookPath of Object.values(WEBHOOK_PATHS)) {
		const registered = await waitUntil(async () => /Did you mean to make a POST request/.test(await fetch(`${mainProcess.url}/webhook/${hookPath}`).then((res) => res.text(), () => '')), 30_000, 250);
		if (!registered) throw new Error(`the webhook ${hookPath} was not registered within 30 s; see ${mainProcess.logFile}`);
	}
	step('webhook workflows published on main, webhooks registered');

	// ---------------------------------------------------------------------------------------------------------
	// The load, under faults, with the trigger activated while it runs and worker 2 killed in the middle of it.
	for (const s of loadSandboxes) {
		s.clearRequests();
		s.faults.resetCounts();
	}
	switchFaults(loadSandboxes, true);
	const loadStarted = Date.now();
	const run = randomBytes(3).toString('hex');
	const refs = { tni: [] as string[], invoicing: [] as string[], fiskaly: [] as string[], sepa: [] as string[] };
	const deliveries: Delivery[] = [];
	const kinds = Object.keys(LOAD) as Array<keyof typeof LOAD>;
	// Interleaved (TNI, Invoicing API, fiskaly, TNI, ...) so that every vendor has executions in flight at the kill;
	// the SEPA deliveries last (their binary check wants a SEPA XML; the kill has its own check).
	const interleaved = Array.from({ length: Math.max(...Object.values(LOAD)) }, (_, e) => kinds.filter((k) => k !== 'sepa' && e < LOAD[k]).map((k) => [k, e] as const));
	const order = [...interleaved.flat(), ...Array.from({ length: LOAD.sepa }, (_, e) => ['sepa', e] as const)];
	for (const [kind, e] of order) {
		const items = Array.from({ length: ITEMS_PER_EXECUTION }, (_, i) => {
			const ref = `q-${run}-${kind}-${String(e).padStart(2, '0')}-${i}`;
			refs[kind].push(ref);
			return { ref, amount: 100 + e * 10 + i, name: `Queue Filiale ${ref}`, keyName: ref };
		});
		deliveries.push({ kind, path: WEBHOOK_PATHS[kind], body: { items }, answers: [] });
	}
	// The webhooks answer when the last node has finished: 200, or 500 when the execution failed. The caller
	// (this suite, like any system posting to n8n) delivers a failed payload again.
	const deliver = async (delivery: Delivery) => {
		const status = await fetch(`${mainProcess.url}/webhook/${delivery.path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(delivery.body),
			signal: AbortSignal.timeout(240_000),
		}).then(
			async (res) => (await res.arrayBuffer(), res.status),
			() => 0,
		);
		delivery.answers.push(status);
		return status;
	};
	const firstRound = Promise.all(deliveries.map(deliver));
	step(`${deliveries.length} deliveries (${deliveries.length * ITEMS_PER_EXECUTION} items) posted at once to main's webhooks; faults on`);

	// The trigger, activated on main while the workers run the load. Its activation polls once (sets its cursor).
	const finalizedIds = () => new Set([...tni.state.invoices.values()].filter((inv) => inv.status === 1 && !inv.deleted && inv.kind === 'invoice').map((inv) => inv.id));
	const beforeActivation = finalizedIds();
	let activationError: string | undefined;
	for (let attempt = 1; attempt <= 3; attempt++) {
		try {
			await activate(mainProcess.url, cookie, WORKFLOW_IDS.trigger);
			activationError = undefined;
			break;
		} catch (error) {
			activationError = (error as Error).message; // its first poll can meet a fault the retries could not absorb
		}
	}
	// n8n can answer the activation before the trigger's first poll has read the invoice list (a faulted request is
	// retried meanwhile, seen once: the list was read 3 s later): the baseline is what that read found.
	const isTriggerListRead = (r: RecordedRequest) =>
		r.method === 'GET' && r.path === '/api/v1/invoice/search' && r.query.type === 'invoice' && r.query.reverse === 'true' && !r.query.status && r.status === 200 && !r.fault;
	await waitUntil(() => tni.requests.some(isTriggerListRead), 60_000, 2);
	const afterActivation = finalizedIds();
	check(activationError === undefined, `the New Invoice trigger was activated on main during the load${activationError ? `: ${activationError}` : ''}`);
	step('New Invoice trigger activated on main');

	// Kill worker 2 while it runs executions: SIGKILL, as when its machine dies.
	const killedAfterStart = await waitUntil(() => {
		const log = workerLog(worker2.logFile);
		return log.finished.size >= 3 && [...log.started].filter((id) => !log.finished.has(id)).length >= 2;
	}, 60_000, 50);
	const atKill = workerLog(worker2.logFile);
	const runningAtKill = [...atKill.started].filter((id) => !atKill.finished.has(id));
	worker2.kill('SIGKILL');
	const killedAt = Date.now();
	await worker2.exited;
	check(killedAfterStart, 'worker 2 had finished executions and was running others when it was killed');
	step(`worker 2 SIGKILLed while running executions ${runningAtKill.join(', ')} (${atKill.finished.size} finished before)`);

	// Vendor-side invoices while the trigger watches (someone working in TheNextInvoice itself).
	const vendorInvoices: number[] = [];
	const vendorTimer = setInterval(() => vendorInvoices.push(Number(tni.control.createInvoice().id)), 20_000);

	// Every delivery is answered: n8n notices the dead worker's jobs (their Redis lock expires, the surviving
	// worker's stalled-job check fails them) and answers their webhooks with an error.
	await firstRound;
	const firstAnswered = Date.now();
	const loadWorkflowIds: string[] = [WORKFLOW_IDS.tni, WORKFLOW_IDS.invoicing, WORKFLOW_IDS.fiskaly, WORKFLOW_IDS.sepa];
	const inList = loadWorkflowIds.map((id) => `'${id}'`).join(',');
	const FINAL = ['success', 'error', 'crashed', 'canceled'];
	await waitUntil(() => executions(pg, `"workflowId" IN (${inList})`).every((row) => FINAL.includes(row.status)), 60_000, 1000);
	const firstRows = executions(pg, `"workflowId" IN (${inList})`);
	const firstData = executionData(pg, firstRows.map((row) => row.id));
	const stalledError = (id: string) => /failed to be processed too many times/.test(String(firstData.get(id)?.resultData?.error?.message ?? ''));
	const killedRows = firstRows.filter((row) => stalledError(row.id) || row.status === 'crashed');
	const killedKept = killedRows.filter((row) => Object.keys(firstData.get(row.id)?.resultData?.runData ?? {}).length > 0);
	check(firstRows.length === deliveries.length, `every delivery made one execution (${firstRows.length} for ${deliveries.length})`);
	check(
		killedRows.length >= runningAtKill.length && runningAtKill.every((id) => killedRows.some((row) => row.id === id)),
		`n8n failed every execution the killed worker held (${killedRows.map((r) => `${r.id} ${r.status}`).join(', ')}), ${seconds(firstAnswered - killedAt)} after the kill`,
	);
	step(`first round answered: ${summarize(deliveries.map((d) => String(d.answers[0])))}; executions ${summarizeStatuses(firstRows)}; the dead worker's: ${killedRows.map((r) => r.id).join(', ')} (run data kept: ${killedKept.length})`);

	// What n8n's own Retry does with them (the UI's "Retry with original workflow").
	const retryAnswers = await Promise.all(
		killedRows.map((row) => rest(`${mainProcess.url}/rest/executions/${row.id}/retry`, cookie, 'POST', { loadWorkflow: false }).then(() => 'started', (error: Error) => error.message.slice(0, 120))),
	);
	await waitUntil(() => executions(pg, `"workflowId" IN (${inList})`).every((row) => FINAL.includes(row.status)), 30_000, 1000);
	const n8nRetries = executions(pg, `"retryOf" IS NOT NULL`);
	const retriesRan = n8nRetries.filter((row) => Object.keys(executionData(pg, [row.id]).get(row.id)?.resultData?.runData ?? {}).length > 0);
	step(`n8n Retry of the dead worker's executions: ${summarize(retryAnswers)}; retry executions ${summarizeStatuses(n8nRetries)}, ${retriesRan.length} ran a node`);

	// Re-delivery of every payload that was not answered 200 (the safe way: see README "Running at scale").
	const redeliveryRounds: Array<{ delivered: number; ok: number }> = [];
	// Re-deliveries meet faults too (about one in five fails again), so up to 8 rounds of a few seconds each.
	for (let round = 2; round <= 9; round++) {
		const failed = deliveries.filter((d) => d.answers.at(-1) !== 200);
		if (failed.length === 0) break;
		const answers = await Promise.all(failed.map(deliver));
		redeliveryRounds.push({ delivered: failed.length, ok: answers.filter((a) => a === 200).length });
		step(`re-delivery round ${round - 1}: ${failed.length} payloads, ${answers.filter((a) => a === 200).length} answered 200`);
	}
	check(deliveries.every((d) => d.answers.at(-1) === 200), `every payload was finally answered 200 (after ${redeliveryRounds.length} re-delivery round(s))`);
	// The trigger: every invoice finalized after its activation must come out, once. When they all have, one more
	// invoice is made vendor-side and must come out of a later poll: polls after the last emission repeat nothing.
	const finalizedIds2 = finalizedIds;
	const triggerRowsNow = () => executions(pg, `"workflowId" = '${WORKFLOW_IDS.trigger}'`);
	const emittedNow = () => {
		const rows = triggerRowsNow().filter((row) => FINAL.includes(row.status));
		const runData = executionData(pg, rows.map((row) => row.id));
		return new Set(rows.flatMap((row) => nodeItems(runData.get(row.id), 'New Invoice').map((item: any) => Number(item.json?.id))));
	};
	const allEmitted = () => {
		const emittedIds = emittedNow();
		return [...finalizedIds2()].every((id) => afterActivation.has(id) || emittedIds.has(id));
	};
	const caughtUp = await waitUntil(allEmitted, 150_000, 2000);
	clearInterval(vendorTimer);
	const lastInvoice = Number(tni.control.createInvoice().id);
	const sawPoll = caughtUp && (await waitUntil(() => emittedNow().has(lastInvoice), 90_000, 2000));
	await waitUntil(() => triggerRowsNow().every((row) => FINAL.includes(row.status)), 30_000, 1000);
	switchFaults(loadSandboxes, false);
	check(sawPoll, `the trigger emitted every invoice finalized since its activation, then one more made after that (${vendorInvoices.length + 1} made vendor-side)`);
	const wallMs = Date.now() - loadStarted;
	step(`trigger polls: ${tni.requests.filter((r) => isTriggerPoll(r) && r.status === 200 && !r.fault).length}; faults off`);

	// ---------------------------------------------------------------------------------------------------------
	// Checks.
	const allRows = executions(pg);
	const loadRows = allRows.filter((row) => loadWorkflowIds.includes(row.workflowId as never));
	const data = executionData(pg, allRows.map((row) => row.id));
	const logs = { 'worker 1': workerLog(worker1.logFile), 'worker 2': workerLog(worker2.logFile) };
	const workerOf = (id: string) => (Object.entries(logs).find(([, log]) => log.started.has(id))?.[0] ?? 'none');
	const perWorker: Record<string, number> = {};
	for (const row of allRows) perWorker[workerOf(row.id)] = (perWorker[workerOf(row.id)] ?? 0) + 1;
	const firstRoundIds = new Set(firstRows.map((row) => row.id));
	const loadPerWorker = (name: string) => loadRows.filter((row) => firstRoundIds.has(row.id) && workerOf(row.id) === name).length;
	check(loadPerWorker('worker 1') > 0 && loadPerWorker('worker 2') > 0, `both workers ran load executions (worker 1: ${loadPerWorker('worker 1')}, worker 2: ${loadPerWorker('worker 2')})`);
	// The dead worker may have taken jobs it never started: n8n failed those (killedRows) without a "started" line.
	// An execution that ran no node did not run anywhere (e.g. a Retry n8n refused at once); main running a load
	// execution would have run its nodes.
	const unstarted = allRows.filter((row) => workerOf(row.id) === 'none');
	const ranNodes = (id: string) => Object.keys(data.get(id)?.resultData?.runData ?? {}).length > 0;
	const unstartedKilled = unstarted.filter((row) => killedRows.some((k) => k.id === row.id));
	const unstartedIdle = unstarted.filter((row) => !unstartedKilled.includes(row) && !ranNodes(row.id));
	check(
		unstarted.length === unstartedKilled.length + unstartedIdle.length,
		`every execution ran on a worker, none on main (${unstarted.length} never started: ${unstartedKilled.length} taken by the killed worker, ${unstartedIdle.length} that ran no node)`,
	);

	// 1. Business items: each exists exactly once, complete (no duplicate, none lost).
	const tniInvoices = [...tni.state.invoices.values()].filter((inv) => !inv.deleted && String(inv.lines[0]?.description ?? '').startsWith(`q-${run}-`));
	const invoicesOf = (ref: string) => tniInvoices.filter((inv) => inv.lines[0].description === ref);
	const orgs = [...fiskaly.state.organizations.values()].filter((org) => String(org.metadata?.n8n_creation_key ?? '').startsWith(`q-${run}-`));
	const keys = [...fiskaly.state.apiKeys.values()].filter((key) => String(key.name).startsWith(`q-${run}-`));
	let duplicates = 0;
	let lost = 0;
	const problems: string[] = [];
	for (const ref of [...refs.tni, ...refs.sepa]) {
		const found = invoicesOf(ref);
		if (found.length > 1) (duplicates += found.length - 1), problems.push(`${ref}: ${found.length} invoices`);
		if (!found.some((inv) => inv.status === 1)) lost++, problems.push(`${ref}: no finalized invoice`);
	}
	for (const ref of refs.sepa) if (!invoicesOf(ref).some((inv) => inv.sepaBatchId !== null)) lost++, problems.push(`${ref}: in no SEPA batch`);
	for (const ref of refs.invoicing) {
		const invoice = invoicingApi.invoices.get(ref);
		if (!invoice?.sentAt) lost++, problems.push(`${ref}: ${invoice ? 'not sent' : 'not created'}`);
		if ((invoice?.sendCount ?? 0) > 1) (duplicates += invoice!.sendCount - 1), problems.push(`${ref}: sent ${invoice!.sendCount} times`);
	}
	for (const ref of refs.fiskaly) {
		const mine = orgs.filter((org) => org.metadata.n8n_creation_key === ref);
		if (mine.length > 1) (duplicates += mine.length - 1), problems.push(`${ref}: ${mine.length} organizations`);
		const mineKeys = keys.filter((key) => key.name === ref);
		if (mineKeys.length > 1) (duplicates += mineKeys.length - 1), problems.push(`${ref}: ${mineKeys.length} API keys`);
		if (mine.length === 0) lost++, problems.push(`${ref}: no organization`);
		if (mineKeys.length === 0) lost++, problems.push(`${ref}: no API key`);
	}
	const items = Object.values(refs).reduce((sum, list) => sum + list.length, 0);
	check(duplicates === 0, `no duplicate invoice, send, organization or API key after the re-runs (${duplicates})${problems.length ? `: ${problems.slice(0, 6).join('; ')}` : ''}`);
	check(lost === 0, `no item lost: every one of the ${items} items is complete in its sandbox (${lost} lost)`);
	// The mechanism behind it: every create request of one item, first delivery, retries and re-deliveries, carried
	// the same creationToken.
	const tokensOf = new Map<string, Set<string>>();
	for (const r of tni.requests.filter((req) => req.method === 'POST' && req.path === '/api/v1/invoice')) {
		const body = r.body as { creationToken?: string; lines?: Array<{ description?: string }> } | undefined;
		const ref = String(body?.lines?.[0]?.description ?? '');
		if (!ref.startsWith(`q-${run}-`)) continue;
		tokensOf.set(ref, (tokensOf.get(ref) ?? new Set()).add(String(body?.creationToken)));
	}
	const creates = tni.requests.filter((req) => req.method === 'POST' && req.path === '/api/v1/invoice').length;
	const unstable = [...tokensOf].filter(([, tokens]) => tokens.size !== 1).map(([ref]) => ref);
	check(tokensOf.size === refs.tni.length + refs.sepa.length && unstable.length === 0, `all ${creates} TheNextInvoice create requests of an item carried one creationToken (${unstable.length} items with several)`);

	// 2. Binary data through the queue.
	const binaryResults = await checkBinaries(mainProcess.url, cookie, loadRows, data, tni);
	check(binaryResults.pdfs > 0 && binaryResults.pdfsMismatched.length === 0, `${binaryResults.pdfs} PDFs: the hash the worker's next node computed and the bytes n8n stored equal the sandbox's answer${binaryResults.pdfsMismatched.length ? ` (mismatch: ${binaryResults.pdfsMismatched.slice(0, 3).join('; ')})` : ''}`);
	check(binaryResults.xmls > 0 && binaryResults.xmlsMismatched.length === 0, `${binaryResults.xmls} SEPA XML files: likewise byte for byte${binaryResults.xmlsMismatched.length ? ` (mismatch: ${binaryResults.xmlsMismatched.slice(0, 3).join('; ')})` : ''}`);
	check(binaryResults.modes.size === 1 && binaryResults.modes.has('database'), `binary data of worker executions is stored in n8n's database (ids ${[...binaryResults.modes].join(', ')}:...)`);

	// 3. The trigger on main: every invoice finalized after its activation emitted exactly once.
	const triggerRows = allRows.filter((row) => row.workflowId === WORKFLOW_IDS.trigger);
	const emitted = triggerRows.flatMap((row) => nodeItems(data.get(row.id), 'New Invoice').map((item: any) => Number(item.json?.id)));
	const emittedCount = new Map<number, number>();
	for (const id of emitted) emittedCount.set(id, (emittedCount.get(id) ?? 0) + 1);
	const finalAll = finalizedIds();
	const mustEmit = [...finalAll].filter((id) => !afterActivation.has(id));
	const mustNot = [...beforeActivation];
	const twice = [...emittedCount].filter(([, n]) => n > 1).map(([id]) => id);
	const missed = mustEmit.filter((id) => !emittedCount.has(id));
	const wrong = mustNot.filter((id) => emittedCount.has(id));
	// One poll = one successful read of the draft list (a faulted read is retried within the same poll).
	const triggerPolls = tni.requests.filter((r) => isTriggerPoll(r) && r.status === 200 && !r.fault);
	const pollLabels = attribution.get(tni)!.counts(isTriggerPoll);
	if (missed.length || twice.length) {
		const rel = (at: number) => seconds(at - loadStarted);
		console.log(`  trigger polls (draft reads) at: ${triggerPolls.map((r) => rel(r.at)).join(', ')}; executions: ${triggerRows.map((r) => `${r.id} ${r.startedAt}`).join(', ')}`);
		for (const id of [...missed, ...twice].slice(0, 8)) {
			const finalizes = tni.requests.filter((r) => r.path === `/api/v1/invoice/${id}/send`).map((r) => `${rel(r.at)} ${r.status}${r.fault ? ` ${r.fault}` : ''}`);
			console.log(`  invoice ${id}: ${missed.includes(id) ? 'missed' : `emitted ${emittedCount.get(id)} times`}; finalize requests: ${finalizes.join(', ') || 'none (made finalized)'}`);
		}
	}
	check(twice.length === 0 && missed.length === 0 && wrong.length === 0, `trigger: ${mustEmit.length} invoices finalized after its activation, each emitted exactly once over ${triggerPolls.length} polls in ${triggerRows.length} executions (twice: ${twice.length}, missed: ${missed.length}, emitted though older: ${wrong.length})`);
	// 'gone': polls whose connection the client had closed before the sandbox recorded them; no process to tell.
	const pollProcesses = Object.keys(pollLabels).filter((label) => label !== 'gone');
	check(pollProcesses.length === 1 && pollLabels.main > 0, `the trigger polled from main's process only (${JSON.stringify(pollLabels)})`);
	check(triggerPolls.length >= 3, `the trigger polled at least three times (activation + every minute): ${triggerPolls.length}`);

	// 4. Logins per process: each process has its own token cache, so at most one login per token lifetime each.
	const loginRows: Array<[string, Record<string, number>, number]> = [];
	for (const s of loadSandboxes) {
		const counts = attribution.get(s)!.counts((r) => isLogin(r) && r.status === 200 && !r.fault);
		const name = s === tni ? 'TheNextInvoice' : s === invoicingApi ? 'Invoicing API' : 'fiskaly';
		loginRows.push([name, counts, Object.values(counts).reduce((a, b) => a + b, 0)]);
		for (const [label, pid] of pids) {
			const mine = s.requests.filter((r) => isLogin(r) && attribution.get(s)!.labelOf(r) === label);
			if (mine.length === 0) continue;
			const sent = s.requests.filter((r) => r.remotePort !== undefined && attribution.get(s)!.labelOf(r) === label);
			const active = Math.max(...sent.map((r) => r.at)) - Math.min(...sent.map((r) => r.at));
			// A token is renewed ahead of expiry by 2 s plus the flight time of its requests (slow faults make that long),
			// never more than half its lifetime: at most one renewal per half lifetime, +1 first login, +1 after a rejected token.
			const bound = Math.floor(active / (TOKEN_LIFETIME_SECONDS * 500)) + 2;
			const granted = counts[label] ?? 0;
			check(granted <= bound, `${name} from ${label} (pid ${pid}): ${granted} tokens granted over ${seconds(active)} <= ${bound} (one per half ${TOKEN_LIFETIME_SECONDS} s lifetime + 2)`);
		}
	}
	// A request that reached a sandbox as worker 2 died has no process left to own its socket; every other one must.
	const untraced = loadSandboxes.flatMap((s) => s.requests.filter((r) => attribution.get(s)!.labelOf(r) === 'unknown'));
	const untracedElsewhen = untraced.filter((r) => Math.abs(r.at - killedAt) > 1000);
	const gone = loadSandboxes.reduce((sum, s) => sum + s.requests.filter((r) => attribution.get(s)!.labelOf(r) === 'gone').length, 0);
	check(
		untracedElsewhen.length === 0,
		`every request still connected was traced to its n8n process, except ${untraced.length} that arrived as worker 2 died (${untracedElsewhen.length} other; ${gone} closed by their client before they were recorded)`,
	);

	// 5. No secret in any n8n log (tokens the sandboxes issued, the credentials' secrets).
	for (const credential of credentials) for (const [field, value] of Object.entries(credential.data)) if (/(secret|password|token)$/i.test(field)) registerSecret(String(value));
	const logFiles = [mainProcess.logFile, worker1.logFile, worker2.logFile];
	const leaks = logFiles.flatMap((file) => findSecrets(fs.readFileSync(file, 'utf8')).map((hit) => `${path.basename(file)}: ${hit}`));
	check(leaks.length === 0, `no secret in the logs of main and the workers (${leaks.length} found)`);

	// ---------------------------------------------------------------------------------------------------------
	// The table.
	const faultsInjected = loadSandboxes.reduce((sum, s) => sum + s.faults.injectedCount, 0);
	const requestsSent = loadSandboxes.reduce((sum, s) => sum + s.requests.length, 0);
	const unauthorized = tni.stats.unauthorized + invoicingApi.stats.unauthorized + fiskaly.stats.unauthorized;
	const retries = loadSandboxes.reduce((sum, s) => sum + countResends(s.requests), 0);
	const redelivered = redeliveryRounds.reduce((sum, r) => sum + r.delivered, 0);
	const rows: Array<[string, string]> = [
		['executions (load, first round)', `${firstRows.length}: ${summarizeStatuses(firstRows)}`],
		['executions per worker (all)', `worker 1: ${perWorker['worker 1'] ?? 0}, worker 2: ${perWorker['worker 2'] ?? 0} (${atKill.finished.size} finished before its kill) + ${unstarted.length} taken by worker 2 but not started`],
		['trigger executions (polls on main)', `${triggerRows.length} (${triggerPolls.length} polls, ${emitted.length} invoices emitted)`],
		['items', `${items} (${LOAD.tni * ITEMS_PER_EXECUTION} TNI, ${LOAD.sepa * ITEMS_PER_EXECUTION} TNI SEPA, ${LOAD.invoicing * ITEMS_PER_EXECUTION} Invoicing API, ${LOAD.fiskaly * ITEMS_PER_EXECUTION} fiskaly)`],
		['worker 2 SIGKILLed', `${killedRows.length} executions failed by n8n ("failed to be processed too many times"), answered ${seconds(firstAnswered - killedAt)} after the kill; run data kept: ${killedKept.length}`],
		["n8n's Retry of those", `${summarize(retryAnswers)}; ${retriesRan.length} of ${n8nRetries.length} ran a node`],
		['re-deliveries (failed payloads posted again)', `${redelivered} in ${redeliveryRounds.length} round(s): ${redeliveryRounds.map((r) => `${r.ok}/${r.delivered}`).join(', ')} answered 200`],
		...loginRows.map(([name, counts, total]): [string, string] => [`logins ${name}`, `${total} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`]),
		['requests / faults injected', `${requestsSent} / ${faultsInjected} (${Math.round((faultsInjected / requestsSent) * 100)} %), seed ${FAULT_SEED} (FAULT_SEED= replays its schedule)`],
		['401 answers', String(unauthorized)],
		['retries (request re-sent after a fault or 401)', String(retries)],
		['duplicates', String(duplicates)],
		['lost', String(lost)],
		['wall time', `${seconds(wallMs)} from the first delivery to the last trigger poll; ${seconds(Date.now() - started)} for the whole suite`],
	];
	const width = Math.max(...rows.map(([k]) => k.length));
	console.log('');
	console.log(`| ${'measure'.padEnd(width)} | value |`);
	console.log(`| ${'-'.repeat(width)} | --- |`);
	for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
	console.log('');
	for (const c of checks) console.log(`  ${c.ok ? '✓' : '✗'}  ${c.message}`);
	const failed = checks.filter((c) => !c.ok).length;
	console.log('');
	console.log(`total ${seconds(Date.now() - started)}`);
	console.log(`${checks.length - failed} passed, ${failed} failed`);
	if (failed) {
		console.log(`kept for debugging: ${path.relative(process.cwd(), userFolder)}, ${path.relative(process.cwd(), runDir)} and ${path.relative(process.cwd(), logPrefix)}-*.log / ${path.basename(userFolder)}-*.log in ${path.relative(process.cwd(), LOG_DIR)}`);
	} else {
		stack.push({
			name: 'run folders',
			stop: async () => {
				removeUserFolder(userFolder);
				fs.rmSync(runDir, { recursive: true, force: true });
				for (const log of fs.readdirSync(LOG_DIR)) if (log.startsWith(`queue-${runName}-`) || log.startsWith(`${runName}-`)) fs.rmSync(path.join(LOG_DIR, log), { force: true });
			},
		});
		// Last of all (the stack is stopped in reverse): PostgreSQL writes into runDir until it has stopped.
		stack.unshift(stack.pop()!);
	}
	return failed === 0 ? 0 : 1;
}

function summarizeStatuses(rows: ExecutionRow[]): string {
	const counts: Record<string, number> = {};
	for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
	return Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ');
}

/** Requests that repeat the previous identical request (method, path, query, body) after it failed or got a 401. */
function countResends(requests: RecordedRequest[]): number {
	const lastOutcome = new Map<string, boolean>();
	let resends = 0;
	for (const r of requests) {
		const signature = `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.rawBody}`;
		const previousFailed = lastOutcome.get(signature);
		if (previousFailed) resends++;
		lastOutcome.set(signature, r.fault !== undefined || r.status === 401 || r.status === 0 || r.status >= 500);
	}
	return resends;
}

async function checkBinaries(baseUrl: string, cookie: string, rows: ExecutionRow[], data: Map<string, any>, tni: TheNextInvoiceSandbox) {
	const answered = (pathName: string) => new Set(tni.requests.filter((r) => r.path === pathName && r.status === 200 && r.bodySha256).map((r) => r.bodySha256));
	const result = { pdfs: 0, xmls: 0, pdfsMismatched: [] as string[], xmlsMismatched: [] as string[], modes: new Set<string>() };
	// Every execution in which the nodes ran, failed ones too (a payload can fail on its other item).
	for (const row of rows) {
		const run = data.get(row.id);
		const files: Array<{ node: string; hash: string; property: string; idNode: string; idField: string; pathOf: (id: number) => string; kind: 'pdf' | 'xml' }> = [
			{ node: 'PDF', hash: 'Hash PDF', property: 'pdf', idNode: 'Create', idField: 'invoiceId', pathOf: (id) => `/api/v1/invoice/${id}/view`, kind: 'pdf' },
			// The batch ids as the SEPA XML node got them: the "New Batch?" branch, without the items batched by an
			// earlier delivery (with those, the SEPA Batch node's item i is not the download's item i).
			{ node: 'SEPA XML', hash: 'Hash XML', property: 'sepa', idNode: 'New Batch?', idField: 'sepaBatchId', pathOf: (id) => `/api/v1/sepa/${id}/view`, kind: 'xml' },
		];
		for (const file of files) {
			// The last run of each node (a retried execution ran the node in its own execution data).
			const runs = run?.resultData?.runData?.[file.node];
			if (!runs?.length) continue;
			const produced = runs[runs.length - 1].data.main[0] as any[];
			const hashes = nodeItems(run, file.hash, (run.resultData.runData[file.hash]?.length ?? 1) - 1);
			const ids = nodeItems(run, file.idNode, (run.resultData.runData[file.idNode]?.length ?? 1) - 1);
			for (const [i, item] of produced.entries()) {
				const binary = item.binary?.[file.property];
				const id = Number(ids[i]?.json?.[file.idField]);
				const label = `execution ${row.id} item ${i} (${file.kind} of ${id})`;
				const mismatched = file.kind === 'pdf' ? result.pdfsMismatched : result.xmlsMismatched;
				if (file.kind === 'pdf') result.pdfs++;
				else result.xmls++;
				if (!binary?.id) {
					mismatched.push(`${label}: no stored binary`);
					continue;
				}
				result.modes.add(String(binary.id).split(':')[0]);
				const fromSandbox = answered(file.pathOf(id));
				const inWorker = hashes[i]?.json?.sha256;
				const res = await fetch(`${baseUrl}/rest/binary-data?id=${encodeURIComponent(binary.id)}&action=download`, { headers: { cookie } });
				const stored = res.ok ? sha256(Buffer.from(await res.arrayBuffer())) : `HTTP ${res.status}`;
				if (!fromSandbox.has(inWorker) || stored !== inWorker) mismatched.push(`${label}: worker ${String(inWorker).slice(0, 12)}, stored ${stored.slice(0, 12)}, sandbox ${[...fromSandbox].map((h) => String(h).slice(0, 12)).join('/')}`);
			}
		}
	}
	return result;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`\nqueue suite failed: ${(error as Error)?.stack ?? String(error)}`);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
