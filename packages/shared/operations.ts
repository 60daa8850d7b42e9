import type {
	IDataObject,
	IPollFunctions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { randomUUID } from 'crypto';
import type { z } from 'zod';

import { AdaptiveConcurrency, bothSignals, FixedConcurrency, runLimited } from './transport/concurrency';
import { asNodeError } from './transport/errors';
import { collectNumberedPages, collectOffsetPages } from './transport/pagination';
import {
	apiRequest,
	AUTO_PAGES,
	DEFAULT_SETTLE_MS,
	DEFAULT_TRANSPORT,
	MAX_PAGES_IN_PARALLEL,
	type RequestContext,
	type RequestSpec,
	type TransportSettings,
	type VendorApi,
} from './transport/request';
import { AUTO_ITEMS, MAX_BATCH_SIZE, MAX_PARALLEL_ITEMS } from './properties';
import { alreadyDone, markDone, settle, type StateChange } from './stateChange';
import { validateInput } from './validation';

/** A list endpoint: how to ask for a page and where the records and the total are. */
export interface ListSpec {
	request: RequestSpec;
	pagination:
		| { style: 'offset'; pageSize: number; limitParam: string; offsetParam: string; itemsField: string; totalField: string }
		| {
				style: 'page';
				pageSize: number;
				firstPage: 0 | 1;
				pageParam: string;
				pageSizeParam: string;
				itemsField: string;
				totalField?: string;
				totalPagesField?: string;
		  }
		/** One answer with every record: in `itemsField`, or the answer itself is the array. */
		| { style: 'none'; itemsField?: string };
}

/** What a request builder may need beyond the validated input. */
export interface RequestTools {
	/** A binary property of the current input item (uploads, base64 fields), checked by n8n. */
	binary(propertyName: string): Promise<{ data: Buffer; fileName: string; mimeType: string }>;
	/** A fresh UUID, e.g. an idempotency token. The request is built once per item, so retries reuse it. */
	uuid(): string;
	/** The item the request is built for, so an error found while building (a file of the wrong kind) can name it. */
	itemIndex?: number;
}

/** The object without its undefined fields: optional parameters left empty are not sent. */
export function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** Bulk endpoints that take many ids at once (e.g. `POST /invoice/1,2,3/book`). */
export interface BatchSpec<TInput> {
	/** The record id of one item. */
	id(input: TInput): string;
	maxIds: number;
	/** The request for a chunk of ids; `input` is the first item's (the other parameters must match). */
	request(ids: string[], input: TInput): RequestSpec;
	/** The result for one id, from the chunk's answer. */
	resultFor?(body: unknown, id: string): IDataObject;
}

/** A file answer becomes n8n binary data. */
export interface DownloadSpec<TInput> {
	fileName(input: TInput): string;
	/** Used when the answer has no content type. */
	mimeType?: string;
}

/**
 * A file made by an operation's own `run` (e.g. decoded from a JSON answer): returned like a download, as
 * n8n binary data in the property named by the `binaryPropertyName` parameter (default `data`).
 */
export class FileResult {
	constructor(
		readonly data: Buffer,
		readonly fileName: string,
		readonly mimeType: string,
		/** Extra JSON fields of the item, next to fileName, mimeType and fileSize. */
		readonly json: IDataObject = {},
	) {}
}

export type ApiSelector = VendorApi | ((context: IExecuteFunctions, itemIndex: number) => VendorApi);

export interface OperationRun<TInput> {
	context: IExecuteFunctions;
	api: VendorApi;
	input: TInput;
	itemIndex: number;
	settings: TransportSettings;
}

/**
 * One operation of one resource: its UI parameters, the zod schema that checks them and turns them
 * into the API's shape, and either the request it sends, the list it pages through, or (rarely)
 * custom code.
 */
export interface OperationDescriptor<TInput = unknown> {
	value: string;
	name: string;
	action: string;
	description: string;
	properties: INodeProperties[];
	schema: z.ZodType<TInput, z.ZodTypeDef, unknown>;
	request?(input: TInput, tools: RequestTools): RequestSpec | Promise<RequestSpec>;
	list?(input: TInput): ListSpec;
	/** The answer is a file: returned as binary data in the property named by the `binaryPropertyName` parameter. */
	download?: DownloadSpec<TInput>;
	/** Offers "Batch Items": the ids of many input items go out together, `maxIds` per request unless Batch Size says otherwise. */
	batch?: BatchSpec<TInput>;
	/**
	 * Custom code (several requests, special errors). With `list` too, the operation still offers Return All /
	 * Limit (read them with `listLimit`) and `run` decides how to page. A `FileResult` becomes binary data.
	 */
	run?(run: OperationRun<TInput>): Promise<IDataObject | IDataObject[] | FileResult>;
	/** Custom code whose answer carries several files or JSON next to files: returns whole items (JSON and binary). */
	execute?(run: OperationRun<TInput>): Promise<INodeExecutionData[]>;
	/** Shapes the answer; defaults to the answer itself (one item, or one per list record). */
	output?(body: unknown, input: TInput): IDataObject | IDataObject[];
	/**
	 * For a write that can be looked up afterwards. When its outcome is unknown (connection lost, 5xx, timeout),
	 * `recover` asks the vendor what happened: it returns the answer the write would have given (the item succeeds
	 * with it) or `undefined` when the write certainly did not happen; then the same request is sent again. Only
	 * for writes the vendor refuses to apply twice (a unique name, an idempotency token, a state change), so that a
	 * late first attempt and the resend can never both land.
	 */
	recover?(input: TInput, run: OperationRun<TInput>, sent: RequestSpec): Promise<unknown>;
	/**
	 * For a create whose vendor has no idempotency key of its own, when the user gave one: the record an earlier run
	 * made with the same key, or `undefined`. Found → the item succeeds with it and nothing is sent, so a workflow run
	 * again (a failed execution retried, an AI agent repeating a tool call) makes no second record.
	 */
	existing?(input: TInput, run: OperationRun<TInput>): Promise<unknown>;
	/**
	 * Adds what only this operation knows to its item's error (e.g. which setting to change after a 404), before the
	 * error is thrown or, with Continue On Fail, becomes the item's `error` / `errorDetails`.
	 */
	explainError?(error: NodeApiError | NodeOperationError, input: TInput): void;
	/**
	 * A write whose repetition or reordering could harm (it messages a customer, delivers to a tax authority, numbers
	 * an invoice): under Items in Parallel = Auto it goes one item at a time. An explicit number still applies.
	 * Everything else (reads, idempotent writes, creates that carry an idempotency key or are never blindly repeated)
	 * runs in parallel under Auto.
	 */
	sequential?: boolean;
	/** Moves a record to a state (finalize, send, enable, ...): done once, a repeat succeeds with `alreadyDone` (stateChange.ts). */
	stateChange?: StateChange<TInput>;
}

/**
 * How many times a write whose outcome was unknown is looked up and sent again before its error stands. Every resend
 * follows a lookup (and the settle delay) that found nothing, so more rounds cost time only while the vendor keeps
 * failing (under the fault suite's 27 % faults, 3 rounds left 2 of 500 finalizes unknown).
 */
const RECOVERY_ROUNDS = 5;

export interface ResourceDescriptor {
	value: string;
	name: string;
	operations: OperationDescriptor[];
}

/**
 * Declares an operation. Its input type is what its zod schema produces, so the request builder, `run`, `output`
 * and the other hooks are type-checked against the validated input. The result joins the resource's list, where
 * the runner only ever hands a descriptor the output of its own schema: that is why forgetting the input type here
 * is safe.
 */
export function defineOperation<TInput>(descriptor: OperationDescriptor<TInput>): OperationDescriptor {
	return descriptor as unknown as OperationDescriptor;
}

// A string: n8n hands back a copy of an object fallback, which would never compare equal.
const NOT_DISPLAYED = '\u0000not-displayed';

/** Reads one parameter for one item (the signature of getNodeParameter that the runner uses). */
type ParameterReader = (name: string, itemIndex: number, fallback: unknown, options?: { extractValue?: boolean }) => unknown;

const containsExpression = (value: unknown): boolean =>
	typeof value === 'string'
		? value.startsWith('=')
		: value !== null && typeof value === 'object' && Object.values(value as object).some(containsExpression);

const copied = <T>(value: T): T => (value !== null && typeof value === 'object' ? structuredClone(value) : value);

/**
 * Parameter reads for one run. n8n's getNodeParameter resolves expressions and then, to validate the value, looks the
 * parameter up among all of the node's properties (our nodes have hundreds, many named alike), on every call. A
 * parameter whose stored value holds no expression is the same for every item, so it is read once per run; each item
 * still gets its own copy. A read that throws is not kept: the next item reads (and fails) on its own.
 */
function parameterReader(context: IExecuteFunctions): ParameterReader {
	const stored = context.getNode().parameters;
	const constant = new Map<string, unknown>();
	return (name, itemIndex, fallback, options) => {
		const key = options?.extractValue ? `${name}\u0000value` : name;
		if (constant.has(key)) return copied(constant.get(key));
		const value = context.getNodeParameter(name, itemIndex, fallback, options);
		if (!containsExpression(stored[name])) constant.set(key, copied(value));
		return value;
	};
}

/** Reads an operation's parameters for one item; hidden ones come back as undefined. */
function readParameters(read: ParameterReader, properties: INodeProperties[], itemIndex: number): IDataObject {
	const raw: IDataObject = {};
	for (const property of properties) {
		if (property.type === 'notice') continue;
		// Parameters hidden by displayOptions are not stored; n8n then returns the fallback.
		let value = read(property.name, itemIndex, NOT_DISPLAYED);
		// A picker's value is extracted only when it is shown: n8n refuses to extract one that is hidden
		// ("Could not find property"), e.g. the receiver ID when the receiver is given as a JSON object.
		if (value !== NOT_DISPLAYED && property.type === 'resourceLocator') value = read(property.name, itemIndex, NOT_DISPLAYED, { extractValue: true });
		raw[property.name] = value === NOT_DISPLAYED ? undefined : (value as IDataObject[string]);
	}
	return raw;
}

/** A trigger's Request Options (a poll has no items). */
export function pollTransportSettings(context: IPollFunctions): TransportSettings {
	return settingsFromOptions(context.getNodeParameter('requestOptions', {}) as IDataObject);
}

function settingsFromOptions(options: IDataObject): TransportSettings {
	const number = (value: unknown, fallback: number) => (typeof value === 'number' && value >= 0 ? value : fallback);
	const pages = Math.min(Math.floor(number(options.pagesInParallel, 0)), MAX_PAGES_IN_PARALLEL);
	// Auto: each list gets its own controller, told about every answer of its requests.
	const pageControl = pages === 0 ? new AdaptiveConcurrency(AUTO_PAGES.start, AUTO_PAGES.max) : undefined;
	return {
		pagesInParallel: pageControl ?? pages,
		congestion: pageControl,
		timeoutMs: number(options.timeoutSeconds, DEFAULT_TRANSPORT.timeoutMs / 1000) * 1000,
		settleMs: number(options.settleSeconds, DEFAULT_SETTLE_MS / 1000) * 1000,
		retry: {
			...DEFAULT_TRANSPORT.retry,
			maxAttempts: number(options.maxAttempts, DEFAULT_TRANSPORT.retry.maxAttempts),
			maxTotalWaitMs: number(options.maxTotalWaitSeconds, DEFAULT_TRANSPORT.retry.maxTotalWaitMs / 1000) * 1000,
		},
	};
}

/** The Return All / Limit choice of a list operation: undefined means all. */
export function listLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), `Invalid input in item ${itemIndex}: "Limit" must be a whole number of at least 1`, { itemIndex });
	}
	return limit;
}

