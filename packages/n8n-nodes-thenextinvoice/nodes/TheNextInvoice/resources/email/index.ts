import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { addAddress, deleteAddress, listAddresses, verifyAddress } from './addresses';
import { emailTemplates } from './templates';

export const emailResource: ResourceDescriptor = {
	value: 'emailSetting',
	name: 'Email Setting',
	operations: [
		addAddress,
		emailTemplates.create,
		deleteAddress,
		emailTemplates.remove,
		listAddresses,
		emailTemplates.list,
		emailTemplates.get,
		emailTemplates.update,
		verifyAddress,
	],
};
