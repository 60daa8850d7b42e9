/**
 * 4. Bulk: TheNextInvoice Book and Remind for 1,000 invoices, with "Batch Items" (comma-separated ids in one URL)
 * and one request per item. The vendor documents no limit on the ids; our node sends at most 50 per request.
 */
import { runNode } from '../n8n';
import { startTheNextInvoiceSandbox } from '../../test/sandbox/thenextinvoice';
import { countRequests, ourTniNode } from '../contenders';
import { measure } from '../measure';
import { seconds, verdict, type ResultRow } from '../report';

const INVOICES = 1000;
/** MAX_IDS in nodes/TheNextInvoice/resources/invoice/bulk.ts. */
const IDS_PER_REQUEST = 50;

async function bulkRun(action: 'book' | 'remind', batchItems: boolean) {
	const sandbox = await startTheNextInvoiceSandbox({ seedInvoices: INVOICES });
	try {
		const input = [...sandbox.state.invoices.values()].filter((invoice) => invoice.companyId === sandbox.companyIds[0]).map((invoice) => ({ id: invoice.id }));
		const measured = await measure(async () => {
			const { error, items } = await runNode(ourTniNode(sandbox), { resource: 'invoice', operation: action, invoiceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, batchItems }, { input });
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
		const single = await bulkRun(action, false);
		const minimum = Math.ceil(batched.invoices / IDS_PER_REQUEST);
		log(`bulk ${action}: batched ${batched.requests} requests in ${seconds(batched.ms)} (${batched.result} items done); one per item ${single.requests} requests in ${seconds(single.ms)}`);
		rows.push({
			figure: `Bulk: ${action} ${batched.invoices} invoices with Batch Items`,
			ours: `${batched.requests} requests, ${seconds(batched.ms)}`,
			reference: `minimum ${minimum} (${IDS_PER_REQUEST} ids per request); one per item: ${single.requests} requests, ${seconds(single.ms)}`,
			ratio: (batched.requests / minimum).toFixed(2),
			target: '= minimum',
			verdict: verdict(batched.requests === minimum && batched.result === batched.invoices && single.result === single.invoices),
			how: 'in-process n8n-core',
		});
	}
	return rows;
}
