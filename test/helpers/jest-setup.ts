import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { setSafeRegexEngine } from 'n8n-workflow';

// n8n-core writes its instance settings under N8N_USER_FOLDER; keep tests away from ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-eu-finance-test-'));

// n8n-workflow runs the regular expressions of node parameters (resource locator validation, extractValue) in a
// `vm` script with a 250 ms wall-clock timeout, against catastrophic backtracking. On a loaded 2-core CI machine with
// eight jest workers, a trivial pattern such as `^\s*[1-9]\d*\s*$` was seen to "time out" while its worker waited
// for the CPU. The same vm engine with a 5 s budget keeps the protection and the behaviour, not the flake.

const REGEX_BUDGET_MS = 5000;
const regexContext = createContext({ pattern: '', flags: '', input: '', replacement: '', result: undefined as unknown });
const regexScripts = {
	exec: new Script('result = new RegExp(pattern, flags).exec(input)'),
	test: new Script('result = new RegExp(pattern, flags).test(input)'),
	replace: new Script('result = input.replace(new RegExp(pattern, flags), replacement)'),
	matchAll: new Script('result = Array.from(input.matchAll(new RegExp(pattern, flags)))'),
	split: new Script('result = input.split(new RegExp(pattern, flags))'),
};
function runRegex(script: Script, pattern: string, input: string, flags = '', replacement = ''): never {
	Object.assign(regexContext, { pattern, input, flags, replacement, result: undefined });
	script.runInContext(regexContext, { timeout: REGEX_BUDGET_MS });
	return regexContext.result as never;
}
setSafeRegexEngine({
	exec: (pattern, input, flags) => runRegex(regexScripts.exec, pattern, input, flags),
	test: (pattern, input, flags) => runRegex(regexScripts.test, pattern, input, flags),
	replace: (pattern, input, flags, replacement) => runRegex(regexScripts.replace, pattern, input, flags, replacement),
	matchAll: (pattern, input, flags) => runRegex(regexScripts.matchAll, pattern, input, flags?.includes('g') ? flags : `${flags ?? ''}g`),
	split: (pattern, input, flags) => runRegex(regexScripts.split, pattern, input, flags),
});
