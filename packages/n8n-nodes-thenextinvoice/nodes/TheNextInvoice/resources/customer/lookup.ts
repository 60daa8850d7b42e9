import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { countryCode } from './fields';
import { requestOrNotFound } from './common';

/** Looks a company up by VAT number; "not found" is an answer ({ found: false }), not an error. */
export const checkCustomerVat = defineOperation<{ countryCode: string; vatNumber: string }>({
	value: 'checkVat',
	name: 'Check VAT Number',
	action: 'Look up a company by VAT number',
	description: 'Verify a VAT number such as NL123456789B01. Returns the registered name and address, or found: false when the number is not known.',
	properties: [
		{ displayName: 'Country Code', name: 'countryCode', type: 'string', default: 'NL', required: true, description: 'Two-letter country code of the VAT number, e.g. NL' },
		{ displayName: 'VAT Number', name: 'vatNumber', type: 'string', default: '', required: true, placeholder: '857494454B01', description: 'The VAT number; a leading country code, spaces and dots are removed' },
	],
	schema: z
		.object({ countryCode, vatNumber: z.string().transform((v) => v.replace(/[\s.-]/g, '').toUpperCase()) })
		// The API wants the number without its country prefix ("NL857494454B01" → "857494454B01").
		.transform(({ countryCode: country, vatNumber }) => ({ countryCode: country, vatNumber: vatNumber.startsWith(country) ? vatNumber.slice(2) : vatNumber }))
		.refine(({ vatNumber }) => /^[A-Z0-9]{2,13}$/.test(vatNumber), { message: 'must be a VAT number such as 857494454B01', path: ['vatNumber'] }),
	run: async (run) =>
		await requestOrNotFound(run, { method: 'GET', path: '/customer/checkvat', qs: { countryCode: run.input.countryCode, vatNumber: run.input.vatNumber } }, {
			countryCode: run.input.countryCode,
			vatNumber: run.input.vatNumber,
		}),
});

export const checkCustomerCoc = defineOperation<{ searchBy: 'number' | 'name'; number?: string; name?: string }>({
	value: 'checkCoc',
	name: 'Check Chamber of Commerce',
	action: 'Look up a company in the Chamber of Commerce',
	description: 'Find a Dutch company in the KvK (Chamber of Commerce) register by its 8-digit number or its name. Returns the company details, or found: false when there is none.',
	properties: [
		{
			displayName: 'Search By',
			name: 'searchBy',
			type: 'options',
			options: [
				{ name: 'CoC Number', value: 'number' },
				{ name: 'Company Name', value: 'name' },
			],
			default: 'number',
		},
		{ displayName: 'CoC Number', name: 'number', type: 'string', default: '', required: true, placeholder: '12345678', description: 'The 8-digit KvK number', displayOptions: { show: { searchBy: ['number'] } } },
		{ displayName: 'Company Name', name: 'name', type: 'string', default: '', required: true, displayOptions: { show: { searchBy: ['name'] } } },
	],
	schema: z.discriminatedUnion('searchBy', [
		z.object({ searchBy: z.literal('number'), number: z.string().transform((v) => v.replace(/\s+/g, '')).pipe(z.string().regex(/^\d{8}$/, 'must be 8 digits')) }),
		z.object({ searchBy: z.literal('name'), name: z.string().trim().min(1, 'must not be empty') }),
	]),
	run: async (run) => {
		const qs = run.input.searchBy === 'number' ? { number: run.input.number } : { name: run.input.name };
		return await requestOrNotFound(run, { method: 'GET', path: '/customer/checkcoc', qs }, { ...qs });
	},
});
