import { z } from 'zod';

import type { OperationDescriptor, ResourceDescriptor } from '../../../shared/operations';
import { answerFields, wholeListOutput, wholeListProperties, wholeListSchema } from '../invoiceProfile/common';

const listNotifications: OperationDescriptor = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many notifications',
	description: 'The notifications of the company (payments, past due invoices, ...)',
	properties: wholeListProperties,
	schema: z.object(wholeListSchema),
	request: () => ({ method: 'GET', path: '/notifications' }),
	output: wholeListOutput,
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
