import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { getSmsSettings, getSmsUsage, updateSmsSettings } from './settings';
import { smsTemplates } from './templates';

export const smsResource: ResourceDescriptor = {
	value: 'smsSetting',
	name: 'SMS Setting',
	operations: [
		smsTemplates.create,
		smsTemplates.remove,
		smsTemplates.list,
		getSmsSettings,
		smsTemplates.get,
		getSmsUsage,
		smsTemplates.update,
		updateSmsSettings,
	],
};
