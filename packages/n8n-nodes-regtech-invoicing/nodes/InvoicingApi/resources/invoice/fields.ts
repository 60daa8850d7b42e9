import type { INodeProperties } from 'n8n-workflow';

/** Parameters of Create Invoice. Option values are the API's string codes; the names are what users read. */

const text = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties =>
	({ displayName, name, type: 'string', default: '', ...extra }) as INodeProperties;
const shownFor = (field: string, values: string[]) => ({ displayOptions: { show: { [field]: values } } });

export const CUSTOMER_TYPES = [
	{ name: 'Private Person', value: '0' },
	{ name: 'Business', value: '1' },
];
export const SEND_TYPES = [
	{ name: 'Mobile (SMS)', value: '0' },
	{ name: 'Email', value: '1' },
	{ name: 'E-Invoice', value: '2' },
	{ name: 'Postal', value: '3' },
];
export const INVOICE_TYPES = [
	{ name: 'Invoice', value: '0' },
	{ name: 'Credit Invoice', value: '1' },
];
/** The docs do not list codes; ISO 639-1 is the likely form (a guess, see README). */
export const LANGUAGES = [
	{ name: 'Danish', value: 'da' },
	{ name: 'English', value: 'en' },
	{ name: 'Finnish', value: 'fi' },
	{ name: 'German', value: 'de' },
	{ name: 'Norwegian', value: 'no' },
	{ name: 'Swedish', value: 'sv' },
];

const recipientFields: INodeProperties[] = [
	{ displayName: 'Recipient Type', name: 'customerType', type: 'options', options: CUSTOMER_TYPES, default: '0' },
	text('Recipient First Name', 'recipientFirstName', { required: true, ...shownFor('customerType', ['0']) }),
	text('Recipient Last Name', 'recipientLastName', { required: true, ...shownFor('customerType', ['0']) }),
	text('Recipient Business ID', 'recipientBusinessId', { required: true, description: 'Company registration number', ...shownFor('customerType', ['1']) }),
	text('Recipient Company Name', 'recipientCompanyName', shownFor('customerType', ['1'])),
	text('Recipient Phone Number', 'recipientPhoneNumber', { required: true, placeholder: '+46701234567', description: 'International form: a plus, the country code and the number (required for every delivery)' }),
	{
		displayName: 'Delivery',
		name: 'invoiceSendType',
		type: 'options',
		options: SEND_TYPES,
		default: '0',
		description: 'How the invoice reaches the recipient',
	},
	text('Recipient Email', 'recipientEmail', { required: true, placeholder: 'name@email.com', ...shownFor('invoiceSendType', ['1']) }),
	text('Recipient E-Invoicing Address', 'recipientEInvoicingAddress', { required: true, ...shownFor('invoiceSendType', ['2']) }),
	text('Recipient Address Line 1', 'recipientAddress1', { required: true, ...shownFor('invoiceSendType', ['3']) }),
	text('Recipient Zip Code', 'recipientZipCode', { required: true, ...shownFor('invoiceSendType', ['3']) }),
	text('Recipient Post Office', 'recipientPostOffice', { required: true, ...shownFor('invoiceSendType', ['3']) }),
	{
		displayName: 'Additional Recipient Fields',
		name: 'recipientAdditionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'Printed on the invoice. Contact data of the chosen delivery is asked for above and wins over these.',
		options: [
			text('Address Line 1', 'address1'),
			text('Address Line 2', 'address2'),
			text('Company Name', 'companyName'),
			text('Customer Number', 'customerNumber', { description: 'Customer number shown on the invoice' }),
			text('E-Invoicing Address', 'eInvoicingAddress'),
			text('Email', 'email', { placeholder: 'name@email.com' }),
			text('Post Office', 'postOffice'),
			text('Social Security Number', 'ssn', { placeholder: 'YYYYMMDDCCCC', description: 'Required by the provider when the recipient signs in with BankID' }),
			text('Zip Code', 'zipCode'),
		],
	},
];

const invoicerFields: INodeProperties[] = [
	text('Invoicer Company Name', 'invoicerCompanyName', { required: true }),
	text('Invoicer Business ID', 'invoicerBusinessId', { required: true, description: 'Your company registration number' }),
	{
		displayName: 'Additional Invoicer Fields',
		name: 'invoicerAdditionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			text('Address Line 1', 'address1'),
			text('Address Line 2', 'address2'),
			text('E-Invoicing Address', 'eInvoicingAddress'),
			text('Email', 'email', { placeholder: 'name@email.com' }),
			text('Phone Number', 'phoneNumber', { placeholder: '+46701234567' }),
			text('Post Office', 'postOffice'),
			text('Zip Code', 'zipCode'),
		],
	},
];

