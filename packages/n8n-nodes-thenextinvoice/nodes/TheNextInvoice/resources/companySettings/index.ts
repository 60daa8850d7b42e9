import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import {
	getDebitLedger,
	getNumbering,
	getPaymentMessages,
	getPeppol,
	updateDebitLedger,
	updateNumbering,
	updatePaymentMessages,
	updatePeppol,
} from './general';
import { clearSepaCreditor, getSepaCreditor, updateSepaCreditor } from './sepa';
import { checkTerms, deleteTerms, downloadTerms, uploadTerms } from './terms';

export const companySettingsResource: ResourceDescriptor = {
	value: 'companySetting',
	name: 'Company Setting',
	operations: [
		checkTerms,
		clearSepaCreditor,
		deleteTerms,
		downloadTerms,
		getDebitLedger,
		getNumbering,
		getPaymentMessages,
		getPeppol,
		getSepaCreditor,
		updateDebitLedger,
		updateNumbering,
		updatePaymentMessages,
		updatePeppol,
		updateSepaCreditor,
		uploadTerms,
	],
};
