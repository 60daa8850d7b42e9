import { z } from 'zod';

import { organizationLocator, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

export const getOrganization = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an organization',
	description: 'Read one organization by its UUID. Returns the organization: _id, name, address, country code, enabled environments (_envs) and metadata.',
	properties: [organizationLocator()],
	schema: z.object({ organizationId: uuid }),
	request: ({ organizationId }) => ({ method: 'GET', path: `/organizations/${organizationId}` }),
});
