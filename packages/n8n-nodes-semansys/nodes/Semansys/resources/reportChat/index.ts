import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { inferredOperations } from '../../inferred';

export const reportChatResource: ResourceDescriptor = { value: 'reportChat', name: 'Report Chat', operations: inferredOperations('reportChat') };
