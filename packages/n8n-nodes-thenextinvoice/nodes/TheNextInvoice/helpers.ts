import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { ListSpec, OperationDescriptor, OperationRun } from '@n8n-nodes-eu-finance/shared/operations';
import type { StateChange } from '@n8n-nodes-eu-finance/shared/stateChange';
import { apiRequest, type RequestSpec } from '@n8n-nodes-eu-finance/shared/transport/request';

/** Helpers of the operations: one request of a `run`, answer shaping, and operations on one record by id. */

/** Sends one request for the operation's item and returns the answer (envelope already unwrapped). */
export async function send(run: OperationRun<unknown>, spec: RequestSpec): Promise<unknown> {
	return (await apiRequest(run.context, run.api, spec, { itemIndex: run.itemIndex, settings: run.settings })).body;
}

/** An object answer as it is; a plain-text answer ("Template removed") as `message`. */
export const answerFields = (answer: unknown): IDataObject =>
	answer && typeof answer === 'object' && !Array.isArray(answer)
		? (answer as IDataObject)
		: answer === undefined || answer === null || answer === ''
			? {}
			: { message: answer as IDataObject[string] };

/** Values of `record` for the given fields, without null/undefined (what a full PUT needs to keep them). */
export function pick(record: unknown, fields: readonly string[]): IDataObject {
	if (!record || typeof record !== 'object') return {};
	const source = record as IDataObject;
	return Object.fromEntries(fields.filter((f) => source[f] !== undefined && source[f] !== null).map((f) => [f, source[f]]));
}

/** A list endpoint that answers every record at once (a bare array); Return All / Limit keep the first ones. */
export const wholeList = (path: string, qs?: IDataObject): ListSpec => ({ request: { method: 'GET', path, qs }, pagination: { style: 'none' } });

/** "Get Many" of such an endpoint, without parameters. */
export const getAllOperation = (action: string, description: string, path: string): OperationDescriptor => ({
	value: 'getAll',
	name: 'Get Many',
	action,
	description,
	properties: [],
	schema: z.object({}),
	list: () => wholeList(path),
});

/** The id parameter of a record: its UI property (its name is the input field) and its check. */
export interface RecordKey {
	property: INodeProperties;
	schema: z.ZodTypeAny;
}

export interface RecordOperationSpec<T extends z.ZodRawShape> {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Parameters besides the id, checked by `shape`. */
	properties?: INodeProperties[];
	shape?: T;
	/** The request for one id, or for comma-separated ids with Batch Items. */
	request: (id: string, input: z.infer<z.ZodObject<T>>) => RequestSpec;
	/** The item for one id; defaults to the answer itself. */
	output?: (answer: unknown, id: string, input: z.infer<z.ZodObject<T>>) => IDataObject;
	/** The endpoint takes comma-separated ids (`/invoice/1,2,3/book`): offers Batch Items; each id gets `result` (of the chunk's answer). */
	batch?: { maxIds: number; result: (id: string, answer: unknown) => IDataObject };
	/** A write the vendor refuses to apply twice: after an unknown outcome, looks the record up (the descriptor's `recover`). */
	recover?: (id: string, run: OperationRun<unknown>) => Promise<unknown>;
	/** Moves the record to a state, done once (the descriptor's `stateChange`, with the record's id). */
	stateChange?: Omit<StateChange<unknown>, 'isDone'> & { isDone: (id: string, run: OperationRun<unknown>) => Promise<unknown> };
	/** Repeating or reordering it could harm (it messages a customer, numbers an invoice): one item at a time under Auto. */
	sequential?: boolean;
}

/** One operation on one record given by id (an invoice, a profile, an integration type, ...). */
export function onRecord<T extends z.ZodRawShape = Record<string, never>>(key: RecordKey, spec: RecordOperationSpec<T>): OperationDescriptor {
	const idName = key.property.name;
	const split = (input: IDataObject) => {
		const { [idName]: id, ...rest } = input;
		return { id: String(id), rest: rest as z.infer<z.ZodObject<T>> };
	};
	const { output, batch, recover, stateChange } = spec;
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		sequential: spec.sequential,
		properties: [key.property, ...(spec.properties ?? [])],
		schema: z.object({ [idName]: key.schema, ...spec.shape }),
		request: (input: IDataObject) => {
			const { id, rest } = split(input);
			return spec.request(id, rest);
		},
		output: output
			? (answer: unknown, input: IDataObject) => {
					const { id, rest } = split(input);
					return output(answer, id, rest);
				}
			: undefined,
		batch: batch && {
			id: (input: IDataObject) => split(input).id,
			maxIds: batch.maxIds,
			request: (ids: string[], input: IDataObject) => spec.request(ids.join(','), split(input).rest),
			resultFor: (answer: unknown, id: string) => batch.result(id, answer),
		},
		recover: recover && (async (input: IDataObject, run: OperationRun<unknown>) => await recover(split(input).id, run)),
		stateChange: stateChange && { ...stateChange, isDone: async (input: IDataObject, run: OperationRun<unknown>) => await stateChange.isDone(split(input).id, run) },
	};
}
