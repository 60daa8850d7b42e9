import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { inferredOperations } from '../../inferred';

export const reportPackageResource: ResourceDescriptor = { value: 'reportPackage', name: 'Report Package', operations: inferredOperations('reportPackage') };
