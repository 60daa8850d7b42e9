import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optional, recordId } from '../../fields';
import { answerFields, findInList, pick, send } from '../customer/common';
import { code, codeProperty, factor, factorProperty, name, nameProperty, typeProperty, VAT_FIELDS, VAT_PATH, vatIdProperty, vatType } from './fields';

export const listVatCodes = defineOperation<{ rateFormat: 'factor' | 'percentage' }>({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many VAT codes',
	description: 'List the VAT codes of the company. Returns one item per code with its ID, name and rate as a factor (1.21) or a percentage (21).',
	properties: [
		{
			displayName: 'Rate As',
			name: 'rateFormat',
			type: 'options',
			options: [
				{ name: 'Factor (1.21)', value: 'factor', description: 'GET /settings/vatcodes' },
				{ name: 'Percentage (21)', value: 'percentage', description: 'GET /vatcodes' },
			],
			default: 'factor',
			description: 'How the "factor" field of each VAT code gives the rate',
		},
	],
	schema: z.object({ rateFormat: z.enum(['factor', 'percentage']).default('factor') }),
	list: ({ rateFormat }) => ({ request: { method: 'GET', path: rateFormat === 'percentage' ? '/vatcodes' : VAT_PATH }, pagination: { style: 'none' } }),
});

export const createVatCode = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a VAT code',
	description: 'Add a VAT code with its name and rate. Returns the new VAT code as TheNextInvoice answers it.',
	properties: [nameProperty, factorProperty, typeProperty, { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, options: [codeProperty] }],
	schema: z
		.object({ name, factor, type: vatType, additionalFields: z.object({ code }).default({}) })
		.transform(({ additionalFields, ...fields }) => ({ ...fields, ...compact(additionalFields) })),
	request: (body) => ({ method: 'POST', path: VAT_PATH, body }),
});

/** PUT replaces the record, so the node fills the fields not given from the current VAT code. */
export const updateVatCode = defineOperation<{ vatCodeId: string; updateFields: IDataObject }>({
	value: 'update',
	name: 'Update',
	action: 'Update a VAT code',
	description: 'Change the given fields of a VAT code; the others keep their values. Returns the VAT code ID with its fields after the change.',
	properties: [
		vatIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [codeProperty, { ...factorProperty, required: false }, { ...nameProperty, required: false }, { ...typeProperty, required: false }],
		},
	],
	schema: z.object({
		vatCodeId: recordId,
		updateFields: z
			.object({ code, factor: factor.optional(), name: optional(name), type: optional(vatType) })
			.default({})
			.transform((fields) => compact(fields as IDataObject))
			.refine((fields) => Object.keys(fields).length > 0, 'add at least one field to change'),
	}),
	run: async (run) => {
		const { vatCodeId, updateFields } = run.input;
		const current = await findInList(run, VAT_PATH, vatCodeId);
		const body = { ...pick(current, VAT_FIELDS), ...updateFields };
		return { id: Number(vatCodeId), ...body, ...answerFields(await send(run, { method: 'PUT', path: `${VAT_PATH}/${vatCodeId}`, body })) };
	},
});

export const deleteVatCode = defineOperation<{ vatCodeId: string }>({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a VAT code',
	description: 'Remove a VAT code by its ID. Returns vatCodeId and deleted: true.',
	properties: [vatIdProperty],
	schema: z.object({ vatCodeId: recordId }),
	request: ({ vatCodeId }) => ({ method: 'DELETE', path: `${VAT_PATH}/${vatCodeId}` }),
	output: (answer, { vatCodeId }) => ({ vatCodeId: Number(vatCodeId), deleted: true, ...answerFields(answer) }),
});
