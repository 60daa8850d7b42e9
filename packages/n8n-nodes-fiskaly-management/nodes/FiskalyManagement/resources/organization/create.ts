import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact, metadataProperty, metadataSchema, offsetPages } from '../../fields';
import { defineOperation, fetchList } from '@n8n-nodes-eu-finance/shared/operations';
import {
	billingOptionsProperty,
	billingOptionsSchema,
	organizationAddressFields,
	organizationAddressSchema,
	organizationDetailFields,
	organizationDetailSchema,
	organizationName,
} from './fields';

/** Metadata key of the per-item creation key (stable across retries of one item). */
export const CREATION_MARKER_FIELD = 'n8n_creation_key';
const MAX_METADATA_KEYS = 20;

function withCreationKey(metadata: Record<string, string> | undefined, creationMarker: string): Record<string, string> | undefined {
	if (metadata && (CREATION_MARKER_FIELD in metadata || Object.keys(metadata).length >= MAX_METADATA_KEYS)) return metadata;
	return { ...metadata, [CREATION_MARKER_FIELD]: creationMarker };
}

export const createOrganization = defineOperation({
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
	// fiskaly has no idempotency key for organizations. Each new one carries a creation key in its metadata (when
	// the user left a metadata slot free), so a create whose answer was lost can be found instead of reported unknown.
	request: ({ additionalFields, metadata, ...fields }, tools) => ({
		method: 'POST',
		path: '/organizations',
		body: compact({ ...fields, ...compact(additionalFields), metadata: withCreationKey(metadata, tools.uuid()) }),
	}),
	recover: async (_input, { context, api, itemIndex, settings }, sent) => {
		const creationMarker = ((sent.body as IDataObject).metadata as IDataObject | undefined)?.[CREATION_MARKER_FIELD];
		if (!creationMarker) throw new Error('no creation key to look the organization up by');
		const organizations = await fetchList(context, api, { request: { method: 'GET', path: '/organizations' }, pagination: offsetPages(5000) }, { itemIndex, settings });
		const found = organizations.find((organization) => (organization.metadata as IDataObject | undefined)?.[CREATION_MARKER_FIELD] === creationMarker);
		// Not found is no proof: names are not unique, and a first attempt that timed out may still land. Only a found
		// organization settles it; otherwise the outcome stays unknown (never a second create).
		if (!found) throw new Error('not found (yet)');
		return found;
	},
});
