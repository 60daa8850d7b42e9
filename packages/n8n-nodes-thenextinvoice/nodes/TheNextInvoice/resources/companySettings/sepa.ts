import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { optional } from '../../fields';
import { answerFields, getSetting, mergeAndPut, send, someFields, updateFieldsProperty } from './common';

const PATH = '/settings/sepa';
const SEPA_FIELDS = ['creditor_name', 'iban', 'creditor_identifier'] as const;

/** ISO 13616 check digits (mod 97), so a mistyped IBAN is caught before anything is sent. */
export function isValidIban(value: string): boolean {
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value)) return false;
	const digits = (value.slice(4) + value.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
	let remainder = 0;
	for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

const normalised = z.string().transform((v) => v.replace(/\s+/g, '').toUpperCase());

export const getSepaCreditor = getSetting('getSepaCreditor', 'Get SEPA Creditor', 'Get the SEPA creditor settings', 'Read the SEPA creditor settings used for direct-debit batches. Returns the creditor name, IBAN and creditor identifier.', PATH);

/**
 * TheNextInvoice validates the three values together (all set, or all empty): the fields not given keep
 * their current values.
 */
export const updateSepaCreditor = defineOperation<{ updateFields: IDataObject }>({
	value: 'updateSepaCreditor',
	name: 'Update SEPA Creditor',
	action: 'Update the SEPA creditor settings',
	description: 'Change the SEPA creditor name, IBAN and/or creditor identifier; the others keep their values. Returns the settings after the change.',
	properties: [
		updateFieldsProperty([
			{ displayName: 'Creditor Identifier', name: 'creditor_identifier', type: 'string', default: '', placeholder: 'NL98ZZZ999999990000', description: 'SEPA creditor identifier' },
			{ displayName: 'Creditor Name', name: 'creditor_name', type: 'string', default: '', description: 'Up to 70 characters' },
			{ displayName: 'IBAN', name: 'iban', type: 'string', default: '', placeholder: 'NL91ABNA0417164300', description: 'Creditor IBAN' },
		]),
	],
	schema: z.object({
		updateFields: someFields({
			creditor_name: optional(z.string().trim().max(70, 'must be at most 70 characters')),
			iban: optional(normalised.refine(isValidIban, 'is not a valid IBAN (check digits do not match)')),
			creditor_identifier: optional(
				normalised.refine((v) => /^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(v), 'must look like NL98ZZZ999999990000 (country, check digits, business code, national ID)'),
			),
		}),
	}),
	run: async (run) => await mergeAndPut(run, PATH, PATH, SEPA_FIELDS, run.input.updateFields),
});

/** All three empty: the documented way to remove the creditor settings. */
export const clearSepaCreditor = defineOperation<Record<string, never>>({
	value: 'clearSepaCreditor',
	name: 'Clear SEPA Creditor',
	action: 'Clear the SEPA creditor settings',
	description: 'Remove the SEPA creditor name, IBAN and creditor identifier of the company. Returns the cleared settings.',
	properties: [],
	schema: z.object({}),
	run: async (run) => {
		const body = { creditor_name: '', iban: '', creditor_identifier: '' };
		return { ...body, ...answerFields(await send(run, { method: 'PUT', path: PATH, body })) };
	},
});
