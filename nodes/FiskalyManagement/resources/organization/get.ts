import { z } from 'zod';

import { organizationLocator, uuid } from '../../fields';
import type { OperationDescriptor } from '../../../shared/operations';

export const getOrganization: OperationDescriptor = {
	value: 'get',
	name: 'Get',
	action: 'Get an organization',
	description: 'Retrieve one organization',
	properties: [organizationLocator()],
	schema: z.object({ organizationId: uuid }),
	request: ({ organizationId }) => ({ method: 'GET', path: `/organizations/${organizationId}` }),
};