/** Some vendors send counts as strings ("12"). */
const numberOrUndefined = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : Number(value));

/** Fetches a list endpoint page by page (all records, or up to `limit`). Used by nodes and triggers. */
export async function fetchList(
	context: RequestContext,
	api: VendorApi,
	spec: ListSpec,
	options: { limit?: number; itemIndex?: number; settings?: TransportSettings } = {},
): Promise<IDataObject[]> {
	const { pagination, request } = spec;
	const { limit, itemIndex, settings } = options;
	const parallel = (settings ?? DEFAULT_TRANSPORT).pagesInParallel;
	const send = async (qs: IDataObject) =>
		(await apiRequest(context, api, { ...request, qs: { ...request.qs, ...qs } }, { itemIndex, settings })).body as IDataObject;
	if (pagination.style === 'none') {
		const body = await send({});
		const found = pagination.itemsField ? body?.[pagination.itemsField] : body;
		// A bare array; an object answer is one record; nothing is no records.
		const records = (Array.isArray(found) ? found : found && typeof found === 'object' ? [found] : []) as IDataObject[];
		return limit === undefined ? records : records.slice(0, limit);
	}
	if (pagination.style === 'page') {
		const { pageParam, pageSizeParam, itemsField, totalField, totalPagesField } = pagination;
		return await collectNumberedPages(
			async (page, pageSize) => {
				const body = await send({ [pageParam]: page, [pageSizeParam]: pageSize });
				return {
					items: (body[itemsField] ?? []) as IDataObject[],
					total: totalField ? numberOrUndefined(body[totalField]) : undefined,
					totalPages: totalPagesField ? numberOrUndefined(body[totalPagesField]) : undefined,
				};
			},
			{ pageSize: pagination.pageSize, firstPage: pagination.firstPage, limit, parallel },
		);
	}
	return await collectOffsetPages(
		async (offset, pageLimit) => {
			const body = await send({ [pagination.offsetParam]: offset, [pagination.limitParam]: pageLimit });
			return { items: (body[pagination.itemsField] ?? []) as IDataObject[], total: numberOrUndefined(body[pagination.totalField]) };
		},
		{ pageSize: pagination.pageSize, limit, parallel },
	);
}

