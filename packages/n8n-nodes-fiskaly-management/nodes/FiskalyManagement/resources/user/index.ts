import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { deleteUser } from './delete';
import { inviteUser } from './invite';
import { listUsers } from './list';

export const userResource: ResourceDescriptor = {
	value: 'user',
	name: 'User',
	operations: [deleteUser, listUsers, inviteUser],
};
