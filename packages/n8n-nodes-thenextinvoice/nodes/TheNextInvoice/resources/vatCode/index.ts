import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createVatCode, deleteVatCode, listVatCodes, updateVatCode } from './operations';

export const vatCodeResource: ResourceDescriptor = {
	value: 'vatCode',
	name: 'VAT Code',
	operations: [createVatCode, deleteVatCode, listVatCodes, updateVatCode],
};
