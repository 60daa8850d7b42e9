import { z } from 'zod';

import { compact, countryCode, metadataProperty, metadataSchema, optional, text, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { billingAddressIdProperty, billingAddressOptionalFields, billingAddressOptionalSchema, billingAddressRequiredFields } from './fields';

export const updateBillingAddress = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a billing address',
	description: 'Change fields of a billing address by its UUID; only the fields given change. Returns the updated address.',
	properties: [
		billingAddressIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [...billingAddressRequiredFields(false), ...billingAddressOptionalFields].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		},
		metadataProperty,
	],
	schema: z
		.object({
			addressId: uuid,
			updateFields: z
				.object({
					recipient: optional(text),
					address_line1: optional(text),
					zip: optional(text),
					town: optional(text),
					country_code: optional(countryCode),
					...billingAddressOptionalSchema,
				})
				.default({}),
			metadata: metadataSchema,
		})
		.refine((input) => Object.keys(compact(input.updateFields)).length > 0 || input.metadata !== undefined, {
			message: 'add at least one field to change',
			path: ['updateFields'],
		}),
	request: ({ addressId, updateFields, metadata }) => ({
		method: 'PATCH',
		path: `/billing-addresses/${addressId}`,
		body: compact({ ...compact(updateFields), metadata }),
		// Absolute values: repeating the PATCH leaves the same state.
		idempotent: true,
	}),
});
