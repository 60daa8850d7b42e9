import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { deleteLogo, uploadLogo } from './logo';
import { downloadLogo, getProfile, listProfiles } from './read';
import { createProfile, deleteProfile, makeDefault, updateLayout, updateProfile, updateSender, updateSending, updateTexts } from './write';

export const invoiceProfileResource: ResourceDescriptor = {
	value: 'invoiceProfile',
	name: 'Invoice Profile',
	operations: [
		createProfile,
		deleteProfile,
		deleteLogo,
		downloadLogo,
		getProfile,
		listProfiles,
		makeDefault,
		updateProfile,
		updateLayout,
		updateSending,
		updateSender,
		updateTexts,
		uploadLogo,
	],
};
