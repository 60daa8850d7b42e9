import { enabledSetting, getSetting } from '../companySettings/common';

export const getSmsSettings = getSetting('getSettings', 'Get Settings', 'Get the SMS settings', 'Check whether sending invoices by SMS is enabled. Returns enabled: true or false.', '/settings/sms');

export const updateSmsSettings = enabledSetting('updateSettings', 'Update Settings', 'SMS', 'Enable or disable sending invoices by SMS. Returns enabled as sent with the answer.', '/settings/sms');

export const getSmsUsage = getSetting('getUsage', 'Get Usage', 'Get the SMS usage', 'Count the SMS segments sent. Returns the segments used last month, this month and in total.', '/settings/sms/count');
