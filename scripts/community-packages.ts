/**
 * Community packages installed the way users install them: by name, through n8n's own installer (the REST endpoint
 * behind Settings → Community Nodes → Install), from a registry. n8n installs from a registry other than the public
 * one only with the licence feature `feat:communityNodes:customRegistry`; n8n's own end-to-end tests switch it on
 * with `E2E_TESTS=true` and `PATCH /rest/e2e/feature`, and so do we — for the installing n8n process only, and for
 * this one feature. The suites then run in a normal n8n (no E2E_TESTS) on the user folder n8n installed into.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { login, restCall, setupOwner, startN8nProcess, type OwnerAccount, type RunningN8nProcess } from './n8n-server';

export const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

export interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ name: string; type: string }>;
	/** Set by n8n when the registry holds a newer version. */
	updateAvailable?: string;
}

/**
 * The environment that points n8n's installer at the local registry (and turns on n8n's test switch). n8n passes its
 * registry to `npm pack` and `npm install`, but asks `npm outdated` (the update check) without it: npm then reads
 * NPM_CONFIG_REGISTRY, which n8n's own end-to-end tests set to their registry too.
 */
export function installerEnv(registryUrl: string): NodeJS.ProcessEnv {
	return { E2E_TESTS: 'true', N8N_COMMUNITY_PACKAGES_REGISTRY: registryUrl, NPM_CONFIG_REGISTRY: registryUrl, N8N_COMMUNITY_PACKAGES_ENABLED: 'true' };
}

/** A REST call as the editor sends it; answers n8n's `data` (or the whole body when there is none). */
async function rest<T>(url: string, cookie: string, method: string, body?: unknown): Promise<T> {
	const res = await restCall(url, { method, headers: { cookie, 'browser-id': 'n8n-nodes-eu-finance-installer' }, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
	return (parsed.data ?? parsed) as T;
}

/** n8n's test switch for one licence feature (n8n's own e2e tests do the same). */
export async function enableCustomRegistry(url: string): Promise<void> {
	await rest(`${url}/rest/e2e/feature`, '', 'PATCH', { feature: CUSTOM_REGISTRY_FEATURE, enabled: true });
}

export const installPackage = (url: string, cookie: string, name: string, version?: string) =>
	rest<InstalledPackage>(`${url}/rest/community-packages`, cookie, 'POST', { name, ...(version && { version }) });
export const listPackages = (url: string, cookie: string) => rest<InstalledPackage[]>(`${url}/rest/community-packages`, cookie, 'GET');
export const updatePackage = (url: string, cookie: string, name: string, version?: string) =>
	rest<InstalledPackage>(`${url}/rest/community-packages`, cookie, 'PATCH', { name, ...(version && { version }) });
export const uninstallPackage = (url: string, cookie: string, name: string) =>
	rest<unknown>(`${url}/rest/community-packages?name=${encodeURIComponent(name)}`, cookie, 'DELETE');

export interface InstallerSession {
	n8n: RunningN8nProcess;
	cookie: string;
}

export const newOwner = (email = 'owner@example.com'): OwnerAccount => ({ email, firstName: 'Finance', lastName: 'Owner', password: `Own-${randomBytes(8).toString('hex')}A1` });

/** Starts n8n on a fresh user folder with its installer pointed at the registry, the feature on and the owner created and signed in. */
export async function startInstallerSession(userFolder: string, registryUrl: string, owner: OwnerAccount, label = 'installer'): Promise<InstallerSession> {
	// n8n 1.x runs npm with a bare environment (no NPM_CONFIG_REGISTRY): its update check then reads the registry
	// from the nodes folder's .npmrc, where a user of a private registry puts it too.
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, '.npmrc'), `registry=${registryUrl}/\n`);
	const n8n = await startN8nProcess(userFolder, ['start'], { label, env: installerEnv(registryUrl), ready: 'http' });
	try {
		await setupOwner(n8n.url, owner);
		const cookie = await login(n8n.url, owner.email, owner.password);
		await enableCustomRegistry(n8n.url);
		return { n8n, cookie };
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}

/**
 * Installs packages by name through n8n's installer into a fresh user folder (creating its owner), checks n8n lists
 * each with its nodes, and stops n8n. What is left is a user folder as a user's n8n has it after Settings →
 * Community Nodes → Install.
 */
export async function installThroughN8n(userFolder: string, registryUrl: string, names: string[], owner: OwnerAccount): Promise<InstalledPackage[]> {
	const session = await startInstallerSession(userFolder, registryUrl, owner);
	try {
		for (const name of names) await installPackage(session.n8n.url, session.cookie, name);
		const listed = await listPackages(session.n8n.url, session.cookie);
		const missing = names.filter((name) => !listed.some((p) => p.packageName === name && p.installedNodes.length > 0));
		if (missing.length) throw new Error(`n8n's installer did not list ${missing.join(', ')} with nodes; see ${session.n8n.logFile}`);
		return listed.filter((p) => names.includes(p.packageName));
	} finally {
		await session.n8n.stop();
	}
}
