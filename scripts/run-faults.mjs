#!/usr/bin/env node
/**
 * `npm run test:faults [-- --seeds N [--parallel P] | --seed S] [jest args]`: the fault-injection suite
 * (test/faults), one vendor after the other. Without flags each scenario runs once under the CI seed; `--seeds 20`
 * runs each under seeds 1..20, `--seed 7` replays seed 7 (the same as FAULT_SEED=7). `--parallel P` splits the seeds
 * over P jest processes (the runs mostly wait on Retry-After and slow answers, so they share a machine well); their
 * output goes to one log each, named at the end. At the end one table: a row per scenario and seed (faults
 * injected, succeeded, unknown, duplicates, lost).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const jestArgs = [];
let seeds;
let parallel = 1;
for (let i = 0; i < args.length; i++) {
	const flag = args[i];
	const value = () => {
		const v = args[++i];
		if (!/^\d+$/.test(v ?? '') || Number(v) < 1) throw new Error(`${flag} needs a whole number above 0, got "${v}"`);
		return Number(v);
	};
	if (flag === '--seeds') seeds = Array.from({ length: value() }, (_, n) => n + 1);
	else if (flag === '--seed') seeds = [value()];
	else if (flag === '--parallel') parallel = value();
	else jestArgs.push(flag);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-'));
const rowsFile = path.join(workDir, 'rows.jsonl');
const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

/** One jest process over `seedList` (undefined: FAULT_SEED(S) as set, else the CI seed). */
function runJest(seedList, logFile) {
	const env = { ...process.env, FAULT_ROWS_FILE: rowsFile };
	if (seedList) env.FAULT_SEEDS = seedList.join(',');
	const child = spawn(process.execPath, [jest, '-c', 'jest.faults.config.js', '--runInBand', ...jestArgs], {
		cwd: ROOT,
		env,
		stdio: logFile ? ['ignore', fs.openSync(logFile, 'w'), fs.openSync(logFile, 'a')] : 'inherit',
	});
	return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

let codes;
const logs = [];
if (parallel > 1 && seeds && seeds.length > 1) {
	const groups = Array.from({ length: Math.min(parallel, seeds.length) }, (_, g) => seeds.filter((_, n) => n % parallel === g));
	console.log(`[faults] seeds ${seeds[0]}..${seeds[seeds.length - 1]} in ${groups.length} jest processes; logs in ${workDir}`);
	codes = await Promise.all(
		groups.map((group, g) => {
			const log = path.join(workDir, `seeds-${group.join('-')}.log`);
			logs.push(log);
			return runJest(group, log).then((code) => {
				console.log(`[faults] seeds ${group.join(', ')}: ${code === 0 ? 'passed' : `FAILED (exit ${code}), see ${log}`}`);
				return code;
			});
		}),
	);
} else {
	codes = [await runJest(seeds)];
}

const rows = fs.existsSync(rowsFile) ? fs.readFileSync(rowsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
rows.sort((a, b) => a.scenario.localeCompare(b.scenario) || a.seed - b.seed);
if (rows.length > 0) {
	console.log('\nFault runs, one row per scenario and seed (FAULT_SEED=<seed> replays a row):\n');
	console.log('| scenario | seed | requests | faults injected | succeeded | failed, not applied | unknown | duplicates | lost | s |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of rows) {
		console.log(`| ${r.scenario} | ${r.seed} | ${r.requests} | ${r.faults} | ${r.succeeded} | ${r.notApplied} | ${r.unknown} | ${r.duplicates} | ${r.lost} | ${r.seconds.toFixed(1)} |`);
	}
	const sum = (key) => rows.reduce((total, r) => total + r[key], 0);
	console.log(`\n${rows.length} runs: ${sum('faults')} faults injected, ${sum('duplicates')} duplicates, ${sum('lost')} lost, ${sum('unknown')} unknown`);
}
const failed = codes.some((code) => code !== 0);
if (!failed && logs.length === 0) fs.rmSync(workDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
