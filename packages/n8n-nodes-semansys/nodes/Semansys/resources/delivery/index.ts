import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { inferredOperations } from '../../inferred';
import { deliverDigipoort } from './digipoort';
import { deliverSbrNexus } from './sbrNexus';

export const deliveryResource: ResourceDescriptor = {
	value: 'delivery',
	name: 'Delivery',
	operations: [deliverDigipoort, deliverSbrNexus, ...inferredOperations('delivery')],
};
