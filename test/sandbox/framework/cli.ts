/**
 * The command line of a sandbox (`test/sandbox/run-<vendor>.ts`): reads `--port` and other whole-number options,
 * starts the sandbox, prints what to connect with, and stops it on SIGINT/SIGTERM.
 */

/** A non-negative whole-number option `--name N` of the command line, or the fallback. */
export function numberArg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a non-negative integer`);
	return value;
}

export interface SandboxCli<T extends { baseUrl: string; close(): Promise<void> }> {
	/** e.g. "fiskaly management", printed as "<title> sandbox listening on ...". */
	title: string;
	/** Starts the sandbox on `port` (0: a random one); read further options with `numberArg`. */
	start(port: number): Promise<T>;
	/** Lines to print after the URL (the sandbox's fixed test credentials, not real ones). */
	describe(sandbox: T): string[];
}

/** Runs a sandbox until SIGINT/SIGTERM. */
export function runSandboxCli<T extends { baseUrl: string; close(): Promise<void> }>(cli: SandboxCli<T>): void {
	const main = async () => {
		const sandbox = await cli.start(numberArg('port', 0));
		console.log(`${cli.title} sandbox listening on ${sandbox.baseUrl}`);
		for (const line of cli.describe(sandbox)) console.log(`  ${line}`);
		const stop = (signal: string) => {
			console.log(`${signal} received, stopping the sandbox`);
			sandbox.close().then(
				() => process.exit(0),
				() => process.exit(1),
			);
		};
		process.once('SIGINT', () => stop('SIGINT'));
		process.once('SIGTERM', () => stop('SIGTERM'));
	};
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
