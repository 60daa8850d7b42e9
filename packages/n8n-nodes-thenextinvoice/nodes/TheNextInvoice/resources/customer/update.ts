import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optional, recordId } from '../../fields';
import { send } from './common';
import {
	customerBodyFromRecord,
	customerIdProperty,
	optionalCustomerProperties,
	optionalCustomerSchema,
	requiredCustomerProperties,
	requiredCustomerSchema,
} from './fields';

/** The same parameter, not required (an update changes only the fields given). */
function notRequired(property: INodeProperties): INodeProperties {
	const copy = { ...property };
	delete copy.required;
	return copy;
}

/** Every customer field, none required, alphabetical. */
const updateFieldOptions: INodeProperties[] = [
	...requiredCustomerProperties.map(notRequired),
	...optionalCustomerProperties,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const updateSchema = Object.fromEntries(Object.entries(requiredCustomerSchema).map(([key, schema]) => [key, optional(schema)])) as {
	[K in keyof typeof requiredCustomerSchema]: z.ZodEffects<z.ZodOptional<(typeof requiredCustomerSchema)[K]>>;
};

/**
 * PUT /customer/{id} replaces the customer: fields that are not sent go back to their defaults. So the
 * node reads the customer first and sends it back with the given fields changed.
 */
export const updateCustomer = defineOperation<{ customerId: string; updateFields: IDataObject }>({
	value: 'update',
	name: 'Update',
	action: 'Update a customer',
	description: 'Change the given fields of a customer; the others keep their values (the node reads the customer, then sends it back whole). Returns the customer after the change.',
	properties: [
		customerIdProperty,
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add field', default: {}, options: updateFieldOptions },
	],
	schema: z.object({
		customerId: recordId,
		updateFields: z
			.object({ ...updateSchema, ...optionalCustomerSchema })
			.default({})
			.transform((fields) => compact(fields as IDataObject))
			.refine((fields) => Object.keys(fields).length > 0, 'add at least one field to change'),
	}),
	run: async (run) => {
		const { customerId, updateFields } = run.input;
		const current = (await send(run, { method: 'GET', path: `/customer/${customerId}` })) as IDataObject;
		const body = { ...customerBodyFromRecord(current ?? {}), ...updateFields };
		const answer = await send(run, { method: 'PUT', path: `/customer/${customerId}`, body });
		return { id: Number(customerId), ...body, ...(answer && typeof answer === 'object' ? (answer as IDataObject) : {}) };
	},
});
