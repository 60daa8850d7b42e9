import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { getTokenClaims } from './getClaims';

export const tokenResource: ResourceDescriptor = {
	value: 'token',
	name: 'Token',
	operations: [getTokenClaims],
};
