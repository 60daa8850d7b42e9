/**
 * The secret scan that runs across every test: each credential's secret values (the fields n8n shows as
 * passwords) and every token a sandbox issues are registered here; the n8n-core test helpers scan every output
 * item, error message and description, and test/helpers/secret-scan-setup.ts scans every console line. A hit
 * fails the test that caused it. Counts go to a file per test file; the global teardown prints the total.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const secrets = new Set<string>();
/** What was scanned in this test file, and what was found. */
export const secretScanStats = { scanned: 0, hits: 0 };

/** Short values would match by accident (and are no real secrets of these vendors). */
const MIN_LENGTH = 6;

/** Long secrets are also looked for by their first characters: a cut-off echo of a token is a leak too. */
const PREFIX_FROM = 20;
const PREFIX_LENGTH = 12;

export function registerSecret(value: unknown): void {
	if (typeof value !== 'string' || value.length < MIN_LENGTH) return;
	secrets.add(value);
	if (value.length >= PREFIX_FROM) secrets.add(value.slice(0, PREFIX_LENGTH));
}

export function forgetSecrets(): void {
	secrets.clear();
}

/** The registered secrets that occur in `text`, shown by their first characters only. */
export function findSecrets(text: string): string[] {
	secretScanStats.scanned++;
	const found: string[] = [];
	for (const secret of secrets) if (text.includes(secret)) found.push(`${secret.slice(0, 3)}…(${secret.length} chars)`);
	if (found.length) secretScanStats.hits += found.length;
	return found;
}

/** Throws when anything the user would see contains a secret. */
export function assertNoSecrets(where: string, ...values: unknown[]): void {
	const text = values.map((value) => (typeof value === 'string' ? value : safeStringify(value))).join('\n');
	const found = findSecrets(text);
	if (found.length) throw new Error(`SECRET LEAK in ${where}: ${found.join(', ')}`);
}

function safeStringify(value: unknown): string {
	try {
		// Binary data is left out: file content is the user's, not a credential.
		return JSON.stringify(value, (key, v) => (key === 'binary' ? undefined : v)) ?? '';
	} catch {
		return String(value);
	}
}

/** Appends this test file's counts to the run's scan folder (see secret-scan-teardown.ts). */
export function flushSecretScanStats(): void {
	const dir = process.env.SECRET_SCAN_DIR;
	if (!dir) return;
	appendFileSync(join(dir, `scan-${process.pid}.jsonl`), `${JSON.stringify(secretScanStats)}\n`);
	secretScanStats.scanned = 0;
	secretScanStats.hits = 0;
}
