/**
 * jest globalSetup / globalTeardown of the secret scan: a folder for the per-file counts, and the total printed at
 * the end of the run ("secret scan: N texts scanned, 0 secrets found").
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function setupSecretScan(): Promise<void> {
	process.env.SECRET_SCAN_DIR = mkdtempSync(join(tmpdir(), 'secret-scan-'));
}

export async function teardownSecretScan(): Promise<void> {
	const dir = process.env.SECRET_SCAN_DIR;
	if (!dir) return;
	let scanned = 0;
	let hits = 0;
	for (const file of readdirSync(dir)) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean)) {
			const counts = JSON.parse(line) as { scanned: number; hits: number };
			scanned += counts.scanned;
			hits += counts.hits;
		}
	}
	rmSync(dir, { recursive: true, force: true });
	process.stdout.write(`\nsecret scan: ${scanned} outputs, errors and log lines scanned for credential secrets and issued tokens, ${hits} found\n`);
}
