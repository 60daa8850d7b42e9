/**
 * `npm start`: a local n8n 2.41.1 with the four packages installed from their packed tarballs, the vendor sandboxes as its backends, their
 * credentials and the example workflows imported, and an owner account ready to log in with. Ctrl-C stops it all.
 * (package.json runs ensure-deps and the build first.)
 */
import * as path from 'node:path';
import {
	RUNTIME_DIR,
	createUserFolder,
	ensureN8n,
	importCredentials,
	importWorkflows,
	isPortFree,
	isShuttingDown,
	listNodeTypes,
	login,
	exampleWorkflows,
	missingTarballs,
	onShutdown,
	packageNodeTypes,
	setupOwner,
	startN8n,
	vendorPackages,
} from './n8n-runtime';
import { allPlaceholders, closeSandboxes, fillPlaceholders, startSandboxes } from './sandboxes';

const N8N_PORT = 5678;
// A throwaway login for a local instance that is recreated on every start (it is printed on purpose).
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-n8n-2026' };

async function main(): Promise<void> {
	const started = Date.now();
	ensureN8n();
	// startN8n checks the port too, but only after the sandboxes and imports: fail before doing any of that.
	if (!(await isPortFree(N8N_PORT))) {
		throw new Error(`port ${N8N_PORT} on 127.0.0.1 is already in use (another n8n or demo?). Stop it and run npm start again.`);
	}
	const missing = missingTarballs();
	if (missing.length) throw new Error(`not packed yet: ${missing.join(', ')} (npm start runs npm run build and gulp pack first)`);

	const sandboxes = await startSandboxes('demo');
	onShutdown(() => closeSandboxes(sandboxes));
	const userFolder = createUserFolder(path.join(RUNTIME_DIR, 'demo-user'));
	const placeholders = allPlaceholders(sandboxes);
	const workflows = exampleWorkflows().map(({ file, workflow }) => fillPlaceholders(workflow, placeholders, file));

	console.log('[demo] importing sandbox credentials and example workflows...');
	await importCredentials(userFolder, sandboxes.map((sandbox) => sandbox.credential));
	await importWorkflows(userFolder, workflows);
	console.log('[demo] starting n8n (about 10 s)...');
	const n8n = await startN8n(userFolder, N8N_PORT);
	onShutdown(() => n8n.stop());
	void n8n.exited.then(async (code) => {
		if (isShuttingDown()) return;
		console.error(`[demo] n8n stopped unexpectedly (${code}); see ${n8n.logFile}`);
		await closeSandboxes(sandboxes);
		process.exit(1);
	});
	await setupOwner(n8n.url, OWNER);
	const ours = packageNodeTypes(await listNodeTypes(n8n.url, await login(n8n.url, OWNER.email, OWNER.password)));

	const line = '='.repeat(72);
	console.log(`
${line}
  n8n is ready (${((Date.now() - started) / 1000).toFixed(1)} s):   ${n8n.url}
  log in with   e-mail:    ${OWNER.email}
                password:  ${OWNER.password}
${line}
  Packages:         ${vendorPackages().map((pkg) => `${pkg.name}@${pkg.json.version}`).join(', ')} (installed from their tarballs)
  Our nodes loaded: ${ours.length ? ours.join(', ') : 'NONE (run npm run build and check the log)'}
  Sandboxes:        ${sandboxes.map((s) => `${s.vendor} ${s.credential.data.baseUrl}`).join('\n                    ')}
  Credentials:      ${sandboxes.map((s) => `"${s.credential.name}"`).join(', ')} (already set up)

  Try: open "Overview", pick an example workflow (${workflows.map((w) => `"${w.name}"`).join(', ')}),
  click "Execute workflow" and look at each node's output; add a "fiskaly Management" node to your own
  workflow with the "fiskaly Sandbox" credential. Everything runs locally against the sandboxes.

  n8n log: ${n8n.logFile}
  Ctrl-C stops n8n and the sandboxes; the next npm start begins from a fresh instance.
${line}`);
}

main().catch((error) => {
	console.error(`\n[demo] ${(error as Error)?.message ?? String(error)}`);
	process.exit(1);
});
