import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { binaryOutputProperty, binaryOutputSchema, compact, idProperty, optional, recordId } from '../../fields';

const ORDERS = ['amount', 'collection_date', 'date', 'id'] as const;

/** The filters of SEPA search and totals (the invoice search parameters that apply to batches). */
const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add filter',
	default: {},
	options: [
		{ displayName: 'Max Amount', name: 'maxamount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		{ displayName: 'Max Date', name: 'maxdate', type: 'dateTime', default: '', description: 'Latest collection date' },
		{ displayName: 'Min Amount', name: 'minamount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		{ displayName: 'Min Date', name: 'mindate', type: 'dateTime', default: '', description: 'Earliest collection date' },
		{
			displayName: 'Order By',
			name: 'order',
			type: 'options',
			options: [
				{ name: 'Amount', value: 'amount' },
				{ name: 'Collection Date', value: 'collection_date' },
				{ name: 'Date', value: 'date' },
				{ name: 'ID', value: 'id' },
			],
			default: 'id',
		},
		{ displayName: 'Reverse Order', name: 'reverse', type: 'boolean', default: false, description: 'Whether to reverse the order' },
	],
};

const date = optional(z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date').transform((v) => v.slice(0, 10)));
const amount = z.preprocess((v) => (v === 0 || v === '' ? undefined : v), z.number().optional()).transform((v) => (v === undefined ? undefined : String(v)));

const filtersSchema = z
	.object({ maxamount: amount, minamount: amount, maxdate: date, mindate: date, order: optional(z.enum(ORDERS)), reverse: z.boolean().optional() })
	.default({})
	.transform(({ reverse, ...rest }) => compact({ ...rest, reverse: reverse === undefined ? undefined : String(reverse) }));

const searchBatches = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many SEPA batches',
	description: 'List the SEPA direct-debit batches, with ISO date (YYYY-MM-DD) and amount filters. Returns one item per batch.',
	properties: [filtersProperty],
	schema: z.object({ filters: filtersSchema }),
	list: ({ filters }) => ({
		request: { method: 'GET', path: '/sepa/search', qs: filters },
		// Like invoice search: pages from 1, at most 100 per page, total_items and last page in the answer.
		pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items', totalPagesField: 'last' },
	}),
});

const batchTotals = defineOperation({
	value: 'getTotals',
	name: 'Get Totals',
	action: 'Get SEPA batch totals',
	description: 'Sum the SEPA batches matching the filters. Returns one item per currency with its totals.',
	properties: [filtersProperty],
	schema: z.object({ filters: filtersSchema }),
	request: ({ filters }) => ({ method: 'GET', path: '/sepa/totals', qs: filters }),
	output: (answer) => Object.entries((answer ?? {}) as Record<string, object>).map(([currency, totals]) => ({ currency, ...totals })),
});

const downloadBatch = defineOperation<{ batchId: string; binaryPropertyName: string }>({
	value: 'download',
	name: 'Download',
	action: 'Download a SEPA batch file',
	description: 'Download the pain.008 direct-debit XML of a SEPA batch by its ID, ready to upload to the bank. Returns the file as binary data.',
	properties: [idProperty('SEPA Batch ID', 'batchId'), binaryOutputProperty],
	schema: z.object({ batchId: recordId, ...binaryOutputSchema }),
	request: ({ batchId }) => ({ method: 'GET', path: `/sepa/${batchId}/view` }),
	download: { fileName: ({ batchId }) => `sepa-${batchId}.xml`, mimeType: 'application/xml' },
});

export const sepaBatchResource: ResourceDescriptor = {
	value: 'sepaBatch',
	name: 'SEPA Batch',
	operations: [downloadBatch, searchBatches, batchTotals],
};
