#!/usr/bin/env node
// `npm run check:release`: runs n8n's own verification tools on every package as n8n runs them, and fails on any
// finding (error or warning). Needs the built packages and their tarballs (`npm run build && gulp pack`, which the
// npm script does first).
//
// Per package:
//   - `n8n-node lint` (@n8n/node-cli, strict mode: the package's eslint.config.mjs must be n8n's template);
//   - the scanner's source leg: @n8n/scan-community-package's analyzePackage on the package folder with its
//     SOURCE_FILE_PATTERNS (what it lints of the GitHub source the provenance attestation points at);
//   - the scanner's tarball leg: analyzePackage on the unpacked `npm pack` tarball with `**/*.js` + package.json.
// The scanner fails on errors only and ignores eslint-disable comments (allowInlineConfig: false); the warnings are
// counted here with the same config (buildScanConfig) so that 0 warnings is checked too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import { createRequire } from 'node:module';

const { vendorPackages } = createRequire(import.meta.url)('./vendor-packages.cjs');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** `n8n-node lint` in the package folder; its eslint summary line gives the counts. */
function n8nNodeLint(dir) {
	const result = spawnSync('npx', ['--no-install', 'n8n-node', 'lint'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
	const output = stripAnsi(`${result.stdout}${result.stderr}`);
	const summary = /(\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(output);
	const errors = summary ? Number(summary[2]) : result.status === 0 ? 0 : 1;
	const warnings = summary ? Number(summary[3]) : 0;
	const details = errors || warnings || result.status !== 0 ? output.trim() : '';
	return { errors, warnings, failed: result.status !== 0, details };
}

/** One scanner leg: the scanner's own verdict (analyzePackage) plus error and warning counts with its config. */
async function scannerLeg(dir, patterns) {
	const verdict = await scanner.analyzePackage(dir, patterns);
	const eslint = new ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await scanner.buildScanConfig() });
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = files.length ? await eslint.lintFiles(files) : [];
	const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
	const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
	const formatted = errors || warnings ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { errors, warnings, files: files.length, failed: !verdict.passed, details: stripAnsi(verdict.details ?? formatted ?? verdict.message ?? '').trim() };
}

function unpack(tarball) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-release-'));
	const result = spawnSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	if (result.status !== 0) throw new Error(`tar -xzf ${tarball} failed`);
	return dir;
}

const rows = [];
let failures = 0;
for (const { dir, json, tarball } of vendorPackages()) {
	if (!fs.existsSync(tarball)) throw new Error(`${path.relative(ROOT, tarball)} is missing: run \`npm run build && npx gulp pack\` first`);
	const unpacked = unpack(tarball);
	const lint = n8nNodeLint(dir);
	const source = await scannerLeg(dir, scanner.SOURCE_FILE_PATTERNS);
	const shipped = await scannerLeg(unpacked, TARBALL_PATTERNS);
	const fileCount = glob.sync('**/*', { cwd: unpacked, dot: true }).length;
	const kb = (fs.statSync(tarball).size / 1024).toFixed(1);
	fs.rmSync(unpacked, { recursive: true, force: true });
	const checks = { 'n8n-node lint': lint, 'scanner source leg': source, 'scanner tarball leg': shipped };
	const bad = Object.entries(checks).filter(([, c]) => c.failed || c.errors || c.warnings);
	failures += bad.length;
	for (const [name, check] of bad) console.log(`\n✗ ${json.name}: ${name}\n${check.details}\n`);
	const cell = (c) => `${c.errors} errors, ${c.warnings} warnings${c.failed ? ' (FAIL)' : ''}`;
	rows.push([json.name, cell(lint), `${cell(source)} in ${source.files} files`, `${cell(shipped)} in ${shipped.files} files`, `${kb} kB`, String(fileCount)]);
}

const header = ['Package', 'n8n-node lint', 'Scanner: source leg', 'Scanner: tarball leg', 'Tarball', 'Files'];
console.log(`\n| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\ncheck:release: ${rows.length} packages, ${failures === 0 ? 'no findings' : `${failures} check(s) with findings`}`);
process.exit(failures === 0 && rows.length > 0 ? 0 : 1);
