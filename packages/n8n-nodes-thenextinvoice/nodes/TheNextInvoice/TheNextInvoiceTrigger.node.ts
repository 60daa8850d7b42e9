import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { fetchList, pollTransportSettings, requestOptionsProperty, type ListSpec } from '@n8n-nodes-eu-finance/shared/operations';
import { takeNewRecords } from '@n8n-nodes-eu-finance/shared/pollCursor';
import { tniApiByAuthentication } from './api';
import { authenticationProperty, tniCredentials } from './fields';

type TriggerEvent = 'newInvoice' | 'invoicePaid' | 'invoicePastDue' | 'newCustomer' | 'newNotification';

const invoicePages = (qs: IDataObject): ListSpec => ({
	request: { method: 'GET', path: '/invoice/search', qs: { type: 'invoice', order: 'id', reverse: 'true', ...qs } },
	pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items', totalPagesField: 'last' },
});

/** What each event watches. Paid / past due: an invoice is emitted when it first appears with that status. */
const WATCHED: Record<TriggerEvent, ListSpec> = {
	newInvoice: invoicePages({}),
	invoicePaid: invoicePages({ status: 'paid' }),
	invoicePastDue: invoicePages({ status: 'pastdue' }),
	newCustomer: {
		request: { method: 'GET', path: '/customer/search' },
		pagination: { style: 'page', pageSize: 100, firstPage: 1, pageParam: 'page', pageSizeParam: 'limit', itemsField: 'items', totalField: 'total_items' },
	},
	newNotification: { request: { method: 'GET', path: '/notifications' }, pagination: { style: 'none' } },
};

export class TheNextInvoiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TheNextInvoice Trigger',
		name: 'theNextInvoiceTrigger',
		icon: { light: 'file:thenextinvoice.svg', dark: 'file:thenextinvoice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new invoices, payments, overdue invoices, new customers or notifications in TheNextInvoice',
		defaults: { name: 'TheNextInvoice Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: tniCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Invoice Paid', value: 'invoicePaid' },
					{ name: 'Invoice Past Due', value: 'invoicePastDue' },
					{ name: 'New Customer', value: 'newCustomer' },
					{ name: 'New Invoice', value: 'newInvoice' },
					{ name: 'New Notification', value: 'newNotification' },
				],
				default: 'newInvoice',
			},
			requestOptionsProperty(undefined, { forPages: true }),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const api = tniApiByAuthentication(this.getNodeParameter('authentication', 'apiToken'));
		const records = await fetchList(this, api, WATCHED[event], { settings: pollTransportSettings(this) });
		if (this.getMode() === 'manual') {
			// A sample for building the workflow; the cursor stays where it is.
			return records.length ? [this.helpers.returnJsonArray(records.slice(0, 1))] : null;
		}
		const fresh = takeNewRecords(this.getWorkflowStaticData('node'), event, records, (r) => String(r.id));
		return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}
