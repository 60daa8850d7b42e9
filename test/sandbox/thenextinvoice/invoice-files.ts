/** Invoice downloads: PDF (view, send/pdf), packing slip, UBL, ZIP (bulk), attachments, CSV export. */
import { isPlainObject, type SandboxRoute } from '../framework';
import { BASE_PATH, badRequest, companyOf, file, notFound, parseIdOrUndefined, queryBool, type StoredInvoice, type TheNextInvoiceContext } from './context';
import { csvDocument, pdfDocument, ublDocument, zipArchive } from './documents';
import { calculate, customerName, invoiceState, searchInvoices } from './invoice-model';
import { requireInvoice, requireInvoices } from './invoices';

const INVOICE = `${BASE_PATH}/invoice`;

function baseName(invoice: StoredInvoice): string {
	return invoice.number ? `invoice-${invoice.number}` : `draft-${invoice.id}`;
}

export function invoicePdf(ctx: TheNextInvoiceContext, invoice: StoredInvoice, title = 'Invoice'): Buffer {
	const calculated = calculate(ctx, invoice);
	return pdfDocument(`${title} ${invoice.number ?? '(draft)'}`, [
		`Customer: ${customerName(ctx, invoice)}`,
		`Date: ${String(invoice.meta.sendDate ?? '')}  Due: ${String(invoice.meta.dueDate ?? '')}`,
		...invoice.lines.map((line) => `${line.quantity ?? ''} x ${line.description} ${line.price ?? ''}`),
		`Total: ${calculated.totalInclVat.toFixed(2)} ${String(invoice.meta.currency ?? 'EUR')}`,
	]);
}

function senderName(ctx: TheNextInvoiceContext, invoice: StoredInvoice): string {
	if (isPlainObject(invoice.sender)) return String(invoice.sender.companyName ?? invoice.sender.companyname ?? '');
	const profile = typeof invoice.sender === 'number' ? ctx.state.profiles.get(invoice.sender) : undefined;
	return String(profile?.fields.companyName ?? ctx.state.companies.get(invoice.companyId)?.name ?? '');
}

export function invoiceFileRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	return [
		{
			method: 'GET',
			path: `${INVOICE}/csv`,
			handler: (req) => {
				const invoices = searchInvoices(ctx, companyOf(ctx, req), req.query);
				const rows = invoices.map((invoice) => {
					const calculated = calculate(ctx, invoice);
					return [
						invoice.id,
						invoice.number ?? '',
						customerName(ctx, invoice),
						invoice.meta.sendDate,
						invoice.meta.dueDate,
						invoice.meta.currency,
						calculated.totalExclVat.toFixed(2),
						calculated.vatApplied.toFixed(2),
						calculated.totalInclVat.toFixed(2),
						invoiceState(invoice),
					];
				});
				const header = ['id', 'number', 'customer', 'date', 'duedate', 'currency', 'amount_excl', 'vat', 'amount_incl', 'status'];
				return file(csvDocument(header, rows), 'text/csv; charset=utf-8', 'invoices.csv');
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id/view`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				return file(invoicePdf(ctx, invoice), 'application/pdf', `${baseName(invoice)}.pdf`, 'inline');
			},
		},
		{
			method: 'POST',
			path: `${INVOICE}/:id/send/pdf`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				return file(invoicePdf(ctx, invoice), 'application/pdf', `${baseName(invoice)}.pdf`);
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id/packing-slip`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				return file(invoicePdf(ctx, invoice, 'Packing slip'), 'application/pdf', `packing-slip-${invoice.number ?? invoice.id}.pdf`);
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id/ubl`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				if (invoice.status === 0) throw badRequest('Cannot generate UBL from a draft');
				const peppol = queryBool(req.query, 'peppol');
				const calculated = calculate(ctx, invoice);
				const xml = ublDocument({
					number: invoice.number ?? String(invoice.id),
					issueDate: String(invoice.meta.sendDate ?? ''),
					dueDate: String(invoice.meta.dueDate ?? ''),
					currency: String(invoice.meta.currency ?? 'EUR'),
					creditNote: invoice.type === 'C',
					peppol,
					supplierName: senderName(ctx, invoice),
					customerName: customerName(ctx, invoice),
					totalExclVat: calculated.totalExclVat,
					vatApplied: calculated.vatApplied,
					totalInclVat: calculated.totalInclVat,
					lines: invoice.lines
						.filter((line) => line.price !== null && line.quantity !== null)
						.map((line) => ({ description: line.description, quantity: line.quantity as number, price: line.price as number })),
				});
				return file(xml, 'application/xml', `${baseName(invoice)}${peppol ? '-peppol' : ''}.xml`);
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id/zip`,
			handler: (req) => {
				const invoices = requireInvoices(ctx, req);
				const entries = invoices.flatMap((invoice) => [
					{ name: `${baseName(invoice)}.pdf`, data: invoicePdf(ctx, invoice) },
					...invoice.attachments.map((attachment) => ({ name: `${baseName(invoice)}/${attachment.filename}`, data: attachment.data })),
				]);
				const name = invoices.length === 1 ? baseName(invoices[0]) : 'invoices';
				return file(zipArchive(entries), 'application/zip', `${name}.zip`);
			},
		},
		{
			method: 'GET',
			path: `${INVOICE}/:id/attachment/:attachmentId`,
			handler: (req) => {
				const invoice = requireInvoice(ctx, req);
				const attachmentId = parseIdOrUndefined(req.params.attachmentId);
				const attachment = invoice.attachments.find((a) => a.id === attachmentId);
				if (!attachment) throw notFound(`Attachment ${req.params.attachmentId} not found`);
				return file(attachment.data, attachment.contentType, attachment.filename);
			},
		},
	];
}
