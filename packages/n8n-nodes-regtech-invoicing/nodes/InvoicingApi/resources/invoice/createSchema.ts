import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	optionalCustomInvoiceId,
	amount,
	apiDate,
	compact,
	dateInput,
	email,
	iban,
	nakedDomain,
	optionalAmount,
	optionalText,
	percent,
	phone,
	requiredPhone,
	requiredText,
	senderName,
	ssn,
	swift,
} from '../../values';

const code = (values: string[], label: string) =>
	z.enum(values as [string, ...string[]], { errorMap: () => ({ message: `must be one of ${label}` }) });

const invoiceRow = z.object({
	productCode: requiredText,
	description: requiredText,
	quantity: amount,
	unit: optionalText,
	unitPrice: amount,
	discount: percent,
	vatPerc: percent,
	priceNoVat: optionalAmount,
	price: amount,
});

/** Contact data each delivery needs, by the parameter that asks for it. */
const CONTACT_FOR_DELIVERY: Record<string, string[]> = {
	'1': ['recipientEmail'],
	'2': ['recipientEInvoicingAddress'],
	'3': ['recipientAddress1', 'recipientZipCode', 'recipientPostOffice'],
};

export const createInvoiceSchema = z
	.object({
		customInvoiceId: optionalCustomInvoiceId,
		createOnly: z.boolean().default(false),
		customerType: code(['0', '1'], 'Private Person, Business'),
		recipientFirstName: optionalText,
		recipientLastName: optionalText,
		recipientBusinessId: optionalText,
		recipientCompanyName: optionalText,
		recipientPhoneNumber: requiredPhone,
		invoiceSendType: code(['0', '1', '2', '3'], 'Mobile (SMS), Email, E-Invoice, Postal'),
		recipientEmail: email,
		recipientEInvoicingAddress: optionalText,
		recipientAddress1: optionalText,
		recipientZipCode: optionalText,
		recipientPostOffice: optionalText,
		recipientAdditionalFields: z
			.object({
				address1: optionalText,
				address2: optionalText,
				companyName: optionalText,
				customerNumber: optionalText,
				eInvoicingAddress: optionalText,
				email,
				postOffice: optionalText,
				ssn,
				zipCode: optionalText,
			})
			.default({}),
		invoicerCompanyName: requiredText,
		invoicerBusinessId: requiredText,
		invoicerAdditionalFields: z
			.object({
				address1: optionalText,
				address2: optionalText,
				eInvoicingAddress: optionalText,
				email,
				phoneNumber: phone,
				postOffice: optionalText,
				zipCode: optionalText,
			})
			.default({}),
		invoiceNumber: requiredText,
		invoiceType: code(['0', '1'], 'Invoice, Credit Invoice'),
		invoiceDate: dateInput,
		dueDate: dateInput,
		total: amount,
		currency: requiredText.transform((v) => v.toUpperCase()).refine((v) => /^[A-Z]{3}$/.test(v), 'must be a three-letter currency code such as SEK'),
		invoiceRows: z
			.object({ row: z.array(invoiceRow).default([]) }, { invalid_type_error: 'must be a list of rows' })
			.default({ row: [] })
			.refine((rows) => rows.row.length > 0, 'needs at least one row'),
		paymentDetails: z
			.object({
				bankgirot: optionalText,
				iban,
				message: optionalText,
				plusgirot: optionalText,
				reference: optionalText,
				swish: optionalText,
				bankCode: swift,
			})
			.default({})
			.refine((p) => !(p.reference && p.message), { message: 'give either a reference number or a message, not both', path: ['message'] }),
		smsDetails: z.object({ senderName, freeText: optionalText, domain: nakedDomain }).default({}),
		options: z
			.object({
				checkTotal: z.boolean().default(false),
				language: optionalText,
				pdfBinaryProperty: optionalText,
				templateConfId: optionalText,
			})
			.default({}),
	})
	.superRefine((input, ctx) => {
		const need = (path: Array<string>, message = 'is required') => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
		const record = input as unknown as Record<string, unknown>;
		if (input.customerType === '0') {
			if (!input.recipientFirstName) need(['recipientFirstName'], 'is required for a private person');
			if (!input.recipientLastName) need(['recipientLastName'], 'is required for a private person');
		}
		if (input.customerType === '1' && !input.recipientBusinessId) need(['recipientBusinessId'], 'is required for a business');
		for (const field of CONTACT_FOR_DELIVERY[input.invoiceSendType] ?? []) {
			if (!record[field]) need([field], 'is required for this delivery');
		}
		// The API requires both once smsDetails is sent, and createOnly travels inside smsDetails.
		const sms = input.smsDetails;
		if (input.createOnly || sms.senderName || sms.freeText || sms.domain) {
			const why = input.createOnly ? 'is required with Create Only' : 'is required once an SMS detail is set';
			if (!sms.senderName) need(['smsDetails', 'senderName'], why);
			if (!sms.freeText) need(['smsDetails', 'freeText'], why);
		}
		if (input.dueDate < input.invoiceDate) need(['dueDate'], 'must not be before the invoice date');
		if (input.options.checkTotal) {
			const sum = input.invoiceRows.row.reduce((total, row) => total + row.price, 0);
			if (Math.abs(sum - input.total) > 0.005) {
				need(['total'], `is ${input.total} but the rows' prices with VAT add up to ${Math.round(sum * 100) / 100}`);
			}
		}
	});

