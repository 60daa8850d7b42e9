import { z } from 'zod';

import { apiKeyLocator, organizationLocator, successOutput, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

/**
 * Not in fiskaly's reference (0.12.0): three public clients call it, one with a round-trip integration test
 * (delete, then a read answers 404). Offered for that reason and marked as such in its description and the README.
 */
export const deleteApiKey = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an API key',
	description:
		'Delete an API key of an organization by the organization and key UUIDs; its sessions end. Not in fiskaly\'s API reference (public clients use it): to only stop a key, use Update with status disabled. Returns organizationId, keyId, deleted: true and whether fiskaly reported success.',
	properties: [organizationLocator(), apiKeyLocator],
	schema: z.object({ organizationId: uuid, keyId: uuid }),
	request: ({ organizationId, keyId }) => ({ method: 'DELETE', path: `/organizations/${organizationId}/api-keys/${keyId}` }),
	output: (body, { organizationId, keyId }) => successOutput({ organizationId, keyId, deleted: true })(body),
});