const number = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties =>
	({ displayName, name, type: 'number', default: 0, typeOptions: { numberPrecision: 2 }, ...extra }) as INodeProperties;

export const invoiceRowValues: INodeProperties[] = [
	text('Product Code', 'productCode', { required: true }),
	text('Description', 'description', { required: true, description: 'Product description or name' }),
	number('Quantity', 'quantity', { required: true, default: 1 }),
	text('Unit', 'unit', { placeholder: 'pcs' }),
	number('Unit Price', 'unitPrice', { required: true }),
	number('Discount (%)', 'discount'),
	number('VAT (%)', 'vatPerc', { default: 25 }),
	number('Price Without VAT', 'priceNoVat', { description: 'Row price excluding VAT' }),
	number('Price With VAT', 'price', { required: true, description: 'Row price including VAT' }),
];

const invoiceFields: INodeProperties[] = [
	text('Invoice Number', 'invoiceNumber', { required: true }),
	{ displayName: 'Invoice Type', name: 'invoiceType', type: 'options', options: INVOICE_TYPES, default: '0' },
	{ displayName: 'Invoice Date', name: 'invoiceDate', type: 'dateTime', default: '', required: true, description: 'Sent as DD-MM-YYYY' },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', required: true, description: 'Sent as DD-MM-YYYY' },
	number('Total', 'total', { required: true, description: 'Sum on the invoice, VAT included' }),
	text('Currency', 'currency', { required: true, default: 'SEK', description: 'Three-letter code, e.g. SEK or EUR' }),
	{
		displayName: 'Invoice Rows',
		name: 'invoiceRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add row',
		default: {},
		required: true,
		options: [{ displayName: 'Row', name: 'row', values: invoiceRowValues }],
	},
	{
		displayName: 'Payment Details',
		name: 'paymentDetails',
		type: 'collection',
		placeholder: 'Add payment detail',
		default: {},
		options: [
			text('Bankgiro', 'bankgirot'),
			text('IBAN', 'iban'),
			text('Message', 'message', { description: 'Payment message; use instead of a reference number' }),
			text('Plusgiro', 'plusgirot'),
			text('Reference Number', 'reference'),
			text('Swish Number', 'swish'),
			text('SWIFT / BIC', 'bankCode'),
		],
	},
];

const deliveryFields: INodeProperties[] = [
	{
		displayName: 'SMS Details',
		name: 'smsDetails',
		type: 'collection',
		placeholder: 'Add SMS detail',
		default: {},
		description: 'Sender Name and Free Text are required once any SMS detail is set, and for Create Only',
		options: [
			text('Custom Domain', 'domain', { description: 'Registered custom domain for the invoice link; a naked domain (example.com), or the SMS is not delivered' }),
			text('Free Text', 'freeText', { description: 'Text of the SMS before the invoice link' }),
			text('Sender Name', 'senderName', { description: 'Shown as the SMS sender: at most 11 characters of a-z, A-Z, 0-9 and space' }),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Check Rows Add Up to Total',
				name: 'checkTotal',
				type: 'boolean',
				default: false,
				description: 'Whether to refuse the item (nothing is sent) when the rows\' prices with VAT do not add up to Total',
			},
			{ displayName: 'Language', name: 'language', type: 'options', options: LANGUAGES, default: 'en', description: 'Language the invoice is shown in' },
			text('PDF Binary Property', 'pdfBinaryProperty', { placeholder: 'data', description: 'Name of the input item\'s binary property holding the invoice PDF; sent base64 encoded as pdfBytes' }),
			text('Template ID', 'templateConfId', { description: 'Template for the invoice page the recipient sees' }),
		],
	},
];

export const createInvoiceProperties: INodeProperties[] = [
	text('Custom Invoice ID', 'customInvoiceId', { description: 'Your ID for tracking the invoice (status, send, trigger). Left empty, a UUID is generated; it is returned either way.' }),
	{
		displayName: 'Create Only (Send Later)',
		name: 'createOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to only create the invoice; send it later with the Send operation',
	},
	...recipientFields,
	...invoicerFields,
	...invoiceFields,
	...deliveryFields,
];
