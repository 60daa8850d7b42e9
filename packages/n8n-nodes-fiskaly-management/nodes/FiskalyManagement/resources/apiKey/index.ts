import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createApiKey } from './create';
import { deleteApiKey } from './delete';
import { getApiKey } from './get';
import { listApiKeys } from './list';
import { updateApiKey } from './update';

export const apiKeyResource: ResourceDescriptor = {
	value: 'apiKey',
	name: 'API Key',
	operations: [createApiKey, deleteApiKey, getApiKey, listApiKeys, updateApiKey],
};
