import type { ResourceDescriptor } from '../../../shared/operations';
import { deleteUser } from './delete';
import { inviteUser } from './invite';
import { listUsers } from './list';

export const userResource: ResourceDescriptor = {
	value: 'user',
	name: 'User',
	operations: [deleteUser, listUsers, inviteUser],
};
