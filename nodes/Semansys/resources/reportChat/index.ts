import type { ResourceDescriptor } from '../../../shared/operations';
import { inferredOperations } from '../../inferred';

export const reportChatResource: ResourceDescriptor = { value: 'reportChat', name: 'Report Chat', operations: inferredOperations('reportChat') };
