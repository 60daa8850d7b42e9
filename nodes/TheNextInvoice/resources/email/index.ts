import type { ResourceDescriptor } from '../../../shared/operations';
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