const toArray = (value: IDataObject | IDataObject[]): IDataObject[] => (Array.isArray(value) ? value : [value]);

/** The file name a vendor gives in Content-Disposition (`filename*=UTF-8''…` or `filename="…"`). */
export function fileNameFromDisposition(header: string | string[] | undefined): string | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return undefined;
	const encoded = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(value)?.[1];
	if (encoded) return decodeURIComponent(encoded.trim().replace(/^"|"$/g, ''));
	const quoted = /filename="((?:[^"\\]|\\.)*)"/i.exec(value)?.[1];
	if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1') || undefined;
	return /filename=([^;]+)/i.exec(value)?.[1]?.trim() || undefined;
}

export function requestTools(context: IExecuteFunctions, itemIndex: number): RequestTools {
	return {
		binary: async (propertyName) => {
			const meta = context.helpers.assertBinaryData(itemIndex, propertyName);
			const data = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
			return { data, fileName: meta.fileName ?? propertyName, mimeType: meta.mimeType };
		},
		uuid: () => randomUUID(),
		itemIndex,
	};
}

async function runOperation(op: OperationDescriptor, run: OperationRun<unknown>): Promise<INodeExecutionData[]> {
	const { context, api, itemIndex, settings, input } = run;
	const shape = (value: unknown) => toArray(op.output ? op.output(value, input) : (value as IDataObject));
	if (op.execute) return await op.execute(run);
	if (op.run) {
		const result = await op.run(run);
		return result instanceof FileResult ? [await binaryItem(context, input, result)] : toArray(result).map((json) => ({ json }));
	}
	if (op.list) {
		const limit = listLimit(context, itemIndex);
		const records = await fetchList(context, api, op.list(input), { limit, itemIndex, settings });
		// Return All can be 10,000 records: wrap each once, and only reshape when the operation asks for it.
		return (op.output ? records.flatMap(shape) : records).map((json) => ({ json }));
	}
	if (!op.request) throw new NodeOperationError(context.getNode(), `Operation "${op.value}" has no request`);
	const earlier = op.existing ? await op.existing(input, run) : undefined;
	if (earlier !== undefined) return shape(earlier).map((json) => ({ json }));
	if (op.stateChange) return (await runStateChange(op, op.stateChange, run, shape)).map((json) => ({ json }));
	const spec = await op.request(input, requestTools(context, itemIndex));
	if (op.recover) return shape(await sendRecovering(run, spec, op.recover)).map((json) => ({ json }));
	const response = await apiRequest(context, api, { ...spec, binary: spec.binary || !!op.download }, { itemIndex, settings });
	if (!op.download) return shape(response.body).map((json) => ({ json }));
	const contentType = String(response.headers['content-type'] ?? op.download.mimeType ?? 'application/octet-stream').split(';')[0];
	const fileName = fileNameFromDisposition(response.headers['content-disposition']) ?? op.download.fileName(input);
	return [await binaryItem(context, input, new FileResult(response.body as Buffer, fileName, contentType))];
}

