import { z } from 'zod';

import { apiKeyLocator, compact, metadataProperty, metadataSchema, optional, organizationLocator, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { apiKeyStatus, apiKeyStatusOptions, withoutSecret } from './fields';

export const updateApiKey = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an API key',
	description: 'Enable or disable an API key, or change its metadata (only the fields given change). Returns the updated key, without its secret.',
	properties: [
		organizationLocator(),
		apiKeyLocator,
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [{ name: 'Keep Unchanged', value: '' }, ...apiKeyStatusOptions],
			default: '',
		},
		metadataProperty,
	],
	schema: z
		.object({ organizationId: uuid, keyId: uuid, status: optional(apiKeyStatus), metadata: metadataSchema })
		.refine((input) => input.status !== undefined || input.metadata !== undefined, {
			message: 'choose a status or add metadata to change',
			path: ['status'],
		}),
	request: ({ organizationId, keyId, status, metadata }) => ({
		method: 'PATCH',
		path: `/organizations/${organizationId}/api-keys/${keyId}`,
		body: compact({ status, metadata }),
		// Absolute values: repeating the PATCH leaves the same state.
		idempotent: true,
	}),
	output: (apiKey) => withoutSecret(apiKey),
});
