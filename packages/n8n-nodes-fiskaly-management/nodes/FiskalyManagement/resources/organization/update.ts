import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { compact, countryCode, metadataProperty, metadataSchema, optional, organizationLocator, text, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import {
	billingOptionsProperty,
	billingOptionsSchema,
	organizationAddressFields,
	organizationDetailFields,
	organizationDetailSchema,
	organizationName,
} from './fields';

export const updateOrganization = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an organization',
	description: 'Change fields of an organization by its UUID; only the fields given change. Returns the updated organization.',
	properties: [
		organizationLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
				...organizationAddressFields(false),
				...organizationDetailFields,
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		billingOptionsProperty,
		metadataProperty,
	],
	schema: z
		.object({
			organizationId: uuid,
			updateFields: z
				.object({
					name: optional(organizationName),
					address_line1: optional(text),
					zip: optional(text),
					town: optional(text),
					country_code: optional(countryCode),
					...organizationDetailSchema,
				})
				.default({}),
			billing_options: billingOptionsSchema,
			metadata: metadataSchema,
		})
		.refine((input) => Object.values(compact({ ...input.updateFields, b: input.billing_options, m: input.metadata })).length > 0, {
			message: 'add at least one field to change',
			path: ['updateFields'],
		}),
	request: ({ organizationId, updateFields, billing_options, metadata }) => ({
		method: 'PATCH',
		path: `/organizations/${organizationId}`,
		body: compact({ ...compact(updateFields), billing_options, metadata }),
		// PATCH sets absolute values here, so sending it twice leaves the same state.
		idempotent: true,
	}),
});
