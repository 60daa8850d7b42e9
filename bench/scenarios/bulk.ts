/**
 * 4. Bulk: TheNextInvoice Book and Remind for 1,000 invoices, with "Batch Items" (comma-separated ids in one URL)
 * and one request per item. The vendor documents no limit on the ids; our node sends 50 per request by default
 * (Batch Size), so the figure is given at the default and with Batch Size 1,000 (all ids in one request).
 */
import { runNode } from '../n8n';
import { startTheNextInvoiceSandbox } from '../../test/sandbox/thenextinvoice';
import { countRequests, ourTniNode } from '../contenders';
import { measure } from '../measure';
import { seconds, verdict, type ResultRow } from '../report';

const INVOICES = 1000;
/** MAX_IDS in nodes/TheNextInvoice/resources/invoice/bulk.ts: Batch Size's default. */
const IDS_PER_REQUEST = 50;
/** The most Batch Size allows. */
const LARGEST_BATCH = 1000;

async function bulkRun(action: 'book' | 'remind', batchItems: boolean, batchSize?: number) {
	const sandbox = await startTheNextInvoiceSandbox({ seedInvoices: INVOICES });
	try {
		const input = [...sandbox.state.invoices.values()].filter((invoice) => invoice.companyId === sandbox.companyIds[0]).map((invoice) => ({ id: invoice.id }));
		const measured = await measure(async () => {
			const { error, items } = await runNode(ourTniNode(sandbox), { resource: 'invoice', operation: action, invoiceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, batchItems, ...(batchSize ? { batchSize } : {}) }, { input });
			if (error) throw error;
			return items.filter((item) => item.json.success === true).length;
		});
		return { ...measured, invoices: input.length, requests: countRequests(sandbox, new RegExp(`^POST /api/v1/invoice/[0-9,]+/${action}$`)) };
	} finally {
		await sandbox.close();
	}
}

export async function bulkScenario(log: (line: string) => void): Promise<ResultRow[]> {
	const rows: ResultRow[] = [];
	for (const action of ['book', 'remind'] as const) {
		const batched = await bulkRun(action, true);
		const largest = await bulkRun(action, true, LARGEST_BATCH);
		const single = await bulkRun(action, false);
		const done = (run: typeof batched) => run.result === run.invoices;
		log(`bulk ${action}: batched ${batched.requests} requests in ${seconds(batched.ms)} (${batched.result} items done); Batch Size ${LARGEST_BATCH}: ${largest.requests} requests in ${seconds(largest.ms)}; one per item ${single.requests} requests in ${seconds(single.ms)}`);
		for (const [run, size, note] of [
			[batched, IDS_PER_REQUEST, 'default Batch Size'],
			[largest, LARGEST_BATCH, 'Batch Size'],
		] as const) {
			const minimum = Math.ceil(run.invoices / size);
			rows.push({
				figure: `Bulk: ${action} ${run.invoices} invoices with Batch Items, ${note} ${size}`,
				ours: `${run.requests} requests, ${seconds(run.ms)}`,
				reference: `minimum ${minimum} (${size} ids per request); one per item: ${single.requests} requests, ${seconds(single.ms)}`,
				ratio: (run.requests / minimum).toFixed(2),
				target: '= minimum',
				verdict: verdict(run.requests === minimum && done(run) && done(single)),
				how: 'in-process n8n-core',
			});
		}
	}
	return rows;
}
