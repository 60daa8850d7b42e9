/**
 * 2. Return All: 10,000 TheNextInvoice invoices and customers and 10,000 fiskaly organizations through our node's
 * Return All and through n8n's HTTP Request node with its own pagination, configured as well as it can be (largest
 * page, stop on the vendor's last page), alone and followed by n8n's Split Out (one item per record, as ours). Requests
 * versus N ÷ the vendor's largest page; time and peak heap side by side.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { NodeUnderTest } from '../../test/helpers/n8n';
import type { FiskalySandbox } from '../../test/sandbox/fiskaly';
import type { TheNextInvoiceSandbox } from '../../test/sandbox/thenextinvoice';
import { ourFiskalyNode, ourTniNode, stockFiskalyAuth, stockFiskalyHttpNode, tniHttpAuth, tniHttpNode } from '../contenders';
import { alternate } from '../measure';
import { PersistingCredentialsHelper, runNode, splitOutStep } from '../n8n';
import { mb, ratio, seconds, verdict, type ResultRow } from '../report';
import { startSandboxThread, type SandboxThread } from '../sandboxThread';

const RECORDS = 10_000;
const ROUNDS = 7;
/** A run of 3 pages takes some 60 ms, where noise weighs more: more rounds for a steadier median. */
const ROUNDS_FOR_SHORT_RUNS = 31;
/** The largest pages the vendors allow (TheNextInvoice doc: limit max 100; fiskaly: limit <= 5000 for organizations). */
const TNI_PAGE = 100;
const FISKALY_PAGE = 5000;

interface ListCase {
	name: string;
	records: number;
	pageSize: number;
	sandbox: SandboxThread;
	listRequest: RegExp;
	ours: { node: NodeUnderTest; parameters: INodeParameters };
	http: { node: NodeUnderTest; parameters: INodeParameters };
	rounds: number;
	/** Where the HTTP Request node's page holds the records (for n8n's Split Out). */
	recordsField: string;
}

/** The HTTP Request node's pagination: one query parameter per page, done when the expression says so. */
const httpPagination = (page: string, completeExpression: string) => ({
	pagination: {
		pagination: {
			paginationMode: 'updateAParameterInEachRequest',
			parameters: { parameters: [{ type: 'qs', name: page.split('=')[0], value: `=${page.slice(page.indexOf('=') + 1)}` }] },
			paginationCompleteWhen: 'other',
			completeExpression,
		},
	},
});

const query = (parameters: Record<string, string | number>) => ({
	sendQuery: true,
	queryParameters: { parameters: Object.entries(parameters).map(([name, value]) => ({ name, value: String(value) })) },
});

async function measureCase(c: ListCase, log: (line: string) => void): Promise<ResultRow[]> {
	const requestsOf = async (target: ListCase['ours'], then?: ReturnType<typeof splitOutStep>) => {
		await c.sandbox.clearRequests();
		const helper = new PersistingCredentialsHelper(target.node.credentialTypes, target.node.credentials);
		const { items, error } = await runNode(target.node, target.parameters, { helper, then });
		if (error) throw new Error(`${c.name}: ${error.message}`);
		return { items: items.length, requests: await c.sandbox.count(c.listRequest) };
	};
	const splitOut = splitOutStep(c.recordsField);
	const runs = await alternate(c.rounds, {
		ours: async () => await requestsOf(c.ours),
		// The same with one page after the other, as before Pages in Parallel.
		oursOneByOne: async () => await requestsOf({ ...c.ours, parameters: { ...c.ours.parameters, requestOptions: { pagesInParallel: 1 } } }),
		http: async () => await requestsOf(c.http),
		httpSplit: async () => await requestsOf(c.http, splitOut),
	});
	const { ours, oursOneByOne, http, httpSplit } = runs;
	const minimum = Math.ceil(c.records / c.pageSize);
	log(`${c.name}: ours ${ours.result.items} items, ${ours.result.requests} requests, ${seconds(ours.ms)}, ${mb(ours.peakHeapMb)}; ` +
		`one page at a time ${oursOneByOne.result.requests} requests, ${seconds(oursOneByOne.ms)}; ` +
		`HTTP Request node ${http.result.items} items (one per page), ${http.result.requests} requests, ${seconds(http.ms)}, ${mb(http.peakHeapMb)}; ` +
		`+ Split Out ${httpSplit.result.items} items, ${seconds(httpSplit.ms)}, ${mb(httpSplit.peakHeapMb)}`);
	const how = `in-process n8n-core, sandbox on its own thread, median of ${c.rounds} alternating runs after a warm-up`;
	return [
		{
			figure: `Return All ${c.name}: requests`,
			ours: `${ours.result.requests} (${ours.result.items} items)`,
			reference: `minimum ${minimum} (page ${c.pageSize}); HTTP Request node ${http.result.requests}`,
			ratio: ratio(ours.result.requests, minimum),
			target: '= minimum',
			verdict: verdict(ours.result.requests === minimum && ours.result.items === c.records),
			how,
		},
		{
			figure: `Return All ${c.name}: wall time (our default: Pages in Parallel = Auto)`,
			ours: seconds(ours.ms),
			reference: `HTTP Request node ${seconds(http.ms)}`,
			ratio: ratio(ours.ms, http.ms),
			target: '≤ 1.0',
			verdict: verdict(ours.ms <= http.ms),
			how,
		},
		{
			figure: `Return All ${c.name}: wall time, our node with Pages in Parallel = 1 (one page after the other)`,
			ours: seconds(oursOneByOne.ms),
			reference: `HTTP Request node ${seconds(http.ms)}`,
			ratio: ratio(oursOneByOne.ms, http.ms),
			target: '—',
			verdict: '—',
			how,
		},
		{
			figure: `Return All ${c.name}: wall time, one item per record on both sides`,
			ours: seconds(ours.ms),
			reference: `HTTP Request node + Split Out ${seconds(httpSplit.ms)} (${httpSplit.result.items} items)`,
			ratio: ratio(ours.ms, httpSplit.ms),
			target: '—',
			verdict: '—',
			how,
		},
		{
			figure: `Return All ${c.name}: peak heap`,
			ours: mb(ours.peakHeapMb),
			reference: `HTTP Request node ${mb(http.peakHeapMb)}; + Split Out ${mb(httpSplit.peakHeapMb)}`,
			ratio: ratio(ours.peakHeapMb, http.peakHeapMb),
			target: '—',
			verdict: '—',
			how: `${how} (largest of the runs)`,
		},
	];
}

