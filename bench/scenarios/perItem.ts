/**
 * 3. Per-item overhead: 1,000 TheNextInvoice customer creates, one after the other, through our node and through a
 * plain keep-alive axios loop (no n8n at all). To show where the difference comes from: the same loop without
 * keep-alive (n8n's request helpers build a new agent, so a new connection, for every request), a bare node that
 * only calls n8n's httpRequestWithAuthentication per item (the floor of any node), and n8n's HTTP Request node
 * (its default sends every item at once).
 */
import { Agent } from 'node:http';

import axios from 'axios';

import { runNode, type NodeUnderTest } from '../../test/helpers/n8n';
import { startTheNextInvoiceSandbox } from '../../test/sandbox/thenextinvoice';
import { countRequests, ourTniNode, tniHttpAuth, tniHttpNode } from '../contenders';
import { BareRequestNode } from '../BareRequestNode';
import { alternate } from '../measure';
import { ratio, seconds, verdict, type ResultRow } from '../report';

const ITEMS = 1000;
const ROUNDS = 7;
const CUSTOMER = { companyname: 'Bakkerij Jansen B.V.', person: false, email: 'info@bakkerij-jansen.nl', address: 'Dorpsstraat 12', postalcode: '1234AB', city: 'Utrecht', country: 'nl' };

export async function perItemScenario(log: (line: string) => void): Promise<ResultRow[]> {
	const sandbox = await startTheNextInvoiceSandbox();
	try {
		const input = Array.from({ length: ITEMS }, () => ({}));
		const creates = () => countRequests(sandbox, /^POST \/api\/v1\/customer$/);
		// Every run starts from an empty customer list and request log, so no run works on a bigger sandbox.
		const reset = () => {
			sandbox.clearRequests();
			sandbox.state.customers.clear();
		};
		// The plain loop sends exactly the body our node sends (taken from the sandbox, not retyped).
		const probe = await runNode(ourTniNode(sandbox), { resource: 'customer', operation: 'create', ...CUSTOMER });
		if (probe.error) throw new Error(`customer create: ${probe.error.message}`);
		const body = sandbox.requests.at(-1)!.rawBody;
		const axiosLoop = (keepAlive: boolean) => {
			const client = axios.create({
				baseURL: sandbox.baseUrl,
				httpAgent: new Agent({ keepAlive }),
				headers: { 'X-Api-Token': sandbox.apiToken, 'Content-Type': 'application/json' },
			});
			return async () => {
				reset();
				for (let i = 0; i < ITEMS; i++) await client.post('/customer', body);
				return creates();
			};
		};
		const bareNode: NodeUnderTest = { ...ourTniNode(sandbox), nodeType: new BareRequestNode(), typeName: 'benchBareRequest' };
		const contenders = {
			ours: async () => {
				reset();
				const { error } = await runNode(ourTniNode(sandbox), { resource: 'customer', operation: 'create', ...CUSTOMER }, { input });
				if (error) throw error;
				return creates();
			},
			axios: axiosLoop(true),
			axiosNewConnections: axiosLoop(false),
			bare: async () => {
				reset();
				const { error } = await runNode(bareNode, { url: `${sandbox.baseUrl}/customer`, body }, { input });
				if (error) throw error;
				return creates();
			},
			http: async () => {
				reset();
				const { error } = await runNode(
					tniHttpNode(sandbox),
					{ method: 'POST', url: `${sandbox.baseUrl}/customer`, ...tniHttpAuth, sendBody: true, specifyBody: 'json', jsonBody: body, options: {} },
					{ input },
				);
				if (error) throw error;
				return creates();
			},
		};
		const runs = await alternate(ROUNDS, contenders);
		for (const [name, run] of Object.entries(runs)) {
			if (run.result !== ITEMS) throw new Error(`per-item ${name}: ${run.result} creates instead of ${ITEMS}`);
			log(`per item ${name}: ${seconds(run.ms)} for ${ITEMS} creates (${((run.ms / ITEMS) * 1000).toFixed(0)} µs each)`);
		}
		const how = `in-process n8n-core, median of ${ROUNDS} alternating runs after a warm-up`;
		const perItem = (ms: number) => `${seconds(ms)} (${((ms / ITEMS) * 1000).toFixed(0)} µs/item)`;
		return [
			{
				figure: `Per item: ${ITEMS} creates, our node vs a plain keep-alive axios loop`,
				ours: perItem(runs.ours.ms),
				reference: `axios loop ${perItem(runs.axios.ms)}`,
				ratio: ratio(runs.ours.ms, runs.axios.ms),
				target: '≤ 1.2',
				verdict: verdict(runs.ours.ms <= 1.2 * runs.axios.ms),
				how,
			},
			{
				figure: `Per item: the same plain loop without keep-alive (a new connection per request, as n8n's helpers open)`,
				ours: perItem(runs.ours.ms),
				reference: `axios loop, new connections ${perItem(runs.axiosNewConnections.ms)}`,
				ratio: ratio(runs.ours.ms, runs.axiosNewConnections.ms),
				target: '—',
				verdict: '—',
				how,
			},
			{
				figure: `Per item: our node vs a bare node (only n8n's httpRequestWithAuthentication per item)`,
				ours: perItem(runs.ours.ms),
				reference: `bare node ${perItem(runs.bare.ms)}`,
				ratio: ratio(runs.ours.ms, runs.bare.ms),
				target: '—',
				verdict: '—',
				how,
			},
			{
				figure: `Per item: our node vs the HTTP Request node (default: all items at once)`,
				ours: perItem(runs.ours.ms),
				reference: `HTTP Request node ${perItem(runs.http.ms)}`,
				ratio: ratio(runs.ours.ms, runs.http.ms),
				target: '—',
				verdict: '—',
				how,
			},
		];
	} finally {
		await sandbox.close();
	}
}
