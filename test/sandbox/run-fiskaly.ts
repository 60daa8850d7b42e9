/**
 * Starts the fiskaly management sandbox until SIGINT/SIGTERM, for manual tries and demos:
 *   npx ts-node --transpile-only test/sandbox/run-fiskaly.ts [--port 4710] [--seed 100]
 * The printed key/secret are the sandbox's fixed test credentials, not real ones.
 */
import { startFiskalySandbox } from './fiskaly';

function numberArg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a non-negative integer`);
	return value;
}

async function main(): Promise<void> {
	const sandbox = await startFiskalySandbox({ port: numberArg('port', 0), seedOrganizations: numberArg('seed', 0) });
	console.log(`fiskaly management sandbox listening on ${sandbox.baseUrl}`);
	console.log(`  api_key:         ${sandbox.apiKey}`);
	console.log(`  api_secret:      ${sandbox.apiSecret}`);
	console.log(`  organization_id: ${sandbox.ownOrganizationId}`);

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
