import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { pollTransportSettings } from '@n8n-nodes-eu-finance/shared/operations';
import { requestOptionsProperty } from '@n8n-nodes-eu-finance/shared/properties';
import { FixedConcurrency, runLimited } from '@n8n-nodes-eu-finance/shared/transport/concurrency';
import { INVOICING_CREDENTIAL_TYPE, invoicingApiFor } from './api';
import { findStatus, INVOICE_EVENTS, simplifyStatus, type InvoiceEvent } from './status';

/**
 * What the trigger keeps between polls: the events already emitted of each watched, unpaid invoice that has one, and
 * the paid invoices (no longer asked about).
 */
interface StatusCursor {
	emitted?: Record<string, InvoiceEvent[]>;
	paid?: string[];
}

/** Ids from a list parameter: an array (from an expression) or text separated by commas, semicolons or new lines. */
export function watchedIds(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	return [...new Set(parts.map((id) => id.trim()).filter(Boolean))];
}

export class InvoicingApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Invoicing API Trigger',
		name: 'invoicingApiTrigger',
		icon: { light: 'file:invoicingApi.svg', dark: 'file:invoicingApi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when watched invoices are delivered, opened or paid',
		defaults: { name: 'Invoicing API Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: INVOICING_CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Custom Invoice IDs',
				name: 'customInvoiceIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'INV-1001, INV-1002',
				description: 'The invoices to watch: IDs separated by commas or new lines, or an expression that returns a list. A paid invoice is no longer polled.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Opened', value: 'opened' },
					{ name: 'Paid', value: 'paid' },
				],
				default: ['delivered', 'opened', 'paid'],
				description: 'Which events start the workflow; each event of each invoice does so once',
			},
			requestOptionsProperty(),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const ids = watchedIds(this.getNodeParameter('customInvoiceIds'));
		if (ids.length === 0) throw new NodeOperationError(this.getNode(), 'No invoices to watch: "Custom Invoice IDs" is empty');
		const wanted = new Set(this.getNodeParameter('events', ['delivered', 'opened', 'paid']) as InvoiceEvent[]);
		const api = invoicingApiFor(await this.getCredentials(INVOICING_CREDENTIAL_TYPE));
		const manual = this.getMode() === 'manual';
		const settings = pollTransportSettings(this);
		const cursor = this.getWorkflowStaticData('node') as StatusCursor;
		const paid = new Set(cursor.paid ?? []);

		if (manual) {
			// A sample for building the workflow (the latest event of the first watched invoice that has one); the cursor stays where it is.
			for (const id of ids) {
				const status = await findStatus(this, api, id, { settings });
				if (!status) continue;
				const simplified = simplifyStatus(id, status);
				const events = INVOICE_EVENTS.filter(({ event, field }) => simplified[field] && wanted.has(event));
				if (events.length) {
					const { event, field } = events[events.length - 1];
					return [this.helpers.returnJsonArray([{ customInvoiceId: id, event, date: simplified[field], state: simplified.state }])];
				}
			}
			return null;
		}

		// One status request per watched invoice that is not paid yet (the API cannot list invoices), several at a time:
		// Pages in Parallel's Auto controller (or its fixed number), told about every 429/503 by the transport.
		const asked = ids.filter((id) => !paid.has(id));
		const statuses: Array<IDataObject | undefined> = new Array(asked.length);
		const control = typeof settings.pagesInParallel === 'number' ? new FixedConcurrency(Math.max(1, settings.pagesInParallel)) : settings.pagesInParallel;
		await runLimited(asked.length, control, async (index) => {
			// Not known yet (e.g. created later by another workflow): asked about again next time.
			statuses[index] = await findStatus(this, api, asked[index], { settings });
		});

		// Only after every status request succeeded: a failed request mid-poll must not mark events as emitted.
		const emitted: Record<string, InvoiceEvent[]> = {};
		const fresh: IDataObject[] = [];
		asked.forEach((id, index) => {
			const status = statuses[index];
			const before = cursor.emitted?.[id] ?? [];
			if (!status) {
				if (before.length) emitted[id] = before;
				return;
			}
			const simplified = simplifyStatus(id, status);
			for (const { event, field } of INVOICE_EVENTS) {
				const date = simplified[field];
				if (!date || !wanted.has(event) || before.includes(event)) continue;
				fresh.push({ customInvoiceId: id, event, date, state: simplified.state });
			}
			if (simplified.paidAt) {
				paid.add(id); // never asked about again, so its events need not be kept
				return;
			}
			const happened = INVOICE_EVENTS.filter(({ field }) => simplified[field]).map(({ event }) => event);
			if (happened.length) emitted[id] = happened;
		});
		// Forget invoices no longer watched, so the cursor does not grow forever; keep only invoices with an event.
		const watched = new Set(ids);
		cursor.emitted = emitted;
		cursor.paid = [...paid].filter((id) => watched.has(id));
		fresh.sort((a, b) => String(a.date).localeCompare(String(b.date)));
		return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}
