import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { compact, optional, recordLocator } from '../../fields';

/** A customer: searched by name in the list, or given by ID. */
export const customerLocator = (displayName = 'Customer', name = 'customerId', description?: string): INodeProperties =>
	recordLocator(displayName, name, 'searchCustomers', { description });

export const customerIdProperty = customerLocator();

const text = z.string().trim().min(1, 'must not be empty');
export const email = z.string().trim().email('must be an e-mail address such as name@example.com');
export const countryCode = z
	.string()
	.trim()
	.toUpperCase()
	.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as NL');

/** IBAN: country, check digits and up to 30 characters; the mod-97 check catches typos. */
export const iban = z
	.string()
	.transform((value) => value.replace(/\s+/g, '').toUpperCase())
	.refine((value) => /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value), 'must be an IBAN such as NL91ABNA0417164300')
	.refine((value) => ibanChecksumOk(value), 'is not a valid IBAN (check digits do not match)');

function ibanChecksumOk(value: string): boolean {
	const digits = (value.slice(4) + value.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
	let rest = 0;
	for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
	return rest === 1;
}

export const INVOICE_LANGUAGES = [
	{ name: 'Dutch', value: 'nl' },
	{ name: 'English', value: 'en' },
	{ name: 'French', value: 'fr' },
	{ name: 'German', value: 'de' },
];

/** The fields Create Customer requires (top-level parameters). */
export const requiredCustomerProperties: INodeProperties[] = [
	{ displayName: 'Name', name: 'companyname', type: 'string', default: '', required: true, description: 'Company name, or the full name of a person' },
	{ displayName: 'Is Person', name: 'person', type: 'boolean', default: false, description: 'Whether the customer is a person (true) or a company (false)' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true, description: 'Where invoices are sent' },
	{ displayName: 'Address', name: 'address', type: 'string', default: '', required: true, description: 'Street and house number' },
	{ displayName: 'Postal Code', name: 'postalcode', type: 'string', default: '', required: true },
	{ displayName: 'City', name: 'city', type: 'string', default: '', required: true },
	{ displayName: 'Country Code', name: 'country', type: 'string', default: 'NL', required: true, description: 'Two-letter ISO 3166-1 code, e.g. NL, BE, DE' },
];

/** The optional customer fields (alphabetical by display name). */
export const optionalCustomerProperties: INodeProperties[] = [
	{ displayName: 'CC Email', name: 'ccaddress', type: 'string', placeholder: 'name@email.com', default: '', description: 'Copy of every invoice goes here' },
	{ displayName: 'Contact Name', name: 'companycontact', type: 'string', default: '', description: 'Contact person (when the customer is not a person)' },
	{ displayName: 'Debtor Number', name: 'debnumber', type: 'string', default: '' },
	{ displayName: 'IBAN', name: 'iban', type: 'string', default: '', description: 'Bank account, checked for a valid IBAN' },
	{ displayName: 'Invoice Currency', name: 'option_currency', type: 'string', default: '', placeholder: 'EUR', description: 'Custom currency for this customer\'s invoices (3-letter code)' },
	{ displayName: 'Invoice Expiration (Days)', name: 'option_expiration', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Custom expiration time for this customer\'s invoices' },
	{ displayName: 'Invoice Extra Text', name: 'option_extratext', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Custom extra text on this customer\'s invoices' },
	{ displayName: 'Invoice Extra Text (Bottom)', name: 'option_extratextbottom', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Custom extra text at the bottom of this customer\'s invoices' },
	{ displayName: 'Invoice Language', name: 'option_language', type: 'options', options: INVOICE_LANGUAGES, default: 'nl', description: 'Custom language for this customer\'s invoices' },
	{ displayName: 'Optional Field 1', name: 'optionalfield_1', type: 'string', default: '' },
	{ displayName: 'Optional Field 2', name: 'optionalfield_2', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'VAT Number', name: 'vatnumber', type: 'string', default: '', placeholder: 'NL857494454B01' },
];

export const additionalCustomerFieldsProperty: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add field',
	default: {},
	options: optionalCustomerProperties,
};

export const requiredCustomerSchema = {
	companyname: text,
	person: z.boolean(),
	email,
	address: text,
	postalcode: text,
	city: text,
	country: countryCode,
};

export const optionalCustomerSchema = {
	ccaddress: optional(email),
	companycontact: optional(z.string()),
	debnumber: optional(z.string()),
	iban: optional(iban),
	option_currency: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as EUR')),
	// 0 from the UI means "no custom expiration".
	option_expiration: z.preprocess((v) => (v === 0 || v === '' || v === null ? undefined : v), z.number().int('must be a whole number of days').positive().optional()),
	option_extratext: optional(z.string()),
	option_extratextbottom: optional(z.string()),
	option_language: optional(z.string()),
	optionalfield_1: optional(z.string()),
	optionalfield_2: optional(z.string()),
	phone: optional(z.string()),
	vatnumber: optional(z.string().transform((v) => v.replace(/[\s.]/g, '').toUpperCase())),
};

/** The documented customer fields; a customer object as Create Customer takes it. */
export const CUSTOMER_FIELDS = [...Object.keys(requiredCustomerSchema), ...Object.keys(optionalCustomerSchema)];

/** One full customer (as Create Customer and Import take it); unknown keys are refused so typos show. */
export const customerObjectSchema = z
	.object({ ...requiredCustomerSchema, ...optionalCustomerSchema })
	.strict()
	.transform((customer) => compact(customer as IDataObject));

/** A stored customer (GET answer: ids, booleans and numbers as strings) turned back into a request body. */
export function customerBodyFromRecord(record: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const field of CUSTOMER_FIELDS) {
		const value = record[field];
		if (value === undefined || value === null) continue;
		if (field === 'person') body.person = value === true || value === 1 || value === '1' || value === 'true';
		else if (field === 'option_expiration') body[field] = Number(value);
		else body[field] = value;
	}
	return body;
}
