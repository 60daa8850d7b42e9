import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { inferredOperations } from '../../inferred';
import { getFileHistory, getFiles } from './files';
import { checkUser, getDeliveryMessages, getUserDomains, inviteUser, setUserRole } from './users';

export const customerCornerResource: ResourceDescriptor = {
	value: 'customerCorner',
	name: 'Customer Corner',
	operations: [getFiles, getFileHistory, getUserDomains, checkUser, inviteUser, setUserRole, getDeliveryMessages, ...inferredOperations('customerCorner')],
};
