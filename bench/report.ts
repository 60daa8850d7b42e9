import { cpus, loadavg, totalmem } from 'node:os';

export type Verdict = 'PASS' | 'MISS' | '—';

/** One line of the results table. */
export interface ResultRow {
	figure: string;
	ours: string;
	/** What we are compared with (the HTTP Request node, a plain loop, the minimum …). */
	reference: string;
	ratio: string;
	target: string;
	verdict: Verdict;
	/** In-process n8n-core, real n8n, a fresh node process … */
	how: string;
}

export const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'MISS');
export const ratio = (ours: number, reference: number) => (reference === 0 ? '—' : (ours / reference).toFixed(2));
/** "1.25 s"; under a second "63 ms", so short runs still show their difference. */
export const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
export const mb = (value: number) => `${value.toFixed(1)} MB`;

const COLUMNS: Array<[keyof ResultRow, string]> = [
	['figure', 'Figure'],
	['ours', 'Ours'],
	['reference', 'Compared with'],
	['ratio', 'Ratio'],
	['target', 'Target'],
	['verdict', 'Result'],
	['how', 'Measured'],
];

export function markdownTable(rows: ResultRow[]): string {
	const escape = (text: string) => text.replace(/\|/g, '\\|');
	return [
		`| ${COLUMNS.map(([, title]) => title).join(' | ')} |`,
		`| ${COLUMNS.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${COLUMNS.map(([key]) => escape(row[key])).join(' | ')} |`),
	].join('\n');
}

export function machine(): string {
	const cpu = cpus();
	return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`;
}

/** The machine's 1-minute load average (runnable processes; this machine has cpus().length cores), e.g. "1.35". */
export const load = () => loadavg()[0].toFixed(2);
