import { z } from 'zod';

import { apiKeyLocator, organizationLocator, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { withoutSecret } from './fields';

export const getApiKey = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an API key',
	description: 'Read one API key of an organization by the organization and key UUIDs. Returns the key (ID, name, status, metadata), never its secret.',
	properties: [organizationLocator(), apiKeyLocator],
	schema: z.object({ organizationId: uuid, keyId: uuid }),
	request: ({ organizationId, keyId }) => ({ method: 'GET', path: `/organizations/${organizationId}/api-keys/${keyId}` }),
	output: (apiKey) => withoutSecret(apiKey),
});
