import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { optional } from '../../fields';
import { enabledSetting, getSetting, mergeAndPut, putSetting, someFields, text, updateFieldsProperty } from './common';

/* Numbering, debit ledger, payment-page messages and Peppol: one record per company, GET and PUT. */

export const getNumbering = getSetting('getNumbering', 'Get Numbering', 'Get the next invoice and quotation numbers', 'Read the numbers the next invoice and the next quotation will get. Returns both numbers.', '/settings/numbers');

export const updateNumbering = putSetting(
	'updateNumbering',
	'Update Numbering',
	'Update the next invoice and quotation numbers',
	'Set the number the next invoice and/or quotation gets. Returns the numbers sent with the answer.',
	'/settings/numbers',
	[
		updateFieldsProperty([
			{ displayName: 'Next Invoice Number', name: 'invoice', type: 'string', default: '', placeholder: '202600001' },
			{ displayName: 'Next Quotation Number', name: 'quotation', type: 'string', default: '', placeholder: '00001' },
		]),
	],
	z.object({ updateFields: someFields({ invoice: optional(text), quotation: optional(text) }) }).transform(({ updateFields }) => updateFields),
);

export const getDebitLedger = getSetting(
	'getDebitLedger',
	'Get Debit Ledger',
	'Get the debit ledger number',
	'Read the debit (accounts-receivable) ledger number used for bookkeeping. Returns the ledger number.',
	'/settings/ledgernumberdebit',
);

export const updateDebitLedger = putSetting(
	'updateDebitLedger',
	'Update Debit Ledger',
	'Update the debit ledger number',
	'Set the debit (accounts-receivable) ledger number used for bookkeeping, e.g. 1300. Returns the number sent with the answer.',
	'/settings/ledgernumberdebit',
	[{ displayName: 'Ledger Number', name: 'ledgerNumber', type: 'number', default: 1000, required: true, description: 'Debit ledger number, e.g. 1300' }],
	z.object({ ledgerNumber: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').positive('must be positive') }),
);

export const getPaymentMessages = getSetting(
	'getPaymentMessages',
	'Get Payment Messages',
	'Get the payment page messages',
	'Read the messages of the payment landing page. Returns the payment page message and the message shown after payment.',
	'/settings/payment',
);

const PAYMENT_FIELDS = ['message', 'success_message'] as const;

/** Both messages are required by the PUT: the one not given keeps its current value. */
export const updatePaymentMessages = defineOperation<{ updateFields: IDataObject }>({
	value: 'updatePaymentMessages',
	name: 'Update Payment Messages',
	action: 'Update the payment page messages',
	description: 'Change the payment page message and/or the message shown after payment; the other keeps its value. Returns both messages after the change.',
	properties: [
		updateFieldsProperty([
			{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Payment page message; placeholders such as {invoicenumber} are filled in' },
			{ displayName: 'Success Message', name: 'success_message', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Message shown after payment' },
		]),
	],
	schema: z.object({ updateFields: someFields({ message: optional(text), success_message: optional(text) }) }),
	run: async (run) => await mergeAndPut(run, '/settings/payment', '/settings/payment', PAYMENT_FIELDS, run.input.updateFields),
});

export const getPeppol = getSetting('getPeppol', 'Get Peppol Settings', 'Get the Peppol settings', 'Check whether sending over Peppol is enabled for the company. Returns enabled: true or false.', '/settings/peppol');

export const updatePeppol = enabledSetting('updatePeppol', 'Update Peppol Settings', 'Peppol', 'Enable or disable sending invoices over the Peppol network. Returns enabled as sent with the answer.', '/settings/peppol');
