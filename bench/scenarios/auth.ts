/**
 * 1. Auth: 1,000 items over at least five token lifetimes (2-second tokens, each answer held back a little), ours
 * (one item at a time, and for reference at its default, Auto) versus n8n's stock preAuthentication with an
 * expirable token. Logins are every token request (POST /auth: full logins and refresh-token grants).
 */
import type { INodeParameters } from 'n8n-workflow';

import { startFiskalySandbox, type FiskalySandbox } from '../../test/sandbox/fiskaly';
import { countRequests, ourFiskalyNode, stockFiskalyAuth, stockFiskalyHttpNode } from '../contenders';
import { PersistingCredentialsHelper, runNode } from '../n8n';
import { seconds, verdict, type ResultRow } from '../report';

const ITEMS = 1000;
/** At Auto our node sends many items at once: this many take at least five lifetimes there too. */
const AUTO_ITEMS = 12_000;
const TOKEN_LIFETIME_S = 2;
/** Holds back every GET /organizations/:id so 1,000 items take well over five lifetimes. */
const ANSWER_DELAY_MS = 11;
/** The HTTP Request node's batch interval (one item per batch) that makes its run as long as ours. */
const STOCK_PACE_MS = 13;

interface AuthRun {
	ms: number;
	tokenRequests: number;
	fullLogins: number;
	unauthorized: number;
	failedItems: number;
}

async function countAuth(sandbox: FiskalySandbox, run: () => Promise<{ failedItems: number }>): Promise<AuthRun> {
	sandbox.clearRequests();
	const before = { ...sandbox.stats };
	const started = Date.now();
	const { failedItems } = await run();
	return {
		ms: Date.now() - started,
		tokenRequests: countRequests(sandbox, /^POST \/api\/v0\/auth$/),
		fullLogins: sandbox.stats.logins - before.logins,
		unauthorized: sandbox.stats.unauthorized - before.unauthorized,
		failedItems,
	};
}

export async function authScenario(log: (line: string) => void): Promise<ResultRow[]> {
	const sandbox = await startFiskalySandbox({ accessTokenLifetimeSeconds: TOKEN_LIFETIME_S, refreshTokenLifetimeSeconds: 600 });
	try {
		sandbox.faults.add({ kind: 'slow', delayMs: ANSWER_DELAY_MS, times: Infinity, match: { method: 'GET', path: /^\/api\/v0\/organizations\/[^/]+$/ } });
		const inputOf = (count: number) => Array.from({ length: count }, () => ({ id: sandbox.ownOrganizationId }));
		const input = inputOf(ITEMS);

		// One item at a time, as this figure is defined (1,000 items over five lifetimes); at its default (Auto) our node
		// sends many at once, with tokens expiring while requests are in flight: 12,000 items take five lifetimes there.
		const oursRun = (requestOptions: INodeParameters, count: number) =>
			countAuth(sandbox, async () => {
				const { items, error } = await runNode(
					ourFiskalyNode(sandbox),
					{ resource: 'organization', operation: 'get', organizationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, requestOptions },
					{ input: inputOf(count), continueOnFail: true },
				);
				return { failedItems: error ? count : items.filter((i) => i.json.error).length };
			});
		const ours = await oursRun({ parallelItems: 1 }, ITEMS);
		const oursAuto = await oursRun({}, AUTO_ITEMS);
		const stockNode = stockFiskalyHttpNode(sandbox);
		// n8n's HTTP Request node sends all items at once by default; paced one per 13 ms it runs as long as ours.
		const stockRun = (options: INodeParameters) =>
			countAuth(sandbox, async () => {
				const { items, error } = await runNode(
					stockNode,
					{ method: 'GET', url: `=${sandbox.baseUrl}/organizations/{{ $json.id }}`, ...stockFiskalyAuth, options },
					{ input, continueOnFail: true, helper: new PersistingCredentialsHelper(stockNode.credentialTypes, stockNode.credentials) },
				);
				return { failedItems: error ? ITEMS : items.filter((i) => i.json.error).length };
			});
		const stock = await stockRun({ batching: { batch: { batchSize: 1, batchInterval: STOCK_PACE_MS } } });
		const stockAtOnce = await stockRun({});

		const rows: ResultRow[] = [];
		const contenders = [
			['ours', ours, ITEMS, 'our transport (fiskaly node, one item at a time)'],
			['ours at defaults', oursAuto, AUTO_ITEMS, 'our transport (fiskaly node at its defaults: Items in Parallel = Auto)'],
			['stock', stock, ITEMS, `n8n's stock preAuthentication (HTTP Request node, one item per ${STOCK_PACE_MS} ms)`],
			['stock at once', stockAtOnce, ITEMS, "n8n's stock preAuthentication (HTTP Request node, default: all items at once)"],
		] as const;
		for (const [name, run, count, who] of contenders) {
			const lifetimes = run.ms / 1000 / TOKEN_LIFETIME_S;
			const minimum = Math.ceil(lifetimes);
			log(`auth ${name}: ${seconds(run.ms)} = ${lifetimes.toFixed(1)} lifetimes, ${run.tokenRequests} token requests (${run.fullLogins} full logins), ${run.unauthorized} × 401, ${run.failedItems} failed items`);
			const isOurs = name === 'ours';
			const isOursAuto = name === 'ours at defaults';
			const enoughLifetimes = lifetimes >= 5;
			rows.push({
				figure: `Auth: logins, ${count} items in ${seconds(run.ms)} (${lifetimes.toFixed(1)} × ${TOKEN_LIFETIME_S} s tokens), ${who}`,
				ours: `${run.tokenRequests} logins (${run.fullLogins} full, ${run.tokenRequests - run.fullLogins} refresh)`,
				reference: `minimum ${minimum}`,
				ratio: `${run.tokenRequests >= minimum ? '+' : ''}${run.tokenRequests - minimum}`,
				target: isOurs ? '≤ minimum + 1, run ≥ 5 lifetimes' : '— (reference)',
				verdict: isOurs ? verdict(run.tokenRequests <= minimum + 1 && enoughLifetimes && run.failedItems === 0) : '—',
				how: 'in-process n8n-core',
			});
			rows.push({
				figure: `Auth: answers of 401, ${who}, ${lifetimes.toFixed(1)} × ${TOKEN_LIFETIME_S} s tokens`,
				ours: String(run.unauthorized),
				reference: '0',
				ratio: '—',
				target: isOurs || isOursAuto ? '0, run ≥ 5 lifetimes' : '— (reference)',
				verdict: isOurs || isOursAuto ? verdict(run.unauthorized === 0 && enoughLifetimes && run.failedItems === 0) : '—',
				how: 'in-process n8n-core',
			});
		}
		return rows;
	} finally {
		await sandbox.close();
	}
}
