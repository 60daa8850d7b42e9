/**
 * Starts the TheNextInvoice sandbox until SIGINT/SIGTERM, for manual tries and demos:
 *   npx ts-node --transpile-only test/sandbox/thenextinvoice/run-thenextinvoice.ts [--port 4720] [--seed 25]
 * `--seed N` seeds N invoices, N customers and N products. The printed credentials are the sandbox's fixed
 * test credentials, not real ones.
 */
import { startTheNextInvoiceSandbox } from './index';

function numberArg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a non-negative integer`);
	return value;
}

async function main(): Promise<void> {
	const seed = numberArg('seed', 0);
	const sandbox = await startTheNextInvoiceSandbox({
		port: numberArg('port', 0),
		seedInvoices: seed,
		seedCustomers: seed,
		seedProducts: seed,
	});
	console.log(`TheNextInvoice sandbox listening on ${sandbox.baseUrl}`);
	console.log(`  X-Api-Token: ${sandbox.apiToken}`);
	console.log(`  login:       ${sandbox.email} / ${sandbox.password}  (POST /session/jwt)`);
	console.log(`  companies:   ${sandbox.companyIds.join(', ')}`);

	const stop = (signal: string) => {
		console.log(`${signal} received, stopping the sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