/**
 * A state change: asked first where the vendor would apply a repeat; sent (an unknown outcome looked up); a refusal that says it already happened, confirmed by
 * `isDone`, is the current record with `alreadyDone: true`.
 */
async function runStateChange(
	op: OperationDescriptor,
	change: StateChange<unknown>,
	run: OperationRun<unknown>,
	shape: (value: unknown) => IDataObject[],
): Promise<IDataObject[]> {
	const { context, input, itemIndex } = run;
	const found = (answer: unknown) => {
		alreadyDone(run, change);
		return markDone(shape(answer), true);
	};
	if (change.askFirst) {
		const current = await change.isDone(input, run);
		if (current !== undefined) return found(current);
	}
	const spec = await op.request!(input, requestTools(context, itemIndex));
	// An unknown outcome is settled by the operation's own lookup, else by `isDone`: the record in the target state
	// after this item's request (absent before it, or the vendor would have refused) is this item's change.
	try {
		const answer = await sendRecovering(run, spec, op.recover ?? change.isDone);
		return markDone(shape(answer), false);
	} catch (error) {
		const current = change.refusal?.(error) ? await change.isDone(input, run).catch(() => undefined) : undefined;
		if (current === undefined) throw asNodeError(context.getNode(), error, itemIndex);
		return found(current);
	}
}

