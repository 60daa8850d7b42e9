import { enabledSetting, getSetting } from '../companySettings/common';

export const getSmsSettings = getSetting('getSettings', 'Get Settings', 'Get the SMS settings', 'Whether sending by SMS is enabled', '/settings/sms');

export const updateSmsSettings = enabledSetting('updateSettings', 'Update Settings', 'SMS', 'Enable or disable sending invoices by SMS', '/settings/sms');

export const getSmsUsage = getSetting('getUsage', 'Get Usage', 'Get the SMS usage', 'SMS segments used last month, this month and in total', '/settings/sms/count');
