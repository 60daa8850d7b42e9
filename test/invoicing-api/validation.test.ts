import type { INodeParameters } from 'n8n-workflow';

import { newInvoice, startInvoicing, type InvoicingFixture } from './setup';

let f: InvoicingFixture;
beforeAll(async () => {
	f = await startInvoicing();
});
afterAll(async () => await f.sandbox.close());

const rows = (...overrides: INodeParameters[]) => ({
	invoiceRows: { row: overrides.map((o) => ({ productCode: 'P1', description: 'Thing', quantity: 1, unitPrice: 100, vatPerc: 25, price: 125, ...o })) },
	total: 125 * overrides.length,
});

/** Each rule the node checks before sending: the parameters that break it and the message the user reads. */
const rules: Array<[string, INodeParameters, RegExp]> = [
	['phone number in +CC form', { recipientPhoneNumber: '0701234567' }, /"Recipient Phone Number": must be in the form \+CCNNNNNNN/],
	['phone number with spaces', { recipientPhoneNumber: '+46 70 123 45 67' }, /"Recipient Phone Number": must be in the form/],
	['phone number required', { recipientPhoneNumber: '={{ "" }}' }, /"Recipient Phone Number": is required/],
	['first name of a private person', { recipientFirstName: '={{ "" }}' }, /"Recipient First Name": is required for a private person/],
	['last name of a private person', { recipientLastName: '={{ "  " }}' }, /"Recipient Last Name": is required for a private person/],
	['business id of a business', { customerType: '1', recipientBusinessId: '={{ "" }}' }, /"Recipient Business ID": is required for a business/],
	['e-mail for e-mail delivery', { invoiceSendType: '1', recipientEmail: '={{ "" }}' }, /"Recipient Email": is required for this delivery/],
	['e-mail address format', { invoiceSendType: '1', recipientEmail: 'not-an-address' }, /"Recipient Email": must be an e-mail address/],
	['e-invoicing address for e-invoice delivery', { invoiceSendType: '2', recipientEInvoicingAddress: '={{ "" }}' }, /"Recipient E-Invoicing Address": is required for this delivery/],
	['postal address for postal delivery', { invoiceSendType: '3', recipientAddress1: 'Storgatan 1', recipientZipCode: '={{ "" }}', recipientPostOffice: 'Vimmerby' }, /"Recipient Zip Code": is required for this delivery/],
	['social security number', { recipientAdditionalFields: { ssn: '19121212-1212' } }, /"Additional Recipient Fields" › Social Security Number: must be 12 digits/],
	['invoicer company name', { invoicerCompanyName: '={{ "" }}' }, /"Invoicer Company Name": is required/],
	['invoicer business id', { invoicerBusinessId: '={{ "" }}' }, /"Invoicer Business ID": is required/],
	['invoicer phone number', { invoicerAdditionalFields: { phoneNumber: '12345' } }, /"Additional Invoicer Fields" › Phone Number: must be in the form/],
	['invoice number', { invoiceNumber: '={{ "" }}' }, /"Invoice Number": is required/],
	['invoice date required', { invoiceDate: '={{ "" }}' }, /"Invoice Date": is required/],
	['invoice date is a real day', { invoiceDate: '2026-02-30' }, /"Invoice Date": must be a date/],
	['due date not before the invoice date', { dueDate: '2026-11-30T00:00:00' }, /"Due Date": must not be before the invoice date/],
	['total is a number', { total: '={{ "a lot" }}' }, /"Total": must be a number/],
	['currency code', { currency: 'kronor' }, /"Currency": must be a three-letter currency code/],
	['invoice type code', { invoiceType: '={{ "2" }}' }, /"Invoice Type": must be one of Invoice, Credit Invoice/],
	['delivery code', { invoiceSendType: '={{ "9" }}', recipientEmail: 'a@b.se', recipientEInvoicingAddress: 'x', recipientAddress1: 'x', recipientZipCode: '1', recipientPostOffice: 'x' }, /"Delivery": must be one of Mobile \(SMS\), Email, E-Invoice, Postal/],
	['at least one row', { invoiceRows: {} }, /"Invoice Rows": needs at least one row/],
	['row product code', rows({}, { productCode: '={{ "" }}' }), /"Invoice Rows" › entry 2 › Product Code: is required/],
	['row description', rows({ description: '={{ "" }}' }), /"Invoice Rows" › entry 1 › Description: is required/],
	['row price with VAT', rows({ price: '={{ "x" }}' }), /"Invoice Rows" › entry 1 › Price With VAT: must be a number/],
	['row VAT percentage', rows({ vatPerc: 125 }), /"Invoice Rows" › entry 1 › VAT \(%\): must be between 0 and 100/],
	['row discount percentage', rows({ discount: -5 }), /"Invoice Rows" › entry 1 › Discount \(%\): must be between 0 and 100/],
	['IBAN check digits', { paymentDetails: { iban: 'SE45 5000 0000 0583 9825 7467' } }, /"Payment Details" › IBAN: must be a valid IBAN/],
	['SWIFT code', { paymentDetails: { bankCode: 'ESKD' } }, /"Payment Details" › SWIFT \/ BIC: must be a SWIFT\/BIC code/],
	['reference or message, not both', { paymentDetails: { reference: '1001', message: 'Thanks' } }, /"Payment Details" › Message: give either a reference number or a message, not both/],
	['SMS sender name length', { smsDetails: { senderName: 'Vimmerby Trading', freeText: 'Hi' } }, /"SMS Details" › Sender Name: must be at most 11 characters/],
	['SMS sender name characters', { smsDetails: { senderName: 'Vimmerby!', freeText: 'Hi' } }, /"SMS Details" › Sender Name: must be at most 11 characters of a-z, A-Z, 0-9 and space/],
	['SMS free text once an SMS detail is set', { smsDetails: { senderName: 'Vimmerby' } }, /"SMS Details" › Free Text: is required once an SMS detail is set/],
	['SMS sender name with Create Only', { createOnly: true }, /"SMS Details" › Sender Name: is required with Create Only/],
	['SMS custom domain is naked', { smsDetails: { senderName: 'Vimmerby', freeText: 'Hi', domain: 'https://www.pay.example/x' } }, /"SMS Details" › Custom Domain: must be a naked domain/],
	['rows add up to the total (when asked)', { total: 1300, options: { checkTotal: true } }, /"Total": is 1300 but the rows' prices with VAT add up to 1250/],
];

describe('Invoicing API: input is checked before anything is sent', () => {
	it.each(rules)('%s', async (_rule, parameters, message) => {
		const before = f.sandbox.requests.length;
		const { error } = await f.run(newInvoice(parameters));
		expect(error?.message).toMatch(/^Invalid input in item 0: /);
		expect(error?.message).toMatch(message);
		expect(f.sandbox.requests.length).toBe(before);
	});

	it('names the item that failed; every item is checked before any is sent, so none went out', async () => {
		const before = f.sandbox.stats.creates;
		const { error } = await f.run(newInvoice({ recipientPhoneNumber: '={{ $json.phone }}' }), { input: [{ phone: '+46700000001' }, { phone: '0700' }, { phone: '+46700000003' }] });
		expect(error?.message).toMatch(/^Invalid input in item 1: "Recipient Phone Number"/);
		expect(f.sandbox.stats.creates - before).toBe(0);
	});

	it('with Continue On Fail the bad item becomes an error item and the others are created', async () => {
		const { json } = await f.run(newInvoice({ recipientPhoneNumber: '={{ $json.phone }}' }), {
			input: [{ phone: '+46700000001' }, { phone: 'nope' }],
			continueOnFail: true,
		});
		expect(json[0].statusCode).toBe(201);
		expect(json[1].error).toMatch(/item 1: "Recipient Phone Number"/);
	});

	it('rows that add up pass the total check', async () => {
		const { json, error } = await f.run(newInvoice({ options: { checkTotal: true } }));
		expect(error).toBeUndefined();
		expect(json[0].statusCode).toBe(201);
	});

	it('several problems are listed together', async () => {
		const { error } = await f.run(newInvoice({ recipientPhoneNumber: '123', invoicerBusinessId: '={{ "" }}', currency: 'x' }));
		expect(error?.description?.split('\n')).toEqual([
			expect.stringMatching(/^"Recipient Phone Number": must be/),
			'"Invoicer Business ID": is required',
			expect.stringMatching(/^"Currency": must be a three-letter/),
		]);
	});
});

describe('Invoicing API: the API\'s own validation (422) reaches the user field by field', () => {
	it('a 422 with a list of messages names each field', async () => {
		const { error } = await f.run(
			newInvoice({ options: { language: '={{ "xx" }}' }, smsDetails: { senderName: 'Vimmerby', freeText: 'x'.repeat(200) } }),
		);
		expect(error?.message).toBe(
			'Invoicing API: 2 field(s) refused: Invoice › language: must be one of the following values: da, de, en, fi, no, sv; SMS › freeText: must be shorter than or equal to 160 characters [Unprocessable Entity]',
		);
		expect(error?.description).toMatch(/HTTP 422/);
		const last = f.sandbox.requests.at(-1);
		expect(last?.status).toBe(422);
	});

});
