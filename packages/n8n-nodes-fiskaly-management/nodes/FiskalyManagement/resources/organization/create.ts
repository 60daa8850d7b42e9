import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact, metadataProperty, metadataSchema, offsetPages } from '../../fields';
import { defineOperation, fetchList } from '@n8n-nodes-eu-finance/shared/operations';
import type { OperationRun } from '@n8n-nodes-eu-finance/shared/operations';
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

/**
 * The organization that carries this creation key in its metadata, if any. fiskaly cannot filter by metadata, so a
 * list is read, narrowed by the documented filters as production clients do: a managed organization among the
 * managing organization's MANAGED_ORGANIZATIONs, any other among the ORGANIZATIONs; 5,000 a page (the maximum).
 * fiskaly does not keep the key unique: should two carry it (a create that landed after its repeat), the first
 * listed is the one, and the others are named in `otherOrganizationsWithCreationKey` instead of being hidden.
 */
async function findByCreationKey(
	creationKey: string,
	managedBy: unknown,
	{ context, api, itemIndex, settings }: OperationRun<unknown>,
): Promise<IDataObject | undefined> {
	const qs: IDataObject = managedBy ? { type: 'MANAGED_ORGANIZATION', managed_by_organization_id: String(managedBy) } : { type: 'ORGANIZATION' };
	const organizations = await fetchList(context, api, { request: { method: 'GET', path: '/organizations', qs }, pagination: offsetPages(5000) }, { itemIndex, settings });
	const [first, ...others] = organizations.filter((organization) => (organization.metadata as IDataObject | undefined)?.[CREATION_MARKER_FIELD] === creationKey);
	return first && others.length ? { ...first, otherOrganizationsWithCreationKey: others.map((organization) => organization._id) } : first;
}

export const createOrganization = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an organization',
	description: 'Create an organization, or a managed organization when "Managed By Organization ID" is set (address with an ISO 3166 alpha-3 country code such as DEU). Returns the new organization with its UUID (_id).',
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
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. customer-4711',
			description:
				'Any text naming this organization (e.g. your customer number). fiskaly has no idempotency key of its own: the node stores this one in the organization\'s metadata (n8n_creation_key) and, before creating, looks for an organization that carries it; found, that one is returned and nothing is created. Give one when the same organization may be asked for again later (a failed execution re-run, an AI agent retrying). Empty: a new key per item, so only retries within one run are safe. Needs one free metadata slot (of 20).',
		},
	],
	schema: z.object({
		name: organizationName,
		...organizationAddressSchema,
		additionalFields: z.object(organizationDetailSchema).default({}),
		billing_options: billingOptionsSchema,
		metadata: metadataSchema,
		idempotencyKey: z.string().trim().max(500, 'at most 500 characters (a fiskaly metadata value)').optional(),
	}),
	// fiskaly has no idempotency key for organizations. Each new one carries a creation key in its metadata (when
	// the user left a metadata slot free), so a create whose answer was lost can be found instead of reported unknown.
	request: ({ additionalFields, metadata, idempotencyKey, ...fields }, tools) => ({
		method: 'POST',
		path: '/organizations',
		body: compact({ ...fields, ...compact(additionalFields), metadata: withCreationKey(metadata, idempotencyKey || tools.uuid()) }),
	}),
	existing: async ({ idempotencyKey, additionalFields }, run) =>
		idempotencyKey ? await findByCreationKey(idempotencyKey, additionalFields.managed_by_organization_id, run as OperationRun<unknown>) : undefined,
	recover: async (_input, run, sent) => {
		const creationMarker = ((sent.body as IDataObject).metadata as IDataObject | undefined)?.[CREATION_MARKER_FIELD];
		if (!creationMarker) throw new Error('no creation key to look the organization up by');
		// Not found: the runner looks again after the settle delay (a create that timed out may still land), and only
		// then sends the same body, with the same creation key, once more.
		return await findByCreationKey(String(creationMarker), (sent.body as IDataObject).managed_by_organization_id, run as OperationRun<unknown>);
	},
});
