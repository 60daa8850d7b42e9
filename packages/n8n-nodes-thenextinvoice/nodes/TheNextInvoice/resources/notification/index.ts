import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { answerFields } from '../invoiceProfile/common';
import { getAllOperation } from '../../helpers';

const listNotifications = getAllOperation('Get many notifications', 'List the notifications of the company (payments, past due invoices, ...). Returns one item per notification with its message, data and time.', '/notifications');

const dismissNotifications = defineOperation({
	value: 'dismissAll',
	name: 'Dismiss All',
	action: 'Dismiss all notifications',
	description: 'Remove every notification of the company. Returns dismissed: true.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'DELETE', path: '/notifications' }),
	output: (answer) => ({ dismissed: true, ...answerFields(answer) }),
});

export const notificationResource: ResourceDescriptor = {
	value: 'notification',
	name: 'Notification',
	operations: [dismissNotifications, listNotifications],
};
