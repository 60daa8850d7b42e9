/**
 * `npm start`: a local n8n 2.41.1 with the four packages installed from their packed tarballs, the vendor sandboxes as its backends, their
 * credentials and the example workflows imported, and an owner account ready to log in with. Ctrl-C stops it all.
 * (package.json runs ensure-deps and the build first.) The start-up is startDemoInstance (scripts/n8n-runtime.ts),
 * shared with `npm run screenshots` and `npm run test:ui`.
 */
import { isShuttingDown, vendorPackages } from './n8n-runtime';
import { listNodeTypes, packageNodeTypes } from './n8n-server';
import { startDemoInstance } from './demo-instance';

const N8N_PORT = 5678;
// A throwaway login for a local instance that is recreated on every start (it is printed on purpose).
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-n8n-2026' };

async function main(): Promise<void> {
	const started = Date.now();
	const demo = await startDemoInstance({
		userFolderName: 'demo-user',
		sandboxPorts: 'demo',
		port: N8N_PORT,
		owner: OWNER,
		log: (message) => console.log(`[demo] ${message}`),
	});
	const { n8n, sandboxes, examples } = demo;
	void n8n.exited.then(async (code) => {
		if (isShuttingDown()) return;
		console.error(`[demo] n8n stopped unexpectedly (${code}); see ${n8n.logFile}`);
		await demo.stop();
		process.exit(1);
	});
	const ours = packageNodeTypes(await listNodeTypes(n8n.url, demo.cookie));

	const line = '='.repeat(72);
	console.log(`
${line}
  n8n is ready (${((Date.now() - started) / 1000).toFixed(1)} s):   ${n8n.url}
  log in with   e-mail:    ${OWNER.email}
                password:  ${OWNER.password}
${line}
  Packages:         ${vendorPackages().map((pkg) => `${pkg.name}@${pkg.json.version}`).join(', ')} (installed from their tarballs)
  Our nodes loaded: ${ours.length ? ours.join(', ') : 'NONE (run npm run build and check the log)'}
  Sandboxes:        ${sandboxes.map((s) => `${s.vendor} ${String(s.credential.data.baseUrl)}`).join('\n                    ')}
  Credentials:      ${sandboxes.map((s) => `"${s.credential.name}"`).join(', ')} (already set up)

  Try: open "Overview", pick an example workflow (${examples.map((e) => `"${e.workflow.name}"`).join(', ')}),
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
