/**
 * `npm run bench`: the performance benchmark of issue 7 (not a test, not in CI). Runs every figure against the
 * local sandboxes in one process, prints the table and writes bench/results.md. `npm run bench -- auth load` runs
 * only the named parts (and leaves results.md alone): auth, returnAll, perItem, bulk, load, adaptive, rateLimited,
 * overhead, triggers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core keeps its instance settings under N8N_USER_FOLDER; keep the benchmark away from ~/.n8n.
const ownUserFolder = process.env.N8N_USER_FOLDER ? undefined : mkdtempSync(join(tmpdir(), 'n8n-eu-finance-bench-'));
process.env.N8N_USER_FOLDER ??= ownUserFolder;

import { load, machine, markdownTable, type ResultRow } from './report';
import { adaptiveScenario, overheadScenario, rateLimitedScenario } from './scenarios/adaptive';
import { authScenario } from './scenarios/auth';
import { bulkScenario } from './scenarios/bulk';
import { loadScenario } from './scenarios/load';
import { perItemScenario } from './scenarios/perItem';
import { returnAllScenario } from './scenarios/returnAll';
import { triggersScenario } from './scenarios/triggers';

type Scenario = (log: (line: string) => void) => Promise<ResultRow[]>;

const SCENARIOS: Record<string, Scenario> = {
	auth: authScenario,
	returnAll: returnAllScenario,
	perItem: perItemScenario,
	bulk: bulkScenario,
	load: loadScenario,
	adaptive: adaptiveScenario,
	rateLimited: rateLimitedScenario,
	overhead: overheadScenario,
	triggers: triggersScenario,
};

async function main() {
	const wanted = process.argv.slice(2);
	const names = wanted.length ? wanted : Object.keys(SCENARIOS);
	const rows: ResultRow[] = [];
	const started = new Date();
	for (const name of names) {
		const scenario = SCENARIOS[name];
		if (!scenario) throw new Error(`Unknown part "${name}"; parts: ${Object.keys(SCENARIOS).join(', ')}`);
		console.log(`— ${name} (load average ${load()} on ${machine().split(',')[0]})`);
		rows.push(...(await scenario((line) => console.log(`  ${line}`))));
		console.log(`  load average ${load()} at the end of ${name}`);
	}
	const table = markdownTable(rows);
	console.log(`\n${table}\n`);
	const misses = rows.filter((r) => r.verdict === 'MISS').length;
	const summary = `${rows.filter((r) => r.verdict === 'PASS').length} PASS, ${misses} MISS`;
	console.log(summary);
	if (wanted.length) return; // a partial run does not overwrite the committed results
	writeFileSync(
		join(__dirname, 'results.md'),
		`# Benchmark results\n\n${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.\n` +
			`Written by \`npm run bench\` (bench/run.ts); see the Benchmark section of README.md for how each figure is measured.\n\n${table}\n\n${summary}\n`,
	);
}

main().then(
	() => finish(0),
	(error) => {
		console.error(error);
		finish(1);
	},
);

function finish(code: number): never {
	if (ownUserFolder) rmSync(ownUserFolder, { recursive: true, force: true });
	process.exit(code);
}
