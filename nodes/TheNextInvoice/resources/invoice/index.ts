import type { ResourceDescriptor } from '../../../shared/operations';
import { approveInvoice, archiveInvoice, bookInvoice, deleteInvoice, queueInvoice, remindInvoice, sepaInvoice } from './bulk';
import { exportInvoicesCsv, invoiceTotals, searchInvoices } from './search';
import {
	createInvoice,
	creditInvoice,
	downloadInvoicePdf,
	downloadInvoiceZip,
	downloadPackingSlip,
	finalizeInvoice,
	getInvoice,
	getInvoiceStatus,
	getPaymentUrl,
	updateInvoice,
} from './single';

export const invoiceResource: ResourceDescriptor = {
	value: 'invoice',
	name: 'Invoice',
	operations: [
		sepaInvoice,
		approveInvoice,
		archiveInvoice,
		bookInvoice,
		createInvoice,
		creditInvoice,
		deleteInvoice,
		downloadInvoicePdf,
		downloadPackingSlip,
		downloadInvoiceZip,
		exportInvoicesCsv,
		finalizeInvoice,
		getInvoice,
		searchInvoices,
		getPaymentUrl,
		getInvoiceStatus,
		invoiceTotals,
		queueInvoice,
		remindInvoice,
		updateInvoice,
	],
};