/** A lookup's answer, or that it failed (the vendor could not be asked, or could not tell). */
async function lookUp(ask: () => Promise<unknown>): Promise<{ found?: unknown; failed?: true }> {
	try {
		return { found: await ask() };
	} catch {
		return { failed: true };
	}
}

const statedOutcome = (error: unknown) => (error as { context?: IDataObject })?.context?.outcome;

/**
 * Sends a write with a lookup (`recover`): on an unknown outcome, look it up; found → done; not found → wait the
 * settle delay (the write may still land) and look once more; certainly absent → send the same request (same body,
 * same idempotency token) again. A later refusal is also looked up, because the first attempt may have landed late
 * (after a timeout) and be the reason for it.
 */
async function sendRecovering(
	run: OperationRun<unknown>,
	spec: RequestSpec,
	recover: (input: unknown, run: OperationRun<unknown>, sent: RequestSpec) => Promise<unknown>,
): Promise<unknown> {
	const { context, api, input, itemIndex, settings } = run;
	let lastError: unknown;
	for (let round = 0; round < RECOVERY_ROUNDS; round++) {
		try {
			return (await apiRequest(context, api, spec, { itemIndex, settings })).body;
		} catch (error) {
			if (round === 0 && statedOutcome(error) !== 'unknown') throw asNodeError(context.getNode(), error, itemIndex);
			lastError = error;
		}
		// Not found, or the lookup could not tell: the write may still land, so ask once more after the settle delay.
		let lookup = await lookUp(() => recover(input, run, spec));
		if (statedOutcome(lastError) === 'unknown' && lookup.found === undefined) {
			await settle(settings.settleMs ?? DEFAULT_SETTLE_MS);
			lookup = await lookUp(() => recover(input, run, spec));
		}
		if (lookup.failed) throw asNodeError(context.getNode(), lastError, itemIndex); // the lookup failed too: the write's own error stands
		const found = lookup.found;
		if (found !== undefined) return found;
		if (statedOutcome(lastError) === 'notApplied' && round > 0) throw asNodeError(context.getNode(), lastError, itemIndex);
	}
	throw asNodeError(context.getNode(), lastError, itemIndex);
}

/** A file as an item: binary data in the `binaryPropertyName` property (default `data`), its facts as JSON. */
async function binaryItem(context: IExecuteFunctions, input: unknown, file: FileResult): Promise<INodeExecutionData> {
	const property = ((input as IDataObject).binaryPropertyName as string | undefined) || 'data';
	const binary = await context.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType);
	return { json: { ...file.json, fileName: binary.fileName, mimeType: binary.mimeType, fileSize: binary.fileSize }, binary: { [property]: binary } };
}

