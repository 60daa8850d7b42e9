/**
 * 3. Per-item overhead: 1,000 TheNextInvoice customer creates, one after the other, through our node and through a
 * plain keep-alive axios loop (no n8n at all). To show where the difference comes from: the same loop without
 * keep-alive (n8n's request helpers build a new agent, so a new connection, for every request), a bare node that
 * only calls n8n's httpRequestWithAuthentication per item (the floor of any node), n8n's HTTP Request node (its
 * default sends every item at once), our node with Items in Parallel = 4 and at its default (Auto). "Our node" in the
 * one-after-the-other rows runs with Items in Parallel = 1, as these figures were first measured.
 * The sandbox runs on its own thread (as a vendor runs on its own machine), so requests in flight together are
 * served together.
 */
import { Agent } from 'node:http';

import axios from 'axios';
import type { INodeParameters } from 'n8n-workflow';

import type { NodeUnderTest } from '../../test/helpers/n8n';
import { runNode } from '../n8n';
import type { TheNextInvoiceSandbox } from '../../test/sandbox/thenextinvoice';
import { ourTniNode, tniHttpAuth, tniHttpNode } from '../contenders';
import { BareRequestNode } from '../BareRequestNode';
import { alternate } from '../measure';
import { startSandboxThread } from '../sandboxThread';
import { ratio, seconds, verdict, type ResultRow } from '../report';

const ITEMS = 1000;
const ROUNDS = 7;
const PARALLEL = 4;
const LATENCY_MS = 20;
const LATENCY_ITEMS = 200;
const LATENCY_ROUNDS = 3;
const CUSTOMER = { companyname: 'Bakkerij Jansen B.V.', person: false, email: 'info@bakkerij-jansen.nl', address: 'Dorpsstraat 12', postalcode: '1234AB', city: 'Utrecht', country: 'nl' };

