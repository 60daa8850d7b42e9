/**
 * TheNextInvoice resources users combine in real n8n: a customer and a product created, found by search and
 * then read through their pickers' value ("From List" mode); and three customers invoiced (finalized), booked
 * and collected in one SEPA batch with Batch Items, whose pain.008 XML is downloaded.
 */
import type { E2eCase } from '../harness';
import { byId, fromList, tniChain } from '../thenextinvoice-workflow';

const CUSTOMER = 'E2E Picker Klant B.V.';
const PRODUCT = 'E2E Picker Product';

const customerAndProduct: E2eCase = {
	name: 'TheNextInvoice: customer and product created, searched and read through their picker values',
	workflow: tniChain('e2eTniResources001', 'e2e: TheNextInvoice customer and product pickers', [
		['New Customer', { resource: 'customer', operation: 'create', companyname: CUSTOMER, person: false, email: 'e2e-klant@example.com', address: 'Picker 1', postalcode: '1011AB', city: 'Amsterdam', country: 'NL' }],
		['Find Customer', { resource: 'customer', operation: 'getAll', term: CUSTOMER, returnAll: true }],
		['Customer', { resource: 'customer', operation: 'get', customerId: fromList('={{ $json.id }}') }],
		['New Product', { resource: 'product', operation: 'create', description: PRODUCT, price: 42.5, additionalFields: {} }],
		['Find Product', { resource: 'product', operation: 'getAll', options: { term: PRODUCT }, returnAll: true }],
		['Product', { resource: 'product', operation: 'get', productId: fromList('={{ $json.id }}') }],
	]),
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const found = run.output('Find Customer');
		equal(found.map((c) => c.companyname), [CUSTOMER], 'the search finds the new customer once');
		const customer = run.output('Customer')[0];
		equal(customer?.companyname, CUSTOMER, 'the customer read by its picker value');
		expect(theNextInvoice.state.customers.has(Number(customer?.id)), 'the sandbox holds the customer');
		equal(run.output('Find Product').map((p) => p.description), [PRODUCT], 'the search finds the new product once');
		const product = run.output('Product')[0];
		equal([product?.description, Number(product?.price)], [PRODUCT, 42.5], 'the product read by its picker value');
		expect(theNextInvoice.requests.some((r) => r.method === 'GET' && r.path === `/api/v1/product/${String(product?.id)}`), 'GET /product/{picked id} was sent');
	},
};

const invoiceBookCollect: E2eCase = {
	name: 'TheNextInvoice: three customers invoiced, booked and collected in one SEPA batch (Batch Items), XML downloaded',
	workflow: (() => {
		const workflow = tniChain('e2eTniResources002', 'e2e: TheNextInvoice invoice, book, SEPA batch', [
			['Customers', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 3 }],
			[
				'Invoice',
				{
					resource: 'invoice',
					operation: 'create',
					receiverMode: 'id',
					receiver: byId('={{ $json.id }}'),
					senderMode: 'id',
					sender: byId('{{THE_NEXT_INVOICE_PROFILE_ID}}'),
					lines: { line: [{ description: 'Monthly subscription', quantity: 1, price: 49, vat: '{{THE_NEXT_INVOICE_VAT_CODE_ID}}', ledger: '{{THE_NEXT_INVOICE_LEDGER_ID}}' }] },
					invoiceOptions: { finalize: true },
				},
			],
			['Book', { resource: 'invoice', operation: 'book', invoiceId: '={{ $json.invoiceId }}', batchItems: true }],
			['SEPA', { resource: 'invoice', operation: 'createSepaBatch', invoiceId: '={{ $json.invoiceId }}', date: '2026-12-20', batchItems: true }],
			['SEPA XML', { resource: 'sepaBatch', operation: 'download', batchId: '={{ $json.sepaBatchId }}', binaryPropertyName: 'xml' }],
		]);
		// One batch: download its XML once, not once per invoice.
		(workflow.nodes as Array<Record<string, unknown>>).find((n) => n.name === 'SEPA XML')!.executeOnce = true;
		return workflow;
	})(),
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const ids = run.output('Invoice').map((i) => Number(i.invoiceId));
		equal(ids.length, 3, 'three invoices created');
		const stored = ids.map((id) => theNextInvoice.state.invoices.get(id));
		expect(stored.every((i) => i?.status === 1), 'all three finalized');
		const books = theNextInvoice.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/invoice/${ids.join(',')}/book`);
		equal(books.length, 1, 'one book request for the three invoices');
		expect(stored.every((i) => i?.booking.status), 'all three booked');
		equal(run.output('Book').map((i) => i.invoiceId), ids, 'a Book result per invoice');
		const batchIds = [...new Set(stored.map((i) => i?.sepaBatchId))];
		equal(batchIds.length, 1, 'one SEPA batch for the three invoices');
		equal(run.output('SEPA').map((i) => i.sepaBatchId), [batchIds[0], batchIds[0], batchIds[0]], 'each item carries the batch id');
		const xml = run.output('SEPA XML');
		equal(xml.length, 1, 'the XML downloaded once');
		equal(xml[0]?.mimeType, 'application/xml', 'the SEPA XML came back as binary data');
	},
};

const PARALLEL_NAMES = Array.from({ length: 6 }, (_, i) => `E2E Parallel ${i}`);

const itemsInParallel: E2eCase = {
	name: 'TheNextInvoice: six customers created with Items in Parallel = 3, each once, output in item order',
	workflow: tniChain('e2eTniResources003', 'e2e: TheNextInvoice Items in Parallel', [
		['Customers', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 6 }],
		[
			'Copies',
			{
				resource: 'customer',
				operation: 'create',
				companyname: '={{ "E2E Parallel " + $itemIndex }}',
				person: false,
				email: 'e2e-parallel@example.com',
				address: 'Parallel 1',
				postalcode: '1011AB',
				city: 'Amsterdam',
				country: 'NL',
				requestOptions: { parallelItems: 3 },
			},
		],
	]),
	check(run, { theNextInvoice, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		equal(run.output('Copies').map((c) => c.companyname), PARALLEL_NAMES, 'one result per item, in item order');
		const stored = [...theNextInvoice.state.customers.values()].map((c) => String(c.fields.companyname)).filter((name) => name.startsWith('E2E Parallel '));
		equal(stored.sort(), PARALLEL_NAMES, 'each customer created once');
	},
};

export default [customerAndProduct, invoiceBookCollect, itemsInParallel];
