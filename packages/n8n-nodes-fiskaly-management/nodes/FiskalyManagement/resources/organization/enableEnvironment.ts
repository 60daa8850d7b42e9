import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { environmentOptions, organizationLocator, successOutput, uuid } from '../../fields';
import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { apiRequest } from '@n8n-nodes-eu-finance/shared/transport/request';

export const enableOrganizationEnvironment = defineOperation({
	value: 'enableEnvironment',
	name: 'Enable Environment',
	action: 'Enable an environment for an organization',
	description:
		'Enable the TEST or LIVE environment for an organization; this cannot be undone. An environment that is already enabled is left as it is. Returns organizationId, env, whether fiskaly reported success, and alreadyDone / alreadyEnabled.',
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
	// What fiskaly answers to enabling an environment twice is not documented, and a production client had to make
	// this step non-fatal ("may already be active"). So the organization's `_envs` is read first: already enabled →
	// the item succeeds with alreadyDone (and alreadyEnabled) true and nothing is sent.
	stateChange: {
		state: 'enabled',
		askFirst: true,
		isDone: async ({ organizationId, env }, { context, api, itemIndex, settings }) => {
			const { body } = await apiRequest(context, api, { method: 'GET', path: `/organizations/${organizationId}` }, { itemIndex, settings });
			const envs = (body as IDataObject | null)?._envs;
			return Array.isArray(envs) && (envs as unknown[]).includes(env) ? { _success: true, alreadyEnabled: true } : undefined;
		},
	},
	request: ({ organizationId, env }) => ({
		method: 'POST',
		path: `/organizations/${organizationId}/enable-env`,
		body: { env },
		// Enabling an environment that is already enabled changes nothing.
		idempotent: true,
	}),
	output: (body, { organizationId, env }) => ({
		...successOutput({ organizationId, env })(body),
		alreadyEnabled: (body as IDataObject | null)?.alreadyEnabled === true,
	}),
});