export async function returnAllScenario(log: (line: string) => void): Promise<ResultRow[]> {
	const rows: ResultRow[] = [];
	const tniThread = await startSandboxThread({ vendor: 'thenextinvoice', options: { seedInvoices: RECORDS, seedCustomers: RECORDS } });
	const tni = tniThread.info as TheNextInvoiceSandbox;
	try {
		// Both TheNextInvoice lists page the same way: page from 1, at most 100, done on the last page.
		const tniList = (resource: 'invoice' | 'customer', plural: string) =>
			measureCase(
				{
					name: `${RECORDS} TheNextInvoice ${plural}`,
					records: RECORDS,
					pageSize: TNI_PAGE,
					rounds: ROUNDS,
					sandbox: tniThread,
					listRequest: new RegExp(`^GET /api/v1/${resource}/search$`),
					recordsField: 'data.items',
					ours: { node: ourTniNode(tni), parameters: { resource, operation: 'getAll', returnAll: true } },
					http: {
						node: tniHttpNode(tni),
						parameters: {
							method: 'GET',
							url: `${tni.baseUrl}/${resource}/search`,
							...tniHttpAuth,
							...query({ limit: TNI_PAGE }),
							// The customer list sends its page numbers as strings.
							options: httpPagination('page={{ $pageCount + 1 }}', '={{ Number($response.body.data.current) >= Number($response.body.data.last) }}'),
						},
					},
				},
				log,
			);
		rows.push(...(await tniList('invoice', 'invoices')), ...(await tniList('customer', 'customers')));
	} finally {
		await tniThread.close();
	}
	const fiskalyThread = await startSandboxThread({ vendor: 'fiskaly', options: { seedOrganizations: RECORDS } });
	const fiskaly = fiskalyThread.info as FiskalySandbox;
	try {
		// The sandbox's own organization comes on top of the 10,000 seeded ones.
		const organizations = fiskalyThread.info.organizations!;
		rows.push(
			...(await measureCase(
				{
					name: `${organizations} fiskaly organizations`,
					records: organizations,
					pageSize: FISKALY_PAGE,
					rounds: ROUNDS_FOR_SHORT_RUNS,
					sandbox: fiskalyThread,
					listRequest: /^GET \/api\/v0\/organizations$/,
					recordsField: 'data',
					ours: { node: ourFiskalyNode(fiskaly), parameters: { resource: 'organization', operation: 'getAll', returnAll: true, order_by: 'name', order: 'asc' } },
					http: {
						node: stockFiskalyHttpNode(fiskaly),
						parameters: {
							method: 'GET',
							url: `${fiskaly.baseUrl}/organizations`,
							...stockFiskalyAuth,
							...query({ limit: FISKALY_PAGE, order_by: 'name', order: 'asc' }),
							options: httpPagination(`offset={{ $pageCount * ${FISKALY_PAGE} }}`, `={{ $response.body.data.length < ${FISKALY_PAGE} }}`),
						},
					},
				},
				log,
			)),
		);
	} finally {
		await fiskalyThread.close();
	}
	return rows;
}
