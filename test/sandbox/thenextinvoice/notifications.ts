/** GET/DELETE /notifications (the polling source for new events; tests add entries via sandbox.control). */
import type { SandboxRoute } from '../framework';
import { BASE_PATH, companyOf, ofCompany, ok, timestamp, type StoredNotification, type TheNextInvoiceContext } from './context';

export function publicNotification(notification: StoredNotification): Record<string, unknown> {
	return {
		id: notification.id,
		company_id: notification.companyId,
		message: notification.message,
		data: { ...notification.data },
		time: notification.time,
	};
}

export function addNotification(
	ctx: TheNextInvoiceContext,
	companyId: number,
	message: string,
	data: Record<string, unknown> = {},
	time = timestamp(),
): StoredNotification {
	const id = ctx.nextId('notification');
	const notification: StoredNotification = { companyId, id, message, data, time };
	ctx.state.notifications.set(id, notification);
	return notification;
}

export function notificationRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	return [
		{
			method: 'GET',
			path: `${BASE_PATH}/notifications`,
			handler: (req) => ok(ofCompany(ctx.state.notifications, companyOf(ctx, req)).map(publicNotification)),
		},
		{
			method: 'DELETE',
			path: `${BASE_PATH}/notifications`,
			handler: (req) => {
				for (const notification of ofCompany(ctx.state.notifications, companyOf(ctx, req))) {
					ctx.state.notifications.delete(notification.id);
				}
				return ok('Notifications have been removed');
			},
		},
	];
}
