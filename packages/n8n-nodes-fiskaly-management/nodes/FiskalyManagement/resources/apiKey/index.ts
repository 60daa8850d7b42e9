import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createApiKey } from './create';
import { getApiKey } from './get';
import { listApiKeys } from './list';
import { updateApiKey } from './update';

export const apiKeyResource: ResourceDescriptor = {
	value: 'apiKey',
	name: 'API Key',
	operations: [createApiKey, getApiKey, listApiKeys, updateApiKey],
};
