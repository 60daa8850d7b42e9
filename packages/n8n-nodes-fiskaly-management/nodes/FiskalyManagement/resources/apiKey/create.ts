import { z } from 'zod';

import { metadataProperty, metadataSchema, offsetPages, optional, optionalUuid, organizationLocator, uuid } from '../../fields';
import { defineOperation, fetchList, type OperationRun } from '@n8n-nodes-eu-finance/shared/operations';
import { refusedWith } from '@n8n-nodes-eu-finance/shared/stateChange';
import { apiKeyStatus, apiKeyStatusProperty, withoutSecret } from './fields';

/** The organization's API key of this name (names are unique within an organization). */
async function keyNamed({ organizationId, name }: { organizationId: string; name: string }, { context, api, itemIndex, settings }: OperationRun<unknown>) {
	const keys = await fetchList(context, api, { request: { method: 'GET', path: `/organizations/${organizationId}/api-keys` }, pagination: offsetPages(100) }, { itemIndex, settings });
	return keys.find((key) => key.name === name);
}

export const createApiKey = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an API key',
	description:
		'Create an API key for an organization (name: 3 to 30 lower-case letters, digits and hyphens), or a managed API key for a managed organization when "Managed By Organization" is set. Returns the key with its ID, name and status; its secret only when Include Secret is on.',
	properties: [
		organizationLocator(),
		{
			...organizationLocator('Managed By Organization', 'managedByOrganizationId'),
			required: false,
			description:
				'For a managed organization: the organization that manages it (your own, for a platform that onboards merchants). Sent as managed_by_organization_id, which makes a managed API key. fiskaly\'s reference lists this field only in its changelog (0.2.0, "separate body for API keys and managed API keys"); production clients send it. Empty: a plain API key.',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'erp-integration',
			description: '3 to 30 characters: lower-case letters, digits and hyphens',
		},
		apiKeyStatusProperty('enabled'),
		metadataProperty,
		{
			displayName: 'Include Secret in Output',
			name: 'includeSecret',
			type: 'boolean',
			default: false,
			description:
				'Whether to pass the new key\'s secret to the next node. fiskaly shows it only once, at creation; leave it off unless the next node stores it safely.',
		},
	],
	schema: z.object({
		organizationId: uuid,
		managedByOrganizationId: optional(optionalUuid),
		name: z.string().regex(/^[a-z0-9-]{3,30}$/, 'must be 3 to 30 characters of a-z, 0-9 and "-"'),
		status: apiKeyStatus,
		metadata: metadataSchema,
		includeSecret: z.boolean().default(false),
	}),
	// A duplicate name answers 409, so a create can never silently make two keys of one name.
	request: ({ organizationId, managedByOrganizationId, name, status, metadata }) => ({
		method: 'POST',
		path: `/organizations/${organizationId}/api-keys`,
		body: {
			name,
			status,
			...(metadata && { metadata }),
			...(managedByOrganizationId && { managed_by_organization_id: managedByOrganizationId }),
		},
	}),
	// After a lost answer the key is looked up by its (unique) name; a missing one is created again. A key found
	// this way comes without its secret: fiskaly shows it only in the create answer.
	recover: async (input, run) => await keyNamed(input, run),
	// A re-run: the name is taken (409 "already exists"), the key of that name is read → done (alreadyDone), without
	// its secret (fiskaly shows a secret only when the key is created).
	stateChange: {
		state: 'created',
		refusal: (error) => refusedWith(error, 409, /already exists/i),
		isDone: async (input, run) => await keyNamed(input, run),
	},
	output: (apiKey, { includeSecret }) => withoutSecret(apiKey, includeSecret),
});
