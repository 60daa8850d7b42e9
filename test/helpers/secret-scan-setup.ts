/**
 * Runs in every test file (jest setupFilesAfterEnv): console lines (ours and n8n's logger's) are scanned for
 * registered secrets as they are written, and a test that printed one fails. See secrets.ts.
 */
import { assertNoSecrets, flushSecretScanStats } from './secrets';

const leaks: string[] = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
	const original = console[method].bind(console);
	console[method] = (...args: unknown[]) => {
		try {
			assertNoSecrets(`console.${method}`, ...args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : arg)));
		} catch (error) {
			leaks.push((error as Error).message);
			return; // never print the secret itself
		}
		// n8n's own logger (winston) reports every failed node run; scanned like everything else, but only printed
		// with SHOW_N8N_LOGS=1, so that the test output stays readable.
		if (!process.env.SHOW_N8N_LOGS && new Error().stack?.includes('winston')) return;
		original(...args);
	};
}

afterEach(() => {
	if (leaks.length) throw new Error(leaks.splice(0).join('\n'));
});

afterAll(() => flushSecretScanStats());
