/** zod pieces for the Invoicing API's input: dates, amounts and the formats the API documents. */
import { z } from 'zod';

import { pathSegment } from '@n8n-nodes-eu-finance/shared/validation';

/** Shared; re-exported so the resources keep importing their helpers from one place. */
export { compact } from '@n8n-nodes-eu-finance/shared/operations';

/** "YYYY-MM-DD" of an n8n date: an ISO string (date part as written), a Luxon DateTime, a JS Date or DD-MM-YYYY. */
export function isoDay(value: unknown): string | undefined {
	if (value && typeof value === 'object') {
		const dateTime = value as { isLuxonDateTime?: boolean; isValid?: boolean; toISODate?: () => string | null };
		if (dateTime.isLuxonDateTime && typeof dateTime.toISODate === 'function') return (dateTime.isValid && dateTime.toISODate()) || undefined;
		if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
		return undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
	const european = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
	const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : [];
	if (!year) return undefined;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
	return `${year}-${month}-${day}`;
}

/** The API's date format. */
export const apiDate = (day: string) => `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;

export const dateInput = z.unknown().transform((value, ctx) => {
	const day = isoDay(value);
	if (day) return day;
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		message: value === undefined || value === '' ? 'is required' : 'must be a date (e.g. 2026-12-31, a DateTime from an expression, or 31-12-2026)',
	});
	return z.NEVER;
});

const toNumber = (value: unknown) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);

export const amount = z.preprocess(toNumber, z.number({ required_error: 'is required', invalid_type_error: 'must be a number' }).finite());
export const optionalAmount = z.preprocess((v) => (v === '' || v === null ? undefined : toNumber(v)), z.number({ invalid_type_error: 'must be a number' }).finite().optional());
export const percent = optionalAmount.refine((v) => v === undefined || (v >= 0 && v <= 100), 'must be between 0 and 100');

export const requiredText = z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).trim().min(1, 'is required');
/** Empty means "not given": the key is left out of the request. */
export const optionalText = z
	.union([z.string(), z.number()], { invalid_type_error: 'must be text' })
	.optional()
	.transform((v) => (v === undefined ? undefined : String(v).trim() || undefined));

const matching = (pattern: RegExp, message: string) => optionalText.refine((v) => v === undefined || pattern.test(v), message);

/** The docs give no format for custom invoice ids; they go into URL paths, escaped. */
export const optionalCustomInvoiceId = optionalText.pipe(pathSegment().optional());
export const customInvoiceId = pathSegment();

/** International form the API documents (+YYXXXXXXXXX). */
export const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;
export const PHONE_MESSAGE = 'must be in the form +CCNNNNNNN: a plus, the country code and the number, digits only (e.g. +46701234567)';
export const phone = matching(PHONE_PATTERN, PHONE_MESSAGE);
export const requiredPhone = requiredText.refine((v) => PHONE_PATTERN.test(v), PHONE_MESSAGE);
export const email = matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address');
export const ssn = matching(/^\d{12}$/, 'must be 12 digits, YYYYMMDDCCCC');
export const senderName = matching(/^[a-zA-Z0-9 ]{1,11}$/, 'must be at most 11 characters of a-z, A-Z, 0-9 and space');
/** The docs: "Must be naked domain for sms to be delivered" (example.com, no scheme, path or www). */
export const nakedDomain = matching(/^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a naked domain such as example.com (no https://, www. or path)');
export const swift = optionalText
	.transform((v) => v?.toUpperCase())
	.refine((v) => v === undefined || /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v), 'must be a SWIFT/BIC code of 8 or 11 characters');

/** IBAN without spaces, upper case, with a valid ISO 13616 check (mod 97). */
export const iban = optionalText
	.transform((v) => v?.replace(/\s+/g, '').toUpperCase())
	.refine((v) => v === undefined || (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v) && ibanChecksumOk(v)), 'must be a valid IBAN (check digits do not match)');

function ibanChecksumOk(value: string): boolean {
	const digits = (value.slice(4) + value.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
	let remainder = 0;
	for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

