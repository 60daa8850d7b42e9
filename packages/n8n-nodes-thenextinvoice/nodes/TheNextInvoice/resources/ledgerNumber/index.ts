import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createLedgerNumber, deleteLedgerNumber, listLedgerNumbers, updateLedgerNumber } from './operations';

export const ledgerNumberResource: ResourceDescriptor = {
	value: 'ledgerNumber',
	name: 'Ledger Number',
	operations: [createLedgerNumber, deleteLedgerNumber, listLedgerNumbers, updateLedgerNumber],
};