export type CreateInvoiceInput = z.output<typeof createInvoiceSchema>;

/** A row as the API takes it. n8n stores 0 for number fields left alone: a 0 % discount or a 0 net price of a priced row means "not given". */
function rowBody(row: z.output<typeof invoiceRow>): IDataObject {
	return compact({
		...row,
		discount: row.discount || undefined,
		priceNoVat: row.priceNoVat === 0 && row.price !== 0 ? undefined : row.priceNoVat,
	});
}

/** The documented request body; `pdfBytes` is added by the caller. */
export function createInvoiceBody(input: CreateInvoiceInput, customInvoiceId: string): IDataObject {
	const recipient = input.recipientAdditionalFields;
	const sms = input.smsDetails;
	const wantsSms = input.createOnly || sms.senderName !== undefined;
	return compact({
		recipientDetails: compact({
			customerType: input.customerType,
			firstName: input.customerType === '0' ? input.recipientFirstName : undefined,
			lastName: input.customerType === '0' ? input.recipientLastName : undefined,
			businessId: input.customerType === '1' ? input.recipientBusinessId : undefined,
			companyName: (input.customerType === '1' ? input.recipientCompanyName : undefined) ?? recipient.companyName,
			address1: input.recipientAddress1 ?? recipient.address1,
			address2: recipient.address2,
			postOffice: input.recipientPostOffice ?? recipient.postOffice,
			zipCode: input.recipientZipCode ?? recipient.zipCode,
			phoneNumber: input.recipientPhoneNumber,
			eInvoicingAddress: input.recipientEInvoicingAddress ?? recipient.eInvoicingAddress,
			email: input.recipientEmail ?? recipient.email,
			customerNumber: recipient.customerNumber,
			ssn: recipient.ssn,
		}),
		invoicerDetails: compact({
			companyName: input.invoicerCompanyName,
			businessId: input.invoicerBusinessId,
			...input.invoicerAdditionalFields,
		}),
		invoiceDetails: compact({
			customInvoiceId,
			invoiceDate: apiDate(input.invoiceDate),
			dueDate: apiDate(input.dueDate),
			total: input.total,
			currency: input.currency,
			invoiceType: input.invoiceType,
			invoiceSendType: input.invoiceSendType,
			invoiceNumber: input.invoiceNumber,
			...input.paymentDetails,
			language: input.options.language,
			invoiceRows: input.invoiceRows.row.map(rowBody),
		}),
		smsDetails: wantsSms ? compact({ senderName: sms.senderName, freeText: sms.freeText, domain: sms.domain, createOnly: input.createOnly || undefined }) : undefined,
		templateConfId: input.options.templateConfId,
	}) as IDataObject;
}
