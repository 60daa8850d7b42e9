import type { ResourceDescriptor } from '../../../shared/operations';
import { createLedgerNumber, deleteLedgerNumber, listLedgerNumbers, updateLedgerNumber } from './operations';

export const ledgerNumberResource: ResourceDescriptor = {
	value: 'ledgerNumber',
	name: 'Ledger Number',
	operations: [createLedgerNumber, deleteLedgerNumber, listLedgerNumbers, updateLedgerNumber],
};