/** Sends many items' ids in chunks; every item gets its own result (or its own error). */
async function runBatch(
	context: IExecuteFunctions,
	op: OperationDescriptor & { batch: BatchSpec<unknown> },
	prepared: Array<{ itemIndex: number; input: unknown; api: VendorApi; settings: TransportSettings }>,
	emit: (itemIndex: number, result: INodeExecutionData[] | Error) => void,
): Promise<void> {
	const { batch } = op;
	const size = countOption(context.getNodeParameter('batchSize', prepared[0]?.itemIndex ?? 0, batch.maxIds), batch.maxIds, MAX_BATCH_SIZE);
	for (let start = 0; start < prepared.length; start += size) {
		const chunk = prepared.slice(start, start + size);
		const ids = chunk.map((p) => batch.id(p.input));
		const first = chunk[0];
		try {
			const { body } = await apiRequest(context, first.api, batch.request(ids, first.input), { itemIndex: first.itemIndex, settings: first.settings });
			chunk.forEach((p, i) => emit(p.itemIndex, [{ json: batch.resultFor ? batch.resultFor(body, ids[i]) : { id: ids[i], success: true } }]));
		} catch (error) {
			for (const p of chunk) emit(p.itemIndex, error as Error);
		}
	}
}

/** Error texts repeat what they were given (an id, a file name); a 100 KB input must not make a 100 KB message. */
const MAX_ERROR_MESSAGE = 500;
const MAX_ERROR_DESCRIPTION = 1500;
function bounded<E extends NodeApiError | NodeOperationError>(error: E): E {
	if (error.message.length > MAX_ERROR_MESSAGE) error.message = `${error.message.slice(0, MAX_ERROR_MESSAGE)}…`;
	if (error.description && error.description.length > MAX_ERROR_DESCRIPTION) error.description = `${error.description.slice(0, MAX_ERROR_DESCRIPTION)}…`;
	return error;
}

/** The error an item fails with: a node error (ours pass through unchanged), its texts bounded. */
function failureOf(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	return bounded(asNodeError(context.getNode(), error, itemIndex));
}

/** A count the user set (Batch Size, Items in Parallel): a whole number up to `max`; anything below 1 is `fallback`. */
function countOption(value: unknown, fallback: number, max: number): number {
	return typeof value === 'number' && value >= 1 ? Math.min(Math.floor(value), max) : fallback;
}

/**
 * "Items in Parallel" of Request Options, one value for the whole run (read from the first item): a fixed number, or
 * Auto (0, the default) up to "Max Items in Parallel" — one at a time when any item's operation is `sequential`.
 */
function itemConcurrency(read: ParameterReader, prepared: PreparedItem[]): AdaptiveConcurrency {
	if (prepared.length === 0) return new FixedConcurrency(1);
	const options = read('requestOptions', 0, {}) as IDataObject;
	const fixed = countOption(options.parallelItems, 0, MAX_PARALLEL_ITEMS);
	if (fixed > 0) return new FixedConcurrency(fixed);
	if (prepared.some((p) => p.op.sequential)) return new FixedConcurrency(1);
	const max = countOption(options.maxParallelItems, AUTO_ITEMS.max, MAX_PARALLEL_ITEMS);
	return new AdaptiveConcurrency(AUTO_ITEMS.start, max, AUTO_ITEMS.growth);
}

/** "0–4, 6, 9" */
function itemRanges(indexes: number[]): string {
	const sorted = [...indexes].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; i++) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
		i = j;
	}
	return parts.join(', ');
}

interface PreparedItem {
	itemIndex: number;
	op: OperationDescriptor;
	input: unknown;
	api: VendorApi;
	settings: TransportSettings;
}

/**
 * The generic execute(): for every item, find the descriptor and validate its input (all items first, so a bad input
 * stops the run before anything is sent), then send up to "Items in Parallel" items at a time and emit the results
 * in item order, paired with their input. With "Continue On Fail" a failed item becomes an error item; without it
 * the first failure stops new items, and the items already sent finish first.
 */
