import { customApiCallResource as sharedCustomApiCall } from '@n8n-nodes-eu-finance/shared/customApiCall';
import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';

/**
 * Any API path, with the credential the node's Authentication picks (API token, or e-mail & password with its JWT
 * login). The answer's `{ success, data, error }` envelope is unwrapped as for every operation unless "Keep Envelope".
 */
export const customApiCallResource: ResourceDescriptor = sharedCustomApiCall({
	vendorName: 'TheNextInvoice',
	examplePath: '/invoice',
	keepEnvelope: { shape: '({ success, data, error })' },
});
