/** /settings/numbers, ledgernumberdebit, sepa, payment, peppol, sms (+count) and termsandconditions. */
import { parseMultipart, type SandboxRoute } from '../framework';
import { BASE_PATH, badRequest, companyOf, file, jsonBody, notFound, ok, settingsOf, validate, type TheNextInvoiceContext } from './context';
import { contentTypeOf } from './invoices';

const SETTINGS = `${BASE_PATH}/settings`;

/** ISO 13616 check (mod 97). */
export function isValidIban(value: string): boolean {
	const iban = value.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
	const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
	let remainder = 0;
	for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

export function settingsRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const settings = (req: Parameters<SandboxRoute['handler']>[0]) => settingsOf(ctx, companyOf(ctx, req));

	return [
		{ method: 'GET', path: `${SETTINGS}/numbers`, handler: (req) => ok({ ...settings(req).numbers }) },
		{
			method: 'PUT',
			path: `${SETTINGS}/numbers`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, { invoice: { type: 'string', pattern: /\d$/ }, quotation: { type: 'string', pattern: /\d$/ } });
				const numbers = settings(req).numbers;
				if (body.invoice !== undefined) numbers.invoice = body.invoice as string;
				if (body.quotation !== undefined) numbers.quotation = body.quotation as string;
				return ok({ ...numbers });
			},
		},
		{ method: 'GET', path: `${SETTINGS}/ledgernumberdebit`, handler: (req) => ok({ ledgerNumber: settings(req).ledgerNumberDebit }) },
		{
			method: 'PUT',
			path: `${SETTINGS}/ledgernumberdebit`,
			handler: (req) => {
				const body = jsonBody(req);
				if (body.ledgerNumber === undefined || body.ledgerNumber === null || body.ledgerNumber === '') throw badRequest('ledgerNumber is empty');
				validate(body, { ledgerNumber: { type: 'integer', required: true } });
				settings(req).ledgerNumberDebit = body.ledgerNumber as number;
				return ok({ ledgerNumber: body.ledgerNumber });
			},
		},
		{ method: 'GET', path: `${SETTINGS}/sepa`, handler: (req) => ok({ ...settings(req).sepa }) },
		{
			method: 'PUT',
			path: `${SETTINGS}/sepa`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, {
					creditor_name: { type: 'string' },
					iban: { type: 'string' },
					creditor_identifier: { type: 'string' },
				});
				const name = (body.creditor_name as string | undefined) ?? '';
				const iban = ((body.iban as string | undefined) ?? '').replace(/\s+/g, '').toUpperCase();
				const identifier = ((body.creditor_identifier as string | undefined) ?? '').replace(/\s+/g, '').toUpperCase();
				// Validation is skipped only when all three are empty (vendor doc).
				if (name !== '' || iban !== '' || identifier !== '') {
					if (name === '' || name.length > 70) throw badRequest('Invalid creditor name (1-70 characters)');
					if (!isValidIban(iban)) throw badRequest('Invalid IBAN');
					if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(identifier)) throw badRequest('Invalid creditor identifier');
				}
				Object.assign(settings(req).sepa, { creditor_name: name, iban, creditor_identifier: identifier });
				return ok('SEPA information updated');
			},
		},
		{ method: 'GET', path: `${SETTINGS}/payment`, handler: (req) => ok({ ...settings(req).payment }) },
		{
			method: 'PUT',
			path: `${SETTINGS}/payment`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, { message: { type: 'string', required: true }, success_message: { type: 'string', required: true } });
				settings(req).payment = { message: body.message as string, success_message: body.success_message as string };
				return ok({ ...settings(req).payment });
			},
		},
		{ method: 'GET', path: `${SETTINGS}/peppol`, handler: (req) => ok({ ...settings(req).peppol }) },
		{
			method: 'PUT',
			path: `${SETTINGS}/peppol`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, { enabled: { type: 'boolean', required: true } });
				settings(req).peppol.enabled = body.enabled as boolean;
				return ok({ ...settings(req).peppol });
			},
		},
		{ method: 'GET', path: `${SETTINGS}/sms`, handler: (req) => ok({ ...settings(req).sms }) },
		{
			method: 'PUT',
			path: `${SETTINGS}/sms`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, { enabled: { type: 'boolean', required: true } });
				settings(req).sms.enabled = body.enabled as boolean;
				return ok({ ...settings(req).sms });
			},
		},
		{ method: 'GET', path: `${SETTINGS}/sms/count`, handler: (req) => ok({ ...settings(req).smsCount }) },

		// Terms & conditions: one document per company, uploaded as multipart/form-data.
		{
			method: 'HEAD',
			path: `${SETTINGS}/termsandconditions`,
			handler: (req) => {
				if (!settings(req).terms) throw notFound('No terms and conditions set');
				return { status: 200 };
			},
		},
		{
			method: 'GET',
			path: `${SETTINGS}/termsandconditions`,
			handler: (req) => {
				const terms = settings(req).terms;
				if (!terms) throw notFound('No terms and conditions set');
				return file(terms.data, terms.contentType, terms.filename);
			},
		},
		{
			method: 'POST',
			path: `${SETTINGS}/termsandconditions`,
			handler: (req) => {
				const parts = parseMultipart(req.headers['content-type'], req.rawBody);
				if (!parts) throw badRequest('Send the document as multipart/form-data');
				const files = parts.filter((part) => part.filename !== undefined);
				if (files.length === 0) throw badRequest('No file uploaded');
				if (files.length > 1) throw badRequest('Upload exactly one file');
				const [upload] = files;
				if (upload.data.length === 0) throw badRequest('The uploaded file is empty');
				const filename = upload.filename || 'termsandconditions.pdf';
				const contentType = upload.contentType && upload.contentType !== 'application/octet-stream' ? upload.contentType : contentTypeOf(filename);
				settings(req).terms = { filename, contentType, data: upload.data };
				return ok('Terms and conditions uploaded');
			},
		},
		{
			method: 'DELETE',
			path: `${SETTINGS}/termsandconditions`,
			handler: (req) => {
				settings(req).terms = null; // removing an absent document is not an error

				return ok('Terms and conditions removed');
			},
		},
	];
}
