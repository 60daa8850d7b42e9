import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { apiRequest } from '@n8n-nodes-eu-finance/shared/transport/request';
import { TNI_LOGIN_CREDENTIAL, tniLoginApi, tniTokens } from '../../api';
import { recordId, recordLocator } from '../../fields';

/**
 * POST /session/jwt/switch answers a JWT for another company. The new token replaces the cached one
 * of this credential, so the following requests (in this and other workflows using the credential)
 * work in that company until the next login. To pin a company, set Company ID in the credential.
 */
const switchCompany = defineOperation<{ company: string }>({
	value: 'switchCompany',
	name: 'Switch Company',
	action: 'Switch to another company',
	description: 'Work in another company the user can access, by its ID (Email & Password authentication only). Returns the company and switched: true.',
	properties: [
		recordLocator('Company', 'company', 'searchCompanies', { description: 'The company to switch to' }),
	],
	schema: z.object({ company: recordId }),
	run: async ({ context, input, itemIndex, settings }) => {
		if (context.getNodeParameter('authentication', itemIndex) !== 'emailPassword') {
			throw new NodeOperationError(context.getNode(), 'Switch Company needs the Email & Password authentication: an API token belongs to one company', { itemIndex });
		}
		const company = Number(input.company);
		const { body } = await apiRequest(context, tniLoginApi, { method: 'POST', path: '/session/jwt/switch', body: { company } }, { itemIndex, settings });
		const token = (body as { token?: unknown })?.token;
		if (typeof token !== 'string' || !token) throw new NodeOperationError(context.getNode(), 'TheNextInvoice: the switch answer carried no token', { itemIndex });
		tniTokens.store(await context.getCredentials(TNI_LOGIN_CREDENTIAL, itemIndex), { accessToken: token });
		return { company, switched: true };
	},
});

export const sessionResource: ResourceDescriptor = {
	value: 'session',
	name: 'Session',
	operations: [switchCompany],
};
