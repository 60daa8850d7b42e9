import { z } from 'zod';

import { compact, metadataProperty, metadataSchema } from '../../fields';
import type { OperationDescriptor } from '../../../shared/operations';
import {
	billingOptionsProperty,
	billingOptionsSchema,
	organizationAddressFields,
	organizationAddressSchema,
	organizationDetailFields,
	organizationDetailSchema,
	organizationName,
} from './fields';

export const createOrganization: OperationDescriptor = {
	value: 'create',
	name: 'Create',
	action: 'Create an organization',
	description: 'Create an organization, or a managed organization when "Managed By Organization ID" is set',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'At least 3 characters' },
		...organizationAddressFields(true),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: organizationDetailFields,
		},
		billingOptionsProperty,
		metadataProperty,
	],
	schema: z.object({
		name: organizationName,
		...organizationAddressSchema,
		additionalFields: z.object(organizationDetailSchema).default({}),
		billing_options: billingOptionsSchema,
		metadata: metadataSchema,
	}),
	// Not idempotent: fiskaly has no idempotency key for organizations, so an unknown outcome is reported, not retried.
	request: ({ additionalFields, ...fields }) => ({
		method: 'POST',
		path: '/organizations',
		body: compact({ ...fields, ...compact(additionalFields) }),
	}),
};
