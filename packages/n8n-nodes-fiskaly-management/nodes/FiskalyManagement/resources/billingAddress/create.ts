import { z } from 'zod';

import { compact, countryCode, metadataProperty, metadataSchema, text } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { billingAddressOptionalFields, billingAddressOptionalSchema, billingAddressRequiredFields, recipient } from './fields';

export const createBillingAddress = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a billing address',
	description: 'Create a billing address (recipient, street, ZIP, town, ISO 3166 alpha-3 country code such as DEU). Returns the new address with its UUID.',
	properties: [
		...billingAddressRequiredFields(true),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: billingAddressOptionalFields,
		},
		metadataProperty,
	],
	schema: z.object({
		recipient,
		address_line1: text,
		zip: text,
		town: text,
		country_code: countryCode,
		additionalFields: z.object(billingAddressOptionalSchema).default({}),
		metadata: metadataSchema,
	}),
	request: ({ additionalFields, ...fields }) => ({
		method: 'POST',
		path: '/billing-addresses',
		body: compact({ ...fields, ...compact(additionalFields) }),
	}),
});
