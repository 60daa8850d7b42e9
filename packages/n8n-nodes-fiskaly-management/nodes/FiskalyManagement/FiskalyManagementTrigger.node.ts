import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { fetchList, pollTransportSettings, type ListSpec } from '@n8n-nodes-eu-finance/shared/operations';
import { requestOptionsProperty } from '@n8n-nodes-eu-finance/shared/properties';
import {
	fingerprintCursor,
	markCursor,
	markOf,
	oldSeenIds,
	reachedMark,
	storeCursor,
	takeAfterMark,
	takeUnseen,
	type MarkOptions,
} from '@n8n-nodes-eu-finance/shared/pollCursor';
import { readUntil } from '@n8n-nodes-eu-finance/shared/pollList';
import type { TransportSettings } from '@n8n-nodes-eu-finance/shared/transport/request';
import { FISKALY_CREDENTIAL_TYPE, fiskalyApi } from './api';
import { organizationLocator } from './fields';
import { searchOrganizations } from './methods/listSearch';
import { withoutSecret } from './resources/apiKey/fields';
import { listApiKeys } from './resources/apiKey/list';
import { listOrganizations } from './resources/organization/list';
import { listUsers } from './resources/user/list';

type TriggerEvent = 'newOrganization' | 'newApiKey' | 'newUser';

/** New API Key: how far below the newest created_at seen keys are still checked by id (ties within a second, late keys). */
export const DEFAULT_LOOKBACK_SECONDS = 60;
/** New Organization / New User: the most records the trigger remembers (8 characters each in the static data). */
export const DEFAULT_MAX_REMEMBERED = 100_000;
export const MAX_REMEMBERED_LIMIT = 1_000_000;

/**
 * Which list each event watches; the list descriptors are the node's own. API keys have a documented creation-time
 * order (`order_by=created_at`, `order=desc`), so they are read newest first and stop at the cursor; organizations and
 * users can only be ordered by fields that say nothing about when a record was created (ids are random UUIDs), so
 * their whole list is read.
 */
function watchedList(event: TriggerEvent, organizationId: string): ListSpec {
	if (event === 'newApiKey') return listApiKeys.list!({ organizationId, filters: {}, order_by: 'created_at', order: 'desc' });
	if (event === 'newUser') return listUsers.list!({ organizationId, filters: {}, order_by: 'id', order: 'asc' });
	return listOrganizations.list!({ filters: {}, order_by: 'id', order: 'asc' });
}

const createdAt = (record: IDataObject) => Number(record.created_at) || 0;
const newestFirst = (items: IDataObject[]) => items.every((r, i) => i === 0 || createdAt(r) <= createdAt(items[i - 1]));

type PollOutcome = { fresh: IDataObject[]; next: object };

/**
 * New API Key: a high-water mark on `created_at` (whole seconds) plus the ids of the keys created within `lookback`
 * seconds below it. A poll reads pages of 100 newest first and stops at the first page that reaches `mark - lookback`:
 * ceil(new / 100) + 1 requests when no more than a page of keys lies within the lookback.
 */
async function pollApiKeys(context: IPollFunctions, spec: ListSpec, settings: TransportSettings, staticData: IDataObject, key: string, lookback: number): Promise<PollOutcome> {
	const options: MarkOptions = { orderOf: createdAt, idOf: (r) => String(r._id), window: lookback };
	const old = oldSeenIds(staticData, key);
	const cursor = markCursor(staticData, key);
	if (old) {
		// Migration from the old cursor (every id): one full read, as before, then the mark.
		const records = await fetchList(context, fiskalyApi, spec, { settings });
		return { fresh: records.filter((r) => !old.has(String(r._id))).reverse(), next: markOf(key, records, options) };
	}
	if (!cursor) {
		// First poll: the newest keys down to `lookback` below the newest one, so the cursor knows all of them.
		let newest: number | undefined;
		const reached = (record: IDataObject) => {
			newest ??= createdAt(record);
			return createdAt(record) < newest - lookback;
		};
		const { records } = await readUntil(context, fiskalyApi, spec, { reached, settings, inOrder: newestFirst });
		return { fresh: [], next: markOf(key, records, options) };
	}
	// A vendor answer that is not newest first is read to its end (still each key once, only slower).
	const read = await readUntil(context, fiskalyApi, spec, { reached: reachedMark(cursor, options), settings, inOrder: newestFirst });
	return takeAfterMark(cursor, read.records, options);
}

