/** The demo instance: one start-up path for `npm start`, `npm run screenshots` and `npm run test:ui`. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	RUNTIME_DIR,
	TARBALLS_DIR,
	createUserFolder,
	ensureN8n,
	freePort,
	importCredentials,
	isPortFree,
	missingTarballs,
	onShutdown,
	removeUserFolder,
	vendorPackages,
	type VendorPackage,
} from './n8n-runtime';
import { exampleWorkflows, importWorkflows, type WorkflowJson } from './workflow-files';
import { PortInUseError, login, setupOwner, startN8n, type OwnerAccount, type RunningN8n } from './n8n-server';


export interface DemoInstanceOptions {
	/** The user folder, under .runtime/ (recreated): 'demo-user', 'ui-user', 'screenshots-user'. */
	userFolderName: string;
	/** The sandboxes on their fixed demo ports (npm start) or on random ones. */
	sandboxPorts: 'demo' | 'random';
	/** n8n's port; a free one when not given. */
	port?: number;
	owner: OwnerAccount;
	/** Progress lines (the demo prints them). */
	log?: (message: string) => void;
}

export interface DemoInstance {
	n8n: RunningN8n;
	url: string;
	userFolder: string;
	owner: OwnerAccount;
	/** The owner's session (`Cookie` header value) for n8n's REST API. */
	cookie: string;
	sandboxes: import('./sandboxes').StartedSandbox[];
	placeholders: Record<string, string>;
	/** Every package's example workflows with the sandboxes' placeholders filled in, as imported. */
	examples: Array<{ packageName: string; file: string; workflow: WorkflowJson }>;
	/** Milliseconds per start-up step (sandboxes, packages, imports, n8n start, owner). */
	timings: Record<string, number>;
	/** Stops n8n and the sandboxes and deletes the user folder (also registered to run on Ctrl-C). */
	stop(): Promise<void>;
}

/**
 * Copies the packed tarballs to `dir` and returns the packages pointing at the copies, so a build started meanwhile
 * (it deletes .build/tarballs) cannot pull them away during the install. When a tarball is missing or incomplete
 * (a build in progress) it waits up to 10 minutes for them, and for a shared build lock when builds take one (a
 * file named by EU_FINANCE_BUILD_LOCK, default /tmp/eu-finance-build.lock, when it exists).
 */
export function snapshotTarballs(dir: string, packages: VendorPackage[] = vendorPackages()): VendorPackage[] {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const lock = process.env.EU_FINANCE_BUILD_LOCK ?? '/tmp/eu-finance-build.lock';
	const copies = packages.map((pkg) => ({ ...pkg, tarball: path.join(dir, path.basename(pkg.tarball)) }));
	const sources = packages.map((pkg) => pkg.tarball);
	// Complete tarballs are taken as they are; only when one is missing or cut short (a pack in progress) does the
	// copy wait for the build lock.
	const intact = () => copies.every((pkg) => spawnSync('tar', ['-tzf', pkg.tarball], { stdio: 'ignore' }).status === 0);
	let copy = spawnSync('cp', [...sources, dir], { encoding: 'utf8' });
	// A build in progress (with or without the lock; it touches .build/) writes them again within minutes.
	const building = () => fs.existsSync(lock) || Date.now() - (fs.statSync(path.dirname(TARBALLS_DIR), { throwIfNoEntry: false })?.mtimeMs ?? 0) < 600_000;
	for (const deadline = Date.now() + 600_000; (copy.status !== 0 || !intact()) && building() && Date.now() < deadline; ) {
		if (fs.existsSync(lock)) spawnSync('flock', ['-w', '600', lock, 'true']);
		if (missingTarballs(packages).length) spawnSync('sleep', ['2']);
		copy = spawnSync('cp', [...sources, dir], { encoding: 'utf8' });
	}
	if (copy.status !== 0 || !intact()) {
		const missing = missingTarballs(packages);
		throw new Error(missing.length ? `not packed yet: ${missing.join(', ')} (run \`npm run build && npx gulp pack\`)` : `copying the tarballs failed: ${copy.stderr}`);
	}
	return copies;
}

/**
 * Starts the vendor sandboxes and a fresh n8n 2.41.1 with the four packed tarballs installed the way n8n installs
 * community packages, one sandbox credential per vendor and every package's example workflows imported, and an
 * owner account set up and logged in.
 */
export async function startDemoInstance(options: DemoInstanceOptions): Promise<DemoInstance> {
	const { startSandboxes, closeSandboxes, allPlaceholders, fillPlaceholders } = await import('./sandboxes');
	const log = options.log ?? (() => undefined);
	const timings: Record<string, number> = {};
	const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			timings[name] = Date.now() - started;
		}
	};
	ensureN8n();
	// startN8n checks the port too, but only after the sandboxes and imports: fail before doing any of that.
	if (options.port !== undefined && !(await isPortFree(options.port))) {
		throw new PortInUseError(`port ${options.port} on 127.0.0.1 is already in use (another n8n or demo?). Stop it and try again.`);
	}
	const userFolder = path.join(RUNTIME_DIR, options.userFolderName);
	const tarballs = path.join(RUNTIME_DIR, `${options.userFolderName}-tarballs`);
	await step('packages', () => createUserFolder(userFolder, snapshotTarballs(tarballs)));
	const sandboxes = await step('sandboxes', () => startSandboxes(options.sandboxPorts));
	let n8n: RunningN8n | undefined;
	let stopped: Promise<void> | undefined;
	const stop = () =>
		(stopped ??= (async () => {
			await n8n?.stop();
			await closeSandboxes(sandboxes);
			removeUserFolder(userFolder);
			fs.rmSync(tarballs, { recursive: true, force: true });
		})());
	onShutdown(stop);
	try {
		const placeholders = allPlaceholders(sandboxes);
		const examples = exampleWorkflows().map((example) => ({ ...example, workflow: fillPlaceholders(example.workflow, placeholders, example.file) }));
		log('importing sandbox credentials and example workflows...');
		await step('credentials', () => importCredentials(userFolder, sandboxes.map((sandbox) => sandbox.credential)));
		await step('workflows', () => importWorkflows(userFolder, examples.map((example) => example.workflow)));
		log('starting n8n (about 10 s)...');
		n8n = await step('n8n start', async () => startN8n(userFolder, options.port ?? (await freePort())));
		const running = n8n;
		const cookie = await step('owner', async () => {
			await setupOwner(running.url, options.owner);
			return await login(running.url, options.owner.email, options.owner.password);
		});
		return { n8n, url: n8n.url, userFolder, owner: options.owner, cookie, sandboxes, placeholders, examples, timings, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
