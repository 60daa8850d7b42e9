import { z } from 'zod';

import { environmentOptions, organizationLocator, successOutput, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';

export const enableOrganizationEnvironment = defineOperation({
	value: 'enableEnvironment',
	name: 'Enable Environment',
	action: 'Enable an environment for an organization',
	description: 'Enable the TEST or LIVE environment for an organization; this cannot be undone. Returns organizationId, env and whether fiskaly reported success.',
	properties: [
		organizationLocator(),
		{
			displayName: 'Environment',
			name: 'env',
			type: 'options',
			options: environmentOptions,
			default: 'TEST',
			description: 'Warning: enabling an environment cannot be undone',
		},
	],
	schema: z.object({ organizationId: uuid, env: z.enum(['TEST', 'LIVE']) }),
	request: ({ organizationId, env }) => ({
		method: 'POST',
		path: `/organizations/${organizationId}/enable-env`,
		body: { env },
		// Enabling an environment that is already enabled changes nothing.
		idempotent: true,
	}),
	output: (body, { organizationId, env }) => successOutput({ organizationId, env })(body),
});
