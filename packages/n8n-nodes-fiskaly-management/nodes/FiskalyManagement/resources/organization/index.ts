import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createOrganization } from './create';
import { deleteOrganization } from './delete';
import { enableOrganizationEnvironment } from './enableEnvironment';
import { getOrganization } from './get';
import { listOrganizations } from './list';
import { updateOrganization } from './update';

export const organizationResource: ResourceDescriptor = {
	value: 'organization',
	name: 'Organization',
	operations: [createOrganization, deleteOrganization, enableOrganizationEnvironment, getOrganization, listOrganizations, updateOrganization],
};
