/**
 * Every console line of a test, ours and n8n's logger's, is scanned for registered secrets as it is written
 * (secrets.ts); a line with a secret is never printed, and the test that wrote it fails (secret-scan-setup.ts).
 *
 * n8n's logger (winston) reports every failed node run, and most failed runs are failures a test expects ("Invalid
 * input in item 5: ..."). Its lines are scanned like everything else, then kept in a buffer: printed when the test
 * fails (log-environment.ts calls `printN8nLogs`) or right away with SHOW_N8N_LOGS=1, otherwise dropped when the next
 * test starts. The tests' own console lines (counts, summaries) are printed as before.
 *
 * winston's console transport writes to `console._stdout` / `console._stderr` directly when the console has them
 * (jest's consoles do), otherwise through `console.log` etc.: both paths go through the scan.
 */
import { assertNoSecrets } from './secrets';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const STREAMS = ['_stdout', '_stderr'] as const;

/** Where log-environment.ts finds this test file's buffer (the environment lives outside the test's module registry). */
export const N8N_LOGS_KEY = Symbol.for('n8n-nodes-eu-finance.n8nLogs');

export interface N8nLogBuffer {
	clear(): void;
	print(title: string): void;
}

const leaks: string[] = [];
const n8nLines: string[] = [];
const showN8nLogs = (): boolean => Boolean(process.env.SHOW_N8N_LOGS);
/** True while a console method prints: jest's in-band console writes through `console._stdout` itself. */
let printing = false;
let print: (...args: unknown[]) => void = () => undefined;

/** The leaks found since the last call (each as "SECRET LEAK in console.log: abc…(20 chars)"), and forgets them. */
export function takeLeaks(): string[] {
	return leaks.splice(0);
}

/** The lines n8n's logger wrote since the current test started. */
export function n8nLogLines(): string[] {
	return [...n8nLines];
}

function clearN8nLogs(): void {
	n8nLines.length = 0;
}

function printN8nLogs(title: string): void {
	if (!n8nLines.length || showN8nLogs()) return; // with SHOW_N8N_LOGS=1 they were printed as they came
	print(`n8n's log of ${title} (${n8nLines.length} lines; SHOW_N8N_LOGS=1 prints them as they come):\n${n8nLines.splice(0).join('\n')}`);
}

/** Scans the values; false (and the leak recorded, without the secret) when one holds a registered secret. */
function scan(where: string, values: unknown[]): boolean {
	try {
		assertNoSecrets(where, ...values.map((value) => (value instanceof Error ? `${value.message} ${value.stack}` : value)));
		return true;
	} catch (error) {
		leaks.push((error as Error).message);
		return false;
	}
}

const fromN8nLogger = (): boolean => new Error().stack?.includes('winston') ?? false;

function keepN8nLine(values: unknown[]): void {
	n8nLines.push(values.map((value) => (typeof value === 'string' ? value : String(value))).join(' ').replace(/\n$/, ''));
}

type ConsoleStream = { write(chunk: unknown, ...rest: unknown[]): boolean };
type ConsoleWithStreams = Console & Partial<Record<(typeof STREAMS)[number], ConsoleStream>>;

/** Wraps the console methods and streams of this test file; runs once per file, from secret-scan-setup.ts. */
export function installConsoleCapture(): void {
	const target = console as ConsoleWithStreams;
	const originalLog = console.log.bind(console);
	print = (...args) => {
		printing = true;
		try {
			originalLog(...args);
		} finally {
			printing = false;
		}
	};
	for (const method of METHODS) {
		const original = console[method].bind(console);
		console[method] = (...args: unknown[]) => {
			if (!scan(`console.${method}`, args)) return; // never print the secret itself
			if (fromN8nLogger()) {
				keepN8nLine(args);
				if (!showN8nLogs()) return;
			}
			printing = true;
			try {
				original(...args);
			} finally {
				printing = false;
			}
		};
	}
	for (const key of STREAMS) {
		const stream = target[key];
		if (!stream) continue;
		const write = stream.write.bind(stream);
		const wrapped = new Proxy(stream, {
			get(streamTarget, property) {
				if (property === 'write') {
					return (chunk: unknown, ...rest: unknown[]) => {
						if (printing) return write(chunk, ...rest); // a console method, scanned above
						if (!scan(`console.${key}`, [String(chunk)])) return true;
						if (!fromN8nLogger()) return write(chunk, ...rest);
						keepN8nLine([String(chunk)]);
						return showN8nLogs() ? write(chunk, ...rest) : true;
					};
				}
				const value: unknown = Reflect.get(streamTarget, property, streamTarget);
				return typeof value === 'function' ? value.bind(streamTarget) : value;
			},
		});
		Object.defineProperty(target, key, { value: wrapped, writable: true, configurable: true, enumerable: false });
	}
	const buffer: N8nLogBuffer = { clear: clearN8nLogs, print: printN8nLogs };
	(globalThis as Record<symbol, unknown>)[N8N_LOGS_KEY] = buffer;
}
