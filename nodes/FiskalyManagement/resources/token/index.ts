import type { ResourceDescriptor } from '../../../shared/operations';
import { getTokenClaims } from './getClaims';

export const tokenResource: ResourceDescriptor = {
	value: 'token',
	name: 'Token',
	operations: [getTokenClaims],
};
