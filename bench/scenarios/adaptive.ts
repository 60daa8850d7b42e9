/**
 * Adaptive concurrency (Items in Parallel = Auto, the default), three parts:
 * - `adaptive`: 500 TheNextInvoice customer creates, the vendor 20 ms away: our node at its defaults against n8n's
 *   HTTP Request node at its defaults (every item at once), and ours with Items in Parallel = 1 and = 4;
 * - `rateLimited`: the sandbox admits N requests per second (token bucket, 429 + Retry-After beyond it): 500 creates
 *   and 500 reads, our node at its defaults (no item may fail, time ≤ 1.15 × requests ÷ N) and the HTTP Request node
 *   at its defaults (run with Continue On Fail so its failed items can be counted);
 * - `overhead`: per-item overhead against the bare node (bench/BareRequestNode.ts), both one item at a time, no
 *   latency: three runs of alternating rounds, the median of the three ratios.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { NodeUnderTest } from '../../test/helpers/n8n';
import type { TheNextInvoiceSandbox } from '../../test/sandbox/thenextinvoice';
import { BareRequestNode } from '../BareRequestNode';
import { ourTniNode, tniHttpAuth, tniHttpNode } from '../contenders';
import { alternate, measure, median, pairedRatio } from '../measure';
import { runNode } from '../n8n';
import { load, ratio, seconds, verdict, type ResultRow } from '../report';
import { startSandboxThread, type SandboxThread } from '../sandboxThread';

const ITEMS = 500;
const LATENCY_MS = 20;
const ROUNDS = 7;
const LIMIT_PER_SECOND = 50;
const OVERHEAD_ITEMS = 500;
const OVERHEAD_RUNS = 3;
const OVERHEAD_ROUNDS = 5;
const CUSTOMER = { companyname: 'Bakkerij Jansen B.V.', person: false, email: 'info@bakkerij-jansen.nl', address: 'Dorpsstraat 12', postalcode: '1234AB', city: 'Utrecht', country: 'nl' };
const create = { resource: 'customer', operation: 'create', ...CUSTOMER };

interface Setup {
	thread: SandboxThread;
	sandbox: TheNextInvoiceSandbox;
	body: string;
	creates: () => Promise<number>;
	nodeRun: (node: NodeUnderTest, parameters: INodeParameters, items: number) => () => Promise<number>;
	httpCreate: INodeParameters;
}

async function withSandbox<T>(work: (setup: Setup) => Promise<T>): Promise<T> {
	const thread = await startSandboxThread({ vendor: 'thenextinvoice', options: {} });
	const sandbox = thread.info as TheNextInvoiceSandbox;
	try {
		const probe = await runNode(ourTniNode(sandbox), create);
		if (probe.error) throw new Error(`customer create: ${probe.error.message}`);
		const body = await thread.lastBody();
		const creates = async () => await thread.count(/^POST \/api\/v1\/customer$/);
		const nodeRun = (node: NodeUnderTest, parameters: INodeParameters, items: number) => async () => {
			await thread.reset();
			const { error } = await runNode(node, parameters, { input: Array.from({ length: items }, () => ({})) });
			if (error) throw error;
			return await creates();
		};
		const httpCreate = { method: 'POST', url: `${sandbox.baseUrl}/customer`, ...tniHttpAuth, sendBody: true, specifyBody: 'json', jsonBody: body, options: {} };
		return await work({ thread, sandbox, body, creates, nodeRun, httpCreate });
	} finally {
		await thread.close();
	}
}

export async function adaptiveScenario(log: (line: string) => void): Promise<ResultRow[]> {
	return await withSandbox(async ({ thread, sandbox, nodeRun, httpCreate }) => {
		await thread.latency(LATENCY_MS);
		const loadBefore = load();
		const runs = await alternate(ROUNDS, {
			ours: nodeRun(ourTniNode(sandbox), create, ITEMS),
			http: nodeRun(tniHttpNode(sandbox), httpCreate, ITEMS),
			oursOne: nodeRun(ourTniNode(sandbox), { ...create, requestOptions: { parallelItems: 1 } }, ITEMS),
			oursFour: nodeRun(ourTniNode(sandbox), { ...create, requestOptions: { parallelItems: 4 } }, ITEMS),
		});
		const loadAfter = load();
		for (const [name, run] of Object.entries(runs)) {
			if (run.result !== ITEMS) throw new Error(`adaptive ${name}: ${run.result} creates instead of ${ITEMS}`);
			log(`${name}: ${seconds(run.ms)} for ${ITEMS} creates, vendor ${LATENCY_MS} ms away (rounds: ${(run.rounds ?? []).map((ms) => seconds(ms)).join(', ')})`);
		}
		log(`load average ${loadBefore} before, ${loadAfter} after (2 cores)`);
		const how = `in-process n8n-core, sandbox on its own thread answering after ${LATENCY_MS} ms; ${ROUNDS} alternating rounds after a warm-up, times are medians, the ratio is the median of the ${ROUNDS} per-round ratios; load ${loadBefore}→${loadAfter}`;
		const row = (figure: string, name: keyof typeof runs, target: string, pass?: (ratio: number) => boolean): ResultRow => {
			const paired = pairedRatio(runs[name], runs.http);
			return {
				figure,
				ours: seconds(runs[name].ms),
				reference: `HTTP Request node at its defaults (all items at once) ${seconds(runs.http.ms)}`,
				ratio: paired.toFixed(2),
				target,
				verdict: pass === undefined ? '—' : verdict(pass(paired)),
				how,
			};
		};
		return [
			row(`Per item, vendor ${LATENCY_MS} ms away: ${ITEMS} creates, our node at its defaults (Items in Parallel = Auto)`, 'ours', '≤ 1.0', (ratio) => ratio <= 1),
			row(`Per item, vendor ${LATENCY_MS} ms away: ${ITEMS} creates, our node with Items in Parallel = 1`, 'oursOne', '—'),
			row(`Per item, vendor ${LATENCY_MS} ms away: ${ITEMS} creates, our node with Items in Parallel = 4`, 'oursFour', '—'),
		];
	});
}

export async function rateLimitedScenario(log: (line: string) => void): Promise<ResultRow[]> {
	return await withSandbox(async ({ thread, sandbox, creates, httpCreate }) => {
		await thread.latency(LATENCY_MS);
		const input = Array.from({ length: ITEMS }, () => ({}));
		const limitedRun = async (node: NodeUnderTest, parameters: INodeParameters, items: IDataObject[]) => {
			await thread.rateLimit(LIMIT_PER_SECOND);
			const measured = await measure(async () => await runNode(node, parameters, { input: items, continueOnFail: true }));
			const refused = (await thread.rateLimit(undefined))?.refused ?? 0;
			const { json, error } = measured.result;
			const failed = error ? items.length : json.filter((item) => item.error !== undefined).length;
			return { ms: measured.ms, failed, refused, json };
		};
		await thread.reset();
		const loadBefore = load();
		const oursCreates = await limitedRun(ourTniNode(sandbox), create, input);
		const created = await creates();
		const ids = oursCreates.json.map((c) => ({ id: c.id }));
		const read = { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };
		const oursReads = await limitedRun(ourTniNode(sandbox), read, ids);
		const httpCreates = await limitedRun(tniHttpNode(sandbox), httpCreate, input);
		const httpReads = await limitedRun(tniHttpNode(sandbox), { method: 'GET', url: `=${sandbox.baseUrl}/customer/{{ $json.id }}`, ...tniHttpAuth, options: {} }, ids);
		const loadAfter = load();
		const floor = (ITEMS / LIMIT_PER_SECOND) * 1000;
		log(`ours creates: ${seconds(oursCreates.ms)}, ${oursCreates.failed} failed, ${oursCreates.refused} requests refused (429), ${created} creates received`);
		log(`ours reads: ${seconds(oursReads.ms)}, ${oursReads.failed} failed, ${oursReads.refused} refused`);
		log(`HTTP Request node creates: ${seconds(httpCreates.ms)}, ${httpCreates.failed} failed; reads: ${seconds(httpReads.ms)}, ${httpReads.failed} failed`);
		const how = `vendor ${LATENCY_MS} ms away admitting ${LIMIT_PER_SECOND} requests/s (token bucket of ${LIMIT_PER_SECOND}, full at the start; 429 + Retry-After beyond it), one run each; the HTTP Request node with Continue On Fail to count its failed items; load ${loadBefore}→${loadAfter}`;
		const row = (what: string, ours: typeof oursCreates, http: typeof oursCreates): ResultRow => ({
			figure: `Rate-limited vendor (${LIMIT_PER_SECOND}/s): ${ITEMS} ${what}, our node at its defaults vs ${ITEMS} ÷ ${LIMIT_PER_SECOND}/s = ${seconds(floor)}`,
			ours: `${seconds(ours.ms)}, ${ours.failed} failed (${ours.refused} requests refused and retried)`,
			reference: `limit ${seconds(floor)}; HTTP Request node ${seconds(http.ms)}, ${http.failed} of ${ITEMS} items failed`,
			ratio: ratio(ours.ms, floor),
			target: '0 failed, ≤ 1.15',
			verdict: verdict(ours.failed === 0 && ours.ms <= 1.15 * floor),
			how,
		});
		return [row('creates', oursCreates, httpCreates), row('reads', oursReads, httpReads)];
	});
}

export async function overheadScenario(log: (line: string) => void): Promise<ResultRow[]> {
	return await withSandbox(async ({ sandbox, body, nodeRun }) => {
		const bareNode: NodeUnderTest = { ...ourTniNode(sandbox), nodeType: new BareRequestNode(), typeName: 'benchBareRequest' };
		const ratios: number[] = [];
		const times: Array<{ ours: number; bare: number }> = [];
		const loadBefore = load();
		for (let run = 0; run < OVERHEAD_RUNS; run++) {
			const runs = await alternate(OVERHEAD_ROUNDS, {
				ours: nodeRun(ourTniNode(sandbox), { ...create, requestOptions: { parallelItems: 1 } }, OVERHEAD_ITEMS),
				bare: nodeRun(bareNode, { url: `${sandbox.baseUrl}/customer`, body }, OVERHEAD_ITEMS),
			});
			ratios.push(pairedRatio(runs.ours, runs.bare));
			times.push({ ours: runs.ours.ms, bare: runs.bare.ms });
			log(`overhead run ${run + 1}: ours ${seconds(runs.ours.ms)}, bare ${seconds(runs.bare.ms)}, ratio ${ratios.at(-1)!.toFixed(3)} (load ${load()})`);
		}
		const loadAfter = load();
		const middle = median(ratios);
		const at = ratios.indexOf(ratios.find((r) => r === middle) ?? ratios[1]);
		const perItem = (ms: number) => `${seconds(ms)} (${((ms / OVERHEAD_ITEMS) * 1000).toFixed(0)} µs/item)`;
		return [
			{
				figure: `Per-item overhead: ${OVERHEAD_ITEMS} creates one at a time, our node vs the bare node (only httpRequestWithAuthentication per item)`,
				ours: perItem(times[at].ours),
				reference: `bare node ${perItem(times[at].bare)}; ratios of the ${OVERHEAD_RUNS} runs ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
				ratio: middle.toFixed(2),
				target: '≤ 1.1',
				verdict: verdict(middle <= 1.1),
				how: `in-process n8n-core, sandbox on its own thread, no latency; ${OVERHEAD_RUNS} runs of ${OVERHEAD_ROUNDS} alternating rounds after a warm-up, each run's ratio the median of its per-round ratios, the median of the ${OVERHEAD_RUNS}; load ${loadBefore}→${loadAfter}`,
			},
		];
	});
}
