/**
 * Pickers fed by Get Delivery Messages (GET /customer-corner/delivery/messages, confirmed): "all message types for the
 * delivery process for both portals SBR Nexus and Digipoort", each with its receivers and taxonomy entry points. Every
 * picker also takes a typed value (By Name / By ID / By URL), so a message type the account's list lacks still works.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '@n8n-nodes-eu-finance/shared/transport/request';
import { semansysApi } from '../api';

interface DeliveryMessage {
	name: string;
	portal: string;
	xbrlSupported?: boolean;
	xmlSupported?: boolean;
	receivers: IDataObject[];
	entryPoints: IDataObject[];
}

type Portal = 'digipoort' | 'sbrNexus';

/** "SBR Nexus", "sbr-nexus", "Digipoort": compared by letters only. */
const portalOf = (text: string): Portal | undefined => {
	const letters = text.toLowerCase().replace(/[^a-z]/g, '');
	return letters === 'digipoort' ? 'digipoort' : letters === 'sbrnexus' ? 'sbrNexus' : undefined;
};

const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const list = (value: unknown) => (Array.isArray(value) ? value.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object') : []);

/** The page's sample is one object, its schema a list: both are read. */
async function deliveryMessages(context: ILoadOptionsFunctions): Promise<DeliveryMessage[]> {
	const { body } = await apiRequest(context, semansysApi, { method: 'GET', path: '/customer-corner/delivery/messages' });
	const records = Array.isArray(body) ? list(body) : body && typeof body === 'object' ? [body as IDataObject] : [];
	return records
		.map((record) => ({
			name: text(record.name),
			portal: text(record.portal),
			xbrlSupported: record.xbrlSupported as boolean | undefined,
			xmlSupported: record.xmlSupported as boolean | undefined,
			receivers: list(record.receivers),
			entryPoints: list(record.entryPoints),
		}))
		.filter((message) => message.name);
}

/** Items matching the typed filter (in name, value or description), each value once. */
function matching(items: INodeListSearchItems[], filter: string | undefined): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase();
	const seen = new Set<string>();
	const results = items.filter((item) => {
		const value = String(item.value);
		if (!value || seen.has(value)) return false;
		seen.add(value);
		return !needle || [item.name, value, item.description ?? ''].some((part) => part.toLowerCase().includes(needle));
	});
	return { results };
}

const formats = (message: DeliveryMessage) =>
	[message.xbrlSupported && 'XBRL', message.xmlSupported && 'XML'].filter(Boolean).join(' and ') || 'formats not stated';

async function messageTypes(context: ILoadOptionsFunctions, portal: Portal, filter?: string): Promise<INodeListSearchResult> {
	const messages = (await deliveryMessages(context)).filter((message) => portalOf(message.portal) === portal);
	return matching(messages.map((message) => ({ name: message.name, value: message.name, description: `${message.portal}: ${formats(message)}` })), filter);
}

/** The receivers of the message type chosen above (all of the portal's while none is chosen). */
async function receivers(context: ILoadOptionsFunctions, portal: Portal): Promise<IDataObject[]> {
	const chosen = text(context.getCurrentNodeParameter('messageType', { extractValue: true })).trim();
	const messages = (await deliveryMessages(context)).filter((message) => portalOf(message.portal) === portal);
	const ofChosen = messages.filter((message) => message.name === chosen);
	return (ofChosen.length ? ofChosen : messages).flatMap((message) => message.receivers);
}

const identity = (receiver: IDataObject) => [text(receiver.identityType), text(receiver.identityNumber)].filter(Boolean).join(' ');

export async function searchDigipoortMessageTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await messageTypes(this, 'digipoort', filter);
}

export async function searchSbrNexusMessageTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await messageTypes(this, 'sbrNexus', filter);
}

async function stakeholderNames(context: ILoadOptionsFunctions, portal: Portal, filter?: string): Promise<INodeListSearchResult> {
	const found = await receivers(context, portal);
	return matching(found.map((receiver) => ({ name: text(receiver.name), value: text(receiver.name), description: identity(receiver) })), filter);
}

export async function searchDigipoortStakeholders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await stakeholderNames(this, 'digipoort', filter);
}

export async function searchSbrNexusStakeholders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await stakeholderNames(this, 'sbrNexus', filter);
}

/** SBR Nexus' ID of Stakeholder: the receiver's identity number. */
export async function searchSbrNexusStakeholderIds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const found = await receivers(this, 'sbrNexus');
	return matching(found.map((receiver) => ({ name: `${text(receiver.name)} (${identity(receiver)})`, value: text(receiver.identityNumber) })), filter);
}

/** Taxonomy entry points of every message type, newest validity first: the Schema Ref of instance operations. */
export async function searchEntryPoints(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const messages = await deliveryMessages(this);
	const entries = messages.flatMap((message) => message.entryPoints.map((entry) => ({ message, entry })));
	entries.sort((a, b) => text(b.entry.dateFrom).localeCompare(text(a.entry.dateFrom)));
	return matching(
		entries.map(({ message, entry }) => ({
			name: text(entry.description) || text(entry.entrypoint),
			value: text(entry.entrypoint),
			description: `${message.name} (${message.portal})${entry.dateFrom ? `, from ${text(entry.dateFrom)}` : ''}${entry.dateTo ? ` to ${text(entry.dateTo)}` : ''}`,
		})),
		filter,
	);
}
