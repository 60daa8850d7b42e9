import { customApiCallResource as sharedCustomApiCall } from '@n8n-nodes-eu-finance/shared/customApiCall';
import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';

/** Any Management API path, with the node's token login, renewal and retries. */
export const customApiCallResource: ResourceDescriptor = sharedCustomApiCall({ vendorName: 'fiskaly', examplePath: '/organizations' });
