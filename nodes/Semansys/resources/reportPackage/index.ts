import type { ResourceDescriptor } from '../../../shared/operations';
import { inferredOperations } from '../../inferred';

export const reportPackageResource: ResourceDescriptor = { value: 'reportPackage', name: 'Report Package', operations: inferredOperations('reportPackage') };
