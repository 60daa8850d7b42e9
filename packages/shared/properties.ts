/**
 * The node's parameters as n8n shows them: resource and operation pickers, each operation's fields, Return All /
 * Limit for lists, Batch Items, If Already Done for state changes, and the Request Options collection. The runner
 * that reads them back is operations.ts.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceDescriptor } from './operations';
import { ifAlreadyDoneProperty } from './stateChange';
import { MAX_PAGES_IN_PARALLEL } from './transport/request';

const returnAllAndLimit = (resource: string, operation: string): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { resource: [resource], operation: [operation], returnAll: [false] } },
	},
];

/** Most IDs one batched request may carry, whatever Batch Size says (a URL of 1,000 ids is some 7 KB). */
export const MAX_BATCH_SIZE = 1000;

const batchItemsProperties = (resource: string, operation: string, defaultSize: number): INodeProperties[] => [
	{
		displayName: 'Batch Items',
		name: 'batchItems',
		type: 'boolean',
		default: false,
		description: 'Whether to send the IDs of many input items together instead of one request per item. Each item still gets its own result.',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
		default: defaultSize,
		description: `How many IDs go in one request. The service documents no limit; the IDs travel in the URL, which some servers refuse when it is long, hence ${defaultSize} by default.`,
		displayOptions: { show: { resource: [resource], operation: [operation], batchItems: [true] } },
	},
];

/** Most items a node sends at once (Request Options → Items in Parallel, and the most Auto may reach). */
export const MAX_PARALLEL_ITEMS = 500;
/**
 * Items in Parallel = 0 (the default): Auto starts with `start` items at once and, until the vendor first pushes
 * back, adds `growth` per answer that came back fine (16 times as many per round trip: 8, 128, 500), up to Max Items
 * in Parallel (`max` by default). Measured with `npm run bench -- adaptive` (500 creates, a vendor 20 ms away, against
 * n8n's HTTP Request node, which sends every item at once) on a quiet 2-core machine: start 4, ×4 per round trip up
 * to 200 took 1.34 times the HTTP Request node's time; up to 500, 1.14; start 8, ×8, 1.06; start 8, ×16, 1.01. The
 * profile showed why: n8n's thread was idle longer under ours (waiting for the ramp and the ceiling), not busier. A
 * vendor that pushes back (429/503) halves it at once, so a rate limit costs a few refused requests, never an item.
 */
export const AUTO_ITEMS = { start: 8, max: 500, growth: 15 };

/**
 * Request Options: timeout and retry limits everywhere. Nodes (`forItems`) also get "Items in Parallel" (a trigger's
 * poll has no items); nodes and triggers that page through lists (`forPages`) get "Pages in Parallel". Without
 * `resources` (a trigger) the collection is always shown.
 */
export const requestOptionsProperty = (resources?: string[], { forItems = false, forPages = false } = {}): INodeProperties => ({
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	...(resources ? { displayOptions: { show: { resource: resources } } } : {}),
	options: [
		...(forItems
			? [
					{
						displayName: 'Items in Parallel',
						name: 'parallelItems',
						type: 'number' as const,
						typeOptions: { minValue: 0, maxValue: MAX_PARALLEL_ITEMS },
						default: 0,
						description:
							'How many items are sent at once. 0 is Auto: starts with 8, sends more while the service answers fine and fewer after a 429 or 503 (waiting its Retry-After), up to Max Items in Parallel; sends that message a customer or deliver to an authority go one at a time. 1 sends one item after the other; any other number is fixed. The output keeps the item order, but the service receives parallel requests in any order.',
					},
					{
						displayName: 'Max Items in Parallel',
						name: 'maxParallelItems',
						type: 'number' as const,
						typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_ITEMS },
						default: 500, // AUTO_ITEMS.max
						description: 'The most items Auto (Items in Parallel = 0) sends at once',
					},
				]
			: []),
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5, // DEFAULT_RETRY_POLICY.maxAttempts (a test keeps the two equal)
			description: 'How many times a request is tried when the service is busy (429, 503) or a safe request fails',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxTotalWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60, // DEFAULT_RETRY_POLICY.maxTotalWaitMs in seconds
			description: 'Longest total time one request may wait between retries, Retry-After included',
		},
		...(forPages
			? [
					{
						displayName: 'Pages in Parallel',
						name: 'pagesInParallel',
						type: 'number' as const,
						typeOptions: { minValue: 0, maxValue: MAX_PAGES_IN_PARALLEL },
						default: 0, // DEFAULT_TRANSPORT.pagesInParallel
						description:
							'How many pages of a list are requested at once, once the first page has told how many there are (Return All of thousands of records). 0 is Auto: starts with 3, more while the service answers fine, fewer after a 429 or 503, up to 10. The records keep their order. 1 asks for one page after the other.',
					},
				]
			: []),
		...(forItems
			? [
					{
						displayName: 'Settle Delay (Seconds)',
						name: 'settleSeconds',
						type: 'number' as const,
						typeOptions: { minValue: 0, numberPrecision: 1 },
						default: 2, // DEFAULT_SETTLE_MS in seconds
						description:
							'When a write failed without a clear answer (connection lost, timeout, 5xx), the record is looked up; if it is not there yet, it is looked up again after this long (the write may still land) before the write is sent again. Our estimate: the vendors do not document their processing time.',
					},
				]
			: []),
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30, // DEFAULT_TRANSPORT.timeoutMs in seconds
			description: 'How long to wait for an answer to one request',
		},
	],
});

/** Turns resource descriptors into the node's parameter list (resource, operation, fields). */
export function buildProperties(
	resources: ResourceDescriptor[],
	defaultResource = resources[0].value,
	{ pagedLists = false }: { pagedLists?: boolean } = {},
): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({ name: r.name, value: r.value })),
			default: defaultResource,
		},
	];
	for (const resource of resources) {
		// n8n shows the first operation of a resource until the user picks another.
		const firstOperation = resource.operations[0].value;
		const options: INodePropertyOptions[] = resource.operations.map((op) => ({
			name: op.name,
			value: op.value,
			action: op.action,
			description: op.description,
		}));
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options,
			default: firstOperation,
		});
	}
	for (const resource of resources) {
		for (const op of resource.operations) {
			const show = { resource: [resource.value], operation: [op.value] };
			for (const property of op.properties) {
				properties.push({
					...property,
					displayOptions: {
						...property.displayOptions,
						show: { ...property.displayOptions?.show, ...show },
					},
				});
			}
			// With Batch Items the ids go out together, unread: If Already Done applies to one item at a time.
			if (op.stateChange) properties.push({ ...ifAlreadyDoneProperty, displayOptions: { show, ...(op.batch ? { hide: { batchItems: [true] } } : {}) } });
			if (op.list) properties.push(...returnAllAndLimit(resource.value, op.value));
			if (op.batch) properties.push(...batchItemsProperties(resource.value, op.value, op.batch.maxIds));
		}
	}
	properties.push(requestOptionsProperty(resources.map((r) => r.value), { forItems: true, forPages: pagedLists }));
	return properties;
}

