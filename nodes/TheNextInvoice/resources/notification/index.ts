import { z } from 'zod';

import type { OperationDescriptor, ResourceDescriptor } from '../../../shared/operations';
import { answerFields } from '../invoiceProfile/common';

const listNotifications: OperationDescriptor = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many notifications',
	description: 'The notifications of the company (payments, past due invoices, ...)',
	properties: [],
	schema: z.object({}),
	list: () => ({ request: { method: 'GET', path: '/notifications' }, pagination: { style: 'none' } }),
};

const dismissNotifications: OperationDescriptor = {
	value: 'dismissAll',
	name: 'Dismiss All',
	action: 'Dismiss all notifications',
	description: 'Remove every notification of the company',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'DELETE', path: '/notifications' }),
	output: (answer) => ({ dismissed: true, ...answerFields(answer) }),
};

export const notificationResource: ResourceDescriptor = {
	value: 'notification',
	name: 'Notification',
	operations: [dismissNotifications, listNotifications],
};