/** New Organization / New User: the whole list, compared with the fingerprints of what the last poll read. */
async function pollWholeList(context: IPollFunctions, spec: ListSpec, settings: TransportSettings, staticData: IDataObject, key: string, maxRemembered: number): Promise<PollOutcome> {
	const records = await fetchList(context, fiskalyApi, spec, { settings });
	if (records.length > maxRemembered) {
		throw new NodeOperationError(context.getNode(), `The list holds ${records.length} records, more than Max Records Remembered (${maxRemembered})`, {
			description: `fiskaly cannot list these records by creation time, so the trigger tells new ones apart by remembering every record it has seen. Raise Max Records Remembered (up to ${MAX_REMEMBERED_LIMIT}; 8 characters of the workflow's static data per record) to watch this list.`,
		});
	}
	return takeUnseen(fingerprintCursor(staticData, key), key, records, (r) => String(r._id), oldSeenIds(staticData, key));
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
			{
				displayName: 'Lookback (Seconds)',
				name: 'lookbackSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_LOOKBACK_SECONDS,
				description:
					'API keys are read newest first by their creation time (whole seconds). Keys created up to this many seconds before the newest key already seen are still checked by ID, so keys created in the same second, or listed by fiskaly a little late, are not missed.',
				displayOptions: { show: { event: ['newApiKey'] } },
			},
			{
				displayName: 'Max Records Remembered',
				name: 'maxRemembered',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_REMEMBERED_LIMIT },
				default: DEFAULT_MAX_REMEMBERED,
				description:
					'The longest list the trigger watches. Organizations and users cannot be listed by creation time, so every poll reads the whole list and compares it with the records seen before (8 characters of the workflow\'s static data each). A longer list makes the poll fail with a message instead of guessing.',
				displayOptions: { show: { event: ['newOrganization', 'newUser'] } },
			},
			requestOptionsProperty(undefined, { forPages: true }),
		],
	};

	methods = { listSearch: { searchOrganizations } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const organizationId =
			event === 'newOrganization' ? '' : (this.getNodeParameter('organizationId', undefined, { extractValue: true }) as string);
		const settings = pollTransportSettings(this);
		const spec = watchedList(event, organizationId);

		if (this.getMode() === 'manual') {
			// A sample for building the workflow (the first record of one page); the cursor stays where it is.
			const { records } = await readUntil(this, fiskalyApi, spec, { reached: () => true, maxPages: 1, settings });
			return records.length ? [this.helpers.returnJsonArray([withoutSecret(records[0])])] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const key = `${event}:${organizationId}`;
		const { fresh, next } =
			event === 'newApiKey'
				? await pollApiKeys(this, spec, settings, staticData, key, Math.max(0, Number(this.getNodeParameter('lookbackSeconds', DEFAULT_LOOKBACK_SECONDS)) || 0))
				: await pollWholeList(this, spec, settings, staticData, key, Math.min(MAX_REMEMBERED_LIMIT, Math.max(1, Number(this.getNodeParameter('maxRemembered', DEFAULT_MAX_REMEMBERED)) || DEFAULT_MAX_REMEMBERED)));
		// Only after every request of the poll succeeded (a failed poll leaves the cursor as it was), and only when it
		// changed: n8n saves the static data whenever it is written to.
		if (JSON.stringify(next) !== JSON.stringify(staticData)) storeCursor(staticData, next);
		return fresh.length ? [this.helpers.returnJsonArray(fresh.map((r) => withoutSecret(r)))] : null;
	}
}
