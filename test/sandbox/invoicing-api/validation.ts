/**
 * The documented request rules of POST /invoice/create, checked the way a NestJS class-validator pipe would:
 * every violation is one message "<path> <problem>", all of them answered together as 422.
 */
import { isPlainObject } from '../framework';

const PHONE = /^\+[1-9]\d{6,14}$/;
const SENDER_NAME = /^[a-zA-Z0-9 ]{1,11}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const NAKED_DOMAIN = /^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
/** Not in the docs: the languages this sandbox renders invoices in (ISO 639-1). */
const LANGUAGES = ['da', 'de', 'en', 'fi', 'no', 'sv'];

/** DD-MM-YYYY and a real calendar day. */
export function isApiDate(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
	if (!match) return false;
	const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

type Rule = [field: string, ok: (value: unknown) => boolean, problem: string];

function check(errors: string[], object: Record<string, unknown>, prefix: string, rules: Rule[], required: string[]): void {
	for (const field of required) {
		if (object[field] === undefined || object[field] === null || object[field] === '') errors.push(`${prefix}.${field} should not be empty`);
	}
	for (const [field, ok, problem] of rules) {
		const value = object[field];
		if (value === undefined || value === null || value === '') continue;
		if (!ok(value)) errors.push(`${prefix}.${field} ${problem}`);
	}
}

const STRING_FIELDS = (fields: string[]): Rule[] => fields.map((field) => [field, (v) => typeof v === 'string', 'must be a string']);

export function validateCreateBody(body: unknown): string[] {
	if (!isPlainObject(body)) return ['body must be a JSON object'];
	const errors: string[] = [];
	for (const section of ['recipientDetails', 'invoicerDetails', 'invoiceDetails']) {
		if (!isPlainObject(body[section])) errors.push(`${section} must be an object`);
	}
	if (errors.length) return errors;
	const recipient = body.recipientDetails as Record<string, unknown>;
	const invoicer = body.invoicerDetails as Record<string, unknown>;
	const invoice = body.invoiceDetails as Record<string, unknown>;

	check(errors, recipient, 'recipientDetails', [
		['customerType', (v) => v === '0' || v === '1', 'must be one of the following values: 0, 1'],
		['phoneNumber', (v) => typeof v === 'string' && PHONE.test(v), 'must be a phone number in the format +YYXXXXXXXXX'],
		['ssn', (v) => typeof v === 'string' && /^\d{12}$/.test(v), 'must be in the format YYYYMMDDCCCC'],
		...STRING_FIELDS(['firstName', 'lastName', 'businessId', 'companyName', 'address1', 'address2', 'postOffice', 'zipCode', 'eInvoicingAddress', 'email', 'customerNumber']),
	], ['customerType', 'phoneNumber']);
	if (recipient.customerType === '0') {
		for (const field of ['firstName', 'lastName']) if (!isText(recipient[field])) errors.push(`recipientDetails.${field} is required for private customers`);
	}
	if (recipient.customerType === '1' && !isText(recipient.businessId)) errors.push('recipientDetails.businessId is required for business customers');

	check(errors, invoicer, 'invoicerDetails', [
		['phoneNumber', (v) => typeof v === 'string' && PHONE.test(v), 'must be a phone number in the format +YYXXXXXXXXX'],
		...STRING_FIELDS(['companyName', 'businessId', 'address1', 'address2', 'postOffice', 'zipCode', 'eInvoicingAddress', 'email']),
	], ['companyName', 'businessId']);

	check(errors, invoice, 'invoiceDetails', [
		['invoiceDate', isApiDate, 'must be a date in the format DD-MM-YYYY'],
		['dueDate', isApiDate, 'must be a date in the format DD-MM-YYYY'],
		['total', isNumber, 'must be a number'],
		['currency', (v) => typeof v === 'string' && /^[A-Z]{3}$/.test(v), 'must be a 3-letter currency code'],
		['invoiceType', (v) => v === '0' || v === '1', 'must be one of the following values: 0, 1'],
		['invoiceSendType', (v) => ['0', '1', '2', '3'].includes(v as string), 'must be one of the following values: 0, 1, 2, 3'],
		['language', (v) => typeof v === 'string' && LANGUAGES.includes(v), `must be one of the following values: ${LANGUAGES.join(', ')}`],
		['pdfBytes', (v) => typeof v === 'string' && BASE64.test(v) && v.length % 4 === 0, 'must be base64 encoded'],
		['invoiceRows', Array.isArray, 'must be an array'],
		...STRING_FIELDS(['customInvoiceId', 'iban', 'bankgirot', 'plusgirot', 'swish', 'bankCode', 'reference', 'message', 'invoiceNumber']),
	], ['invoiceDate', 'dueDate', 'total', 'currency', 'invoiceType', 'invoiceSendType', 'invoiceNumber', 'invoiceRows']);
	if (Array.isArray(invoice.invoiceRows)) {
		if (invoice.invoiceRows.length === 0) errors.push('invoiceDetails.invoiceRows must contain at least 1 elements');
		invoice.invoiceRows.forEach((row, index) => {
			const prefix = `invoiceDetails.invoiceRows.${index}`;
			if (!isPlainObject(row)) {
				errors.push(`${prefix} must be an object`);
				return;
			}
			check(errors, row, prefix, [
				...(['quantity', 'unitPrice', 'discount', 'priceNoVat', 'vatPerc', 'price'] as const).map((f): Rule => [f, isNumber, 'must be a number']),
				...STRING_FIELDS(['productCode', 'description', 'unit']),
			], ['productCode', 'description', 'quantity', 'unitPrice', 'price']);
		});
	}
	// What each delivery needs to reach the recipient.
	const contact: Record<string, string[]> = { '1': ['email'], '2': ['eInvoicingAddress'], '3': ['address1', 'zipCode', 'postOffice'] };
	for (const field of contact[invoice.invoiceSendType as string] ?? []) {
		if (!isText(recipient[field])) errors.push(`recipientDetails.${field} is required for this invoiceSendType`);
	}

	if (body.smsDetails !== undefined) {
		if (!isPlainObject(body.smsDetails)) errors.push('smsDetails must be an object');
		else {
			check(errors, body.smsDetails, 'smsDetails', [
				['senderName', (v) => typeof v === 'string' && SENDER_NAME.test(v), 'must be at most 11 characters of a-z, A-Z, 0-9 and space'],
				['createOnly', (v) => typeof v === 'boolean', 'must be a boolean value'],
				// Not in the docs (guesses the node does not check, so the 422 path is exercised): an SMS-sized text.
				['freeText', (v) => typeof v === 'string' && v.length <= 160, 'must be shorter than or equal to 160 characters'],
				['domain', (v) => typeof v === 'string' && NAKED_DOMAIN.test(v), 'must be a naked domain such as example.com'],
				...STRING_FIELDS(['freeText', 'domain']),
			], ['senderName', 'freeText']);
		}
	}
	if (body.templateConfId !== undefined && typeof body.templateConfId !== 'string') errors.push('templateConfId must be a string');
	return errors;
}