export async function executeOperations(
	context: IExecuteFunctions,
	apiSelector: ApiSelector,
	resources: ResourceDescriptor[],
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const results = new Map<number, INodeExecutionData[] | Error>();
	const read = parameterReader(context);
	const toSend: PreparedItem[] = [];
	const batched: PreparedItem[] = [];
	let batchOp: (OperationDescriptor & { batch: BatchSpec<unknown> }) | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = read('resource', itemIndex, undefined) as string;
			const operation = read('operation', itemIndex, undefined) as string;
			const op = resources.find((r) => r.value === resource)?.operations.find((o) => o.value === operation);
			if (!op) throw new NodeOperationError(context.getNode(), `Unknown operation "${resource}: ${operation}"`, { itemIndex });
			const raw = readParameters(read, op.properties, itemIndex);
			const input = validateInput(context.getNode(), op.schema, raw, itemIndex, op.properties);
			const settings = settingsFromOptions(read('requestOptions', itemIndex, {}) as IDataObject);
			const api = typeof apiSelector === 'function' ? apiSelector(context, itemIndex) : apiSelector;
			const prepared = { itemIndex, op, input, api, settings };
			if (op.batch && (read('batchItems', itemIndex, false) as boolean)) {
				batchOp = op as OperationDescriptor & { batch: BatchSpec<unknown> };
				batched.push(prepared);
			} else {
				toSend.push(prepared);
			}
		} catch (error) {
			const failure = failureOf(context, error, itemIndex);
			// Without "Continue On Fail" a bad input stops the run before any item is sent.
			if (!continueOnFail) throw failure;
			results.set(itemIndex, failure);
		}
	}

	await sendItems(context, toSend, itemConcurrency(read, toSend), continueOnFail, results);
	if (batchOp) await runBatch(context, batchOp, batched, (itemIndex, result) => results.set(itemIndex, result));

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = results.get(itemIndex);
		if (result instanceof Error) {
			// Batch errors arrive here as they were thrown; item errors are node errors already (a no-op for them).
			const failure = failureOf(context, result, itemIndex);
			if (!continueOnFail) throw failure;
			const { description } = failure;
			// outcome ('notApplied' | 'unknown', failed writes only) lets a workflow route safe retries on its own.
			const outcome = failure.context.outcome;
			output.push({ json: { error: failure.message, ...(description ? { errorDetails: description } : {}), ...(outcome ? { outcome } : {}) }, pairedItem: { item: itemIndex } });
			continue;
		}
		// The items are this run's own objects: paired in place rather than copied (Return All emits thousands).
		const pairedItem = { item: itemIndex };
		for (const item of result ?? []) {
			item.pairedItem = pairedItem;
			output.push(item);
		}
	}
	return [output];
}

/**
 * Sends the items with at most `control.limit` in flight. One at a time, a failure leaves every later item unsent, as the
 * error's item number says. In parallel, the items that had succeeded are not a simple prefix any more, so the error
 * names them: a workflow that is run again must not create them twice.
 */
async function sendItems(
	context: IExecuteFunctions,
	prepared: PreparedItem[],
	control: AdaptiveConcurrency,
	continueOnFail: boolean,
	results: Map<number, INodeExecutionData[] | Error>,
): Promise<void> {
	const failures: Array<{ itemIndex: number; failure: NodeApiError | NodeOperationError }> = [];
	const auto = !(control instanceof FixedConcurrency);
	const started = await runLimited(
		prepared.length,
		control,
		async (index) => {
			const { op, itemIndex, input, api } = prepared[index];
			// Under Auto every answer of the item's requests (retries and logins included) reaches the controller.
			const settings = auto ? { ...prepared[index].settings, congestion: bothSignals(control, prepared[index].settings.congestion) } : prepared[index].settings;
			try {
				results.set(itemIndex, await runOperation(op, { context, api, input, itemIndex, settings }));
			} catch (error) {
				const failure = failureOf(context, error, itemIndex);
				op.explainError?.(failure, input);
				if (continueOnFail) results.set(itemIndex, failure);
				else failures.push({ itemIndex, failure });
			}
		},
		() => !continueOnFail && failures.length > 0,
	);
	if (failures.length === 0) return;
	failures.sort((a, b) => a.itemIndex - b.itemIndex);
	const [{ failure: first }, ...others] = failures;
	// Which items went out matters only when several could: one item (an AI tool call, a single record) needs no list.
	if (control.max > 1 && prepared.length > 1) {
		const succeeded = [...results.keys()];
		const notSent = prepared.slice(started).map((p) => p.itemIndex);
		const facts = [
			auto ? `Items in Parallel: Auto (up to ${control.max}; ${control.mostInFlight} at most were sent at once).` : `Items in Parallel: ${control.max}.`,
			succeeded.length ? `These items had succeeded before the run stopped: ${itemRanges(succeeded)}.` : 'No item had succeeded.',
			others.length ? `These items failed as well: ${itemRanges(others.map((f) => f.itemIndex))}.` : '',
			notSent.length ? `These items were not sent: ${itemRanges(notSent)}.` : '',
		].filter(Boolean);
		first.description = [first.description, facts.join(' ')].filter(Boolean).join('\n\n');
	}
	throw bounded(first);
}