export async function perItemScenario(log: (line: string) => void): Promise<ResultRow[]> {
	const thread = await startSandboxThread({ vendor: 'thenextinvoice', options: {} });
	// Our node and the HTTP Request node only need the sandbox's address and API token.
	const sandbox = thread.info as TheNextInvoiceSandbox;
	try {
		const creates = async () => await thread.count(/^POST \/api\/v1\/customer$/);
		// Every run starts from an empty customer list and request log, so no run works on a bigger sandbox.
		const reset = async () => await thread.reset();
		// The plain loop sends exactly the body our node sends (taken from the sandbox, not retyped).
		const probe = await runNode(ourTniNode(sandbox), {
			resource: 'customer',
			operation: 'create',
			...CUSTOMER,
		});
		if (probe.error) throw new Error(`customer create: ${probe.error.message}`);
		const body = await thread.lastBody();
		const axiosLoop = (keepAlive: boolean, items: number) => {
			const client = axios.create({
				baseURL: sandbox.baseUrl,
				httpAgent: new Agent({ keepAlive }),
				headers: {
					'X-Api-Token': sandbox.apiToken,
					'Content-Type': 'application/json',
				},
			});
			return async () => {
				await reset();
				for (let i = 0; i < items; i++) await client.post('/customer', body);
				return creates();
			};
		};
		const bareNode: NodeUnderTest = {
			...ourTniNode(sandbox),
			nodeType: new BareRequestNode(),
			typeName: 'benchBareRequest',
		};
		const contendersFor = (items: number) => {
			const input = Array.from({ length: items }, () => ({}));
			// Each node run starts from an empty sandbox and answers with the creates the sandbox received.
			const nodeRun = (node: NodeUnderTest, parameters: INodeParameters) => async () => {
				await reset();
				const { error } = await runNode(node, parameters, { input });
				if (error) throw error;
				return creates();
			};
			const create = { resource: 'customer', operation: 'create', ...CUSTOMER };
			return {
				// One item at a time, as these figures were first measured (the default is now Auto: oursAuto).
				ours: nodeRun(ourTniNode(sandbox), { ...create, requestOptions: { parallelItems: 1 } }),
				oursAuto: nodeRun(ourTniNode(sandbox), create),
				oursParallel: nodeRun(ourTniNode(sandbox), { ...create, requestOptions: { parallelItems: PARALLEL } }),
				axios: axiosLoop(true, items),
				axiosNewConnections: axiosLoop(false, items),
				bare: nodeRun(bareNode, { url: `${sandbox.baseUrl}/customer`, body }),
				http: nodeRun(tniHttpNode(sandbox), {
					method: 'POST',
					url: `${sandbox.baseUrl}/customer`,
					...tniHttpAuth,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: body,
					options: {},
				}),
			};
		};
		const runs = await alternate(ROUNDS, contendersFor(ITEMS));
		// The same against a vendor LATENCY_MS away: what a finance team's run actually waits for.
		await thread.latency(LATENCY_MS);
		const { ours, oursParallel, axios: axiosLoopRun, http } = contendersFor(LATENCY_ITEMS);
		const far = await alternate(LATENCY_ROUNDS, {
			ours,
			oursParallel,
			axios: axiosLoopRun,
			http,
		});
		await thread.latency(0);
		for (const [name, run] of Object.entries(far)) {
			if (run.result !== LATENCY_ITEMS) throw new Error(`per-item ${name} at ${LATENCY_MS} ms: ${run.result} creates instead of ${LATENCY_ITEMS}`);
			log(`per item ${name}, vendor ${LATENCY_MS} ms away: ${seconds(run.ms)} for ${LATENCY_ITEMS} creates`);
		}
		for (const [name, run] of Object.entries(runs)) {
			if (run.result !== ITEMS) throw new Error(`per-item ${name}: ${run.result} creates instead of ${ITEMS}`);
			log(`per item ${name}: ${seconds(run.ms)} for ${ITEMS} creates (${((run.ms / ITEMS) * 1000).toFixed(0)} µs each)`);
		}
		const how = `in-process n8n-core, sandbox on its own thread, median of ${ROUNDS} alternating runs after a warm-up`;
		const perItem = (ms: number) => `${seconds(ms)} (${((ms / ITEMS) * 1000).toFixed(0)} µs/item)`;
		return [
			{
				figure: `Per item: ${ITEMS} creates, our node one item at a time (Items in Parallel = 1) vs a plain keep-alive axios loop`,
				ours: perItem(runs.ours.ms),
				reference: `axios loop ${perItem(runs.axios.ms)}; HTTP Request node (all items at once) ${perItem(runs.http.ms)}`,
				ratio: ratio(runs.ours.ms, runs.axios.ms),
				target: '≤ 1.2',
				verdict: verdict(runs.ours.ms <= 1.2 * runs.axios.ms),
				how,
			},
			{
				figure: `Per item: our node with Items in Parallel = ${PARALLEL} vs the plain keep-alive axios loop`,
				ours: perItem(runs.oursParallel.ms),
				reference: `axios loop ${perItem(runs.axios.ms)}; HTTP Request node (all items at once) ${perItem(runs.http.ms)}`,
				ratio: ratio(runs.oursParallel.ms, runs.axios.ms),
				target: '—',
				verdict: '—',
				how,
			},
			{
				figure: `Per item, vendor ${LATENCY_MS} ms away: ${LATENCY_ITEMS} creates, our node one item at a time vs the plain keep-alive axios loop`,
				ours: seconds(far.ours.ms),
				reference: `axios loop ${seconds(far.axios.ms)}; HTTP Request node (all items at once) ${seconds(far.http.ms)}`,
				ratio: ratio(far.ours.ms, far.axios.ms),
				target: '≤ 1.2',
				verdict: verdict(far.ours.ms <= 1.2 * far.axios.ms),
				how: `as above, every answer held back ${LATENCY_MS} ms by the sandbox, median of ${LATENCY_ROUNDS}`,
			},
			{
				figure: `Per item, vendor ${LATENCY_MS} ms away: our node with Items in Parallel = ${PARALLEL} vs the plain keep-alive axios loop`,
				ours: seconds(far.oursParallel.ms),
				reference: `axios loop ${seconds(far.axios.ms)}; HTTP Request node (all items at once) ${seconds(far.http.ms)}`,
				ratio: ratio(far.oursParallel.ms, far.axios.ms),
				target: '—',
				verdict: '—',
				how: `as above, every answer held back ${LATENCY_MS} ms by the sandbox, median of ${LATENCY_ROUNDS}`,
			},
			{
				figure: `Per item: the same plain loop without keep-alive (a new connection per request, as n8n's helpers open)`,
				ours: perItem(runs.ours.ms),
				reference: `axios loop, new connections ${perItem(runs.axiosNewConnections.ms)}; HTTP Request node ${perItem(runs.http.ms)}`,
				ratio: ratio(runs.ours.ms, runs.axiosNewConnections.ms),
				target: '—',
				verdict: '—',
				how,
			},
			{
				figure: `Per item: our node one item at a time vs a bare node (only n8n's httpRequestWithAuthentication per item, one after the other)`,
				ours: perItem(runs.ours.ms),
				reference: `bare node ${perItem(runs.bare.ms)}; HTTP Request node ${perItem(runs.http.ms)}`,
				ratio: ratio(runs.ours.ms, runs.bare.ms),
				target: '—',
				verdict: '—',
				how,
			},
			{
				figure: `Per item: ${ITEMS} creates on loopback, our node at its defaults (Auto) vs the HTTP Request node at its defaults (all items at once)`,
				ours: perItem(runs.oursAuto.ms),
				reference: `HTTP Request node ${perItem(runs.http.ms)}; ours one at a time ${perItem(runs.ours.ms)}`,
				ratio: ratio(runs.oursAuto.ms, runs.http.ms),
				target: '—',
				verdict: '—',
				how,
			},
		];
	} finally {
		await thread.close();
	}
}
