import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { invoiceFiltersProperty, invoiceFiltersSchema } from './filters';

export const searchInvoices = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many invoices',
	description: 'Search invoices by status (open, paid, pastdue, ...), type, number, ISO date ranges (YYYY-MM-DD), amount range, customer ID and free text. Returns one item per invoice (up to Limit, or all) with its ID, number, status, customer, dates and totals.',
	properties: [invoiceFiltersProperty],
	schema: z.object({ filters: invoiceFiltersSchema }),
	list: ({ filters }) => ({
		request: { method: 'GET', path: '/invoice/search', qs: filters },
		// Pages start at 1; at most 100 per page; the answer counts total_items.
		pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items', totalPagesField: 'last' },
	}),
});

export const invoiceTotals = defineOperation({
	value: 'getTotals',
	name: 'Get Totals',
	action: 'Get invoice totals',
	description: 'Sum the invoices matching the filters (as for Get Many). Returns the totals (amounts in the invoice currency).',
	properties: [invoiceFiltersProperty],
	schema: z.object({ filters: invoiceFiltersSchema }),
	request: ({ filters }) => ({ method: 'GET', path: '/invoice/totals', qs: filters }),
});

export const exportInvoicesCsv = defineOperation({
	value: 'exportCsv',
	name: 'Export CSV',
	action: 'Export invoices as CSV',
	description: 'Export the invoices matching the filters (as for Get Many) as a CSV file. Returns the file as binary data.',
	properties: [invoiceFiltersProperty, { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data' }],
	schema: z.object({ filters: invoiceFiltersSchema, binaryPropertyName: z.string().min(1) }),
	request: ({ filters }) => ({ method: 'GET', path: '/invoice/csv', qs: filters }),
	download: { fileName: () => 'invoices.csv', mimeType: 'text/csv' },
});
