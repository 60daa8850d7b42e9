import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optional, recordId } from '../../fields';
import { answerFields, findInList, pick, send } from '../customer/common';
import { LEDGER_FIELDS, LEDGER_PATH, ledgerIdProperty, name, nameProperty, optionalLedgerProperties, optionalLedgerSchema } from './fields';
import { getAllOperation } from '../../helpers';

export const listLedgerNumbers = getAllOperation('Get many ledger numbers', 'List the ledger numbers of the company. Returns one item per ledger number with its ID, number and name.', LEDGER_PATH);

export const createLedgerNumber = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a ledger number',
	description: 'Add a ledger number (e.g. 8000 Revenue) for invoice lines and products. Returns the new ledger number as TheNextInvoice answers it.',
	properties: [nameProperty, { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, options: optionalLedgerProperties }],
	schema: z.object({ name, additionalFields: z.object(optionalLedgerSchema).default({}) }).transform(({ additionalFields, ...fields }) => ({ ...fields, ...compact(additionalFields) })),
	request: (body) => ({ method: 'POST', path: LEDGER_PATH, body }),
});

/** PUT replaces the record, so the node fills the fields not given from the current ledger number. */
export const updateLedgerNumber = defineOperation<{ ledgerId: string; updateFields: IDataObject }>({
	value: 'update',
	name: 'Update',
	action: 'Update a ledger number',
	description: 'Change the given fields of a ledger number; the others keep their values. Returns the ledger number ID with its fields after the change.',
	properties: [
		ledgerIdProperty,
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add field', default: {}, options: [...optionalLedgerProperties, { ...nameProperty, required: false }] },
	],
	schema: z.object({
		ledgerId: recordId,
		updateFields: z
			.object({ name: optional(name), ...optionalLedgerSchema })
			.default({})
			.transform((fields) => compact(fields as IDataObject))
			.refine((fields) => Object.keys(fields).length > 0, 'add at least one field to change'),
	}),
	run: async (run) => {
		const { ledgerId, updateFields } = run.input;
		const current = await findInList(run, LEDGER_PATH, ledgerId);
		const body = { ...pick(current, LEDGER_FIELDS), ...updateFields };
		return { id: Number(ledgerId), ...body, ...answerFields(await send(run, { method: 'PUT', path: `${LEDGER_PATH}/${ledgerId}`, body })) };
	},
});

/** Documented shape: DELETE /settings/ledgernumbers?id={id} (the id in the query, not the path). */
export const deleteLedgerNumber = defineOperation<{ ledgerId: string }>({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a ledger number',
	description: 'Remove a ledger number by its ID. Returns ledgerId and deleted: true.',
	properties: [ledgerIdProperty],
	schema: z.object({ ledgerId: recordId }),
	request: ({ ledgerId }) => ({ method: 'DELETE', path: LEDGER_PATH, qs: { id: ledgerId } }),
	output: (answer, { ledgerId }) => ({ ledgerId: Number(ledgerId), deleted: true, ...answerFields(answer) }),
});
