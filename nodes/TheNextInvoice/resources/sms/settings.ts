import { z } from 'zod';

import { getSetting, putSetting } from '../companySettings/common';

export const getSmsSettings = getSetting('getSettings', 'Get Settings', 'Get the SMS settings', 'Whether sending by SMS is enabled', '/settings/sms');

export const updateSmsSettings = putSetting(
	'updateSettings',
	'Update Settings',
	'Enable or disable SMS',
	'Enable or disable sending invoices by SMS',
	'/settings/sms',
	[{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether SMS is enabled' }],
	z.object({ enabled: z.boolean() }),
);

export const getSmsUsage = getSetting('getUsage', 'Get Usage', 'Get the SMS usage', 'SMS segments used last month, this month and in total', '/settings/sms/count');
