import { customApiCallResource as sharedCustomApiCall } from '@n8n-nodes-eu-finance/shared/customApiCall';
import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';

/** Any Invoicing API path, with the credential's token login (or pasted token) and the same retries. */
export const customApiCallResource: ResourceDescriptor = sharedCustomApiCall({ vendorName: 'Invoicing API', examplePath: '/invoice/INV-1001/status' });
