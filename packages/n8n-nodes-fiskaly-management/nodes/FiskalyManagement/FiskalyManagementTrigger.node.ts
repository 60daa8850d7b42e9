import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { fetchList, pollTransportSettings, requestOptionsProperty, type ListSpec } from '@n8n-nodes-eu-finance/shared/operations';
import { takeNewRecords } from '@n8n-nodes-eu-finance/shared/pollCursor';
import { FISKALY_CREDENTIAL_TYPE, fiskalyApi } from './api';
import { organizationLocator } from './fields';
import { searchOrganizations } from './methods/listSearch';
import { withoutSecret } from './resources/apiKey/fields';
import { listApiKeys } from './resources/apiKey/list';
import { listOrganizations } from './resources/organization/list';
import { listUsers } from './resources/user/list';

type TriggerEvent = 'newOrganization' | 'newApiKey' | 'newUser';

/** Which list each event watches; the list descriptors are the node's own. */
function watchedList(event: TriggerEvent, organizationId: string): ListSpec {
	if (event === 'newApiKey') return listApiKeys.list!({ organizationId, filters: {}, order_by: 'created_at', order: 'desc' });
	if (event === 'newUser') return listUsers.list!({ organizationId, filters: {}, order_by: 'id', order: 'asc' });
	return listOrganizations.list!({ filters: {}, order_by: 'id', order: 'asc' });
}

export class FiskalyManagementTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'fiskaly Management Trigger',
		name: 'fiskalyManagementTrigger',
		icon: { light: 'file:fiskaly.svg', dark: 'file:fiskaly.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when fiskaly has a new organization, API key or user',
		defaults: { name: 'fiskaly Management Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: FISKALY_CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'New API Key', value: 'newApiKey', description: 'An API key was created in the organization' },
					{ name: 'New Organization', value: 'newOrganization', description: 'An organization you can access was created' },
					{ name: 'New User', value: 'newUser', description: 'A user joined the organization' },
				],
				default: 'newOrganization',
			},
			{ ...organizationLocator(), displayOptions: { show: { event: ['newApiKey', 'newUser'] } } },
			requestOptionsProperty(undefined, { forPages: true }),
		],
	};

	methods = { listSearch: { searchOrganizations } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const organizationId =
			event === 'newOrganization' ? '' : (this.getNodeParameter('organizationId', undefined, { extractValue: true }) as string);
		const settings = pollTransportSettings(this);
		const records = (await fetchList(this, fiskalyApi, watchedList(event, organizationId), { settings })).map((r) => withoutSecret(r));

		if (this.getMode() === 'manual') {
			// A sample for building the workflow; the cursor stays where it is.
			const sample = records.slice(0, 1);
			return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
		}
		const fresh = takeNewRecords(this.getWorkflowStaticData('node'), `${event}:${organizationId}`, records, (r: IDataObject) => String(r._id));
		return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}
