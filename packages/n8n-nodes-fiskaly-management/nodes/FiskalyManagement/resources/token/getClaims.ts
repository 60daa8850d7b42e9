import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { currentTokenClaims } from '@n8n-nodes-eu-finance/shared/transport/request';

/** Who the credential is: its environment and own organization. The token itself never leaves. */
export const getTokenClaims = defineOperation({
	value: 'getClaims',
	name: 'Get Claims',
	action: 'Get the claims of the current token',
	description: 'Tell which environment (TEST or LIVE) and own organization the API key in use belongs to. Returns env, organization_id and when the access token expires (never the token).',
	properties: [],
	schema: z.object({}),
	run: async ({ context, api, itemIndex }) => {
		const token = await currentTokenClaims(context, api, itemIndex);
		return {
			env: token.claims?.env,
			organization_id: token.claims?.organization_id,
			access_token_expires_at: Number.isFinite(token.expiresAt) ? new Date(token.expiresAt).toISOString() : null,
		};
	},
});
