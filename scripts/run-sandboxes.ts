/**
 * `npm run sandbox`: only the vendor sandboxes, on the demo's fixed ports, e.g. to point your own n8n or curl at
 * them. Prints each sandbox's credential values (local test values, not secrets). Ctrl-C stops them.
 */
import { onShutdown } from './n8n-runtime';
import { closeSandboxes, startSandboxes } from './sandboxes';

async function main(): Promise<void> {
	const sandboxes = await startSandboxes('demo');
	onShutdown(() => closeSandboxes(sandboxes));
	for (const sandbox of sandboxes) {
		console.log(`${sandbox.vendor}: credential type ${sandbox.credential.type}`);
		for (const [field, value] of Object.entries(sandbox.credential.data)) console.log(`  ${field}: ${String(value)}`);
	}
	console.log('Sandboxes running; Ctrl-C stops them.');
}

main().catch((error) => {
	console.error(`[sandbox] ${(error as Error)?.message ?? String(error)}`);
	process.exit(1);
});
