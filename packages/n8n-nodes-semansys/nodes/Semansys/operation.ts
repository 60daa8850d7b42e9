/**
 * One builder for every Semansys operation: file inputs (binary field or Customer Corner file ID), the
 * `isHashed` switch, the request, validation jobs with "Wait for Completion", and base64 answers as binary data.
 */
import type { IDataObject, IHttpRequestMethods, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { requestTools, type OperationDescriptor, type OperationRun, type RequestTools } from '@n8n-nodes-eu-finance/shared/operations';
import { apiRequest, type RequestSpec } from '@n8n-nodes-eu-finance/shared/transport/request';
import { semansysApi } from './api';
import { isHashedProperty, optionalText } from './fields';

/**
 * Semansys versions each resource on its own and runs old and new side by side (its notification-periods page), so an
 * operation can ask for another version than the credential's x-api-version.
 */
const apiVersionProperty: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'string',
	default: '',
	placeholder: 'The credential\'s',
	description: 'The x-api-version for this operation only; empty uses the credential\'s API Version',
};
import {
	checkFileInput,
	fileInputProperties,
	fileInputShape,
	filesFromAnswer,
	keepRawProperty,
	resolveFile,
	type FileInput,
	type FileOutput,
	type ResolvedFile,
} from './files';
import { waitForJob, waitOptions, waitProperties, waitShape } from './jobs';

/** Where an operation goes, and whether the vendor's pages confirm it (README and tests read this). */
export interface Endpoint {
	method: IHttpRequestMethods;
	path: string;
	confirmed: boolean;
}

export interface SemansysDescriptor extends OperationDescriptor<IDataObject> {
	/** Undefined for Custom API Call, which reaches any path. */
	endpoint?: Endpoint;
}

export interface OperationSpec<TFields extends z.ZodRawShape> {
	value: string;
	name: string;
	action: string;
	description: string;
	endpoint?: Endpoint;
	properties: INodeProperties[];
	fields: TFields;
	files?: FileInput[];
	/** The documented `isHashed` query switch. */
	hashed?: boolean;
	/** A validation job (202 + job ID): offers Wait for Completion. */
	job?: boolean;
	/** Checks across fields (e.g. a data row needs a period when there is no default period), before anything is sent. */
	refine?: (input: IDataObject, ctx: z.RefinementCtx) => void;
	/** Base64 fields of the answer that become binary data; a function when the user names them. */
	answerFiles?: FileOutput[] | ((input: IDataObject) => FileOutput[]);
	request(
		input: z.infer<z.ZodObject<TFields>> & IDataObject,
		files: Record<string, ResolvedFile>,
		tools: RequestTools,
	): BuiltRequest | Promise<BuiltRequest>;
	/** Shapes the answer (default: the answer itself; an array gives one item per entry). */
	output?: (answer: unknown, input: IDataObject, statusCode: number) => IDataObject | IDataObject[];
}

/** `method` and `path` default to the endpoint's. */
type BuiltRequest = Omit<RequestSpec, 'method' | 'path'> & { method?: IHttpRequestMethods; path?: string };

const asItems = (value: unknown): IDataObject[] =>
	Array.isArray(value)
		? value.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string }))
		: value && typeof value === 'object'
			? [value as IDataObject]
			: [{ value: value as string }];

/** Output files are named after the input file, or after the operation. */
function baseName(files: Record<string, ResolvedFile>, input: IDataObject, operation: string): string {
	const named = (typeof input.fileName === 'string' && input.fileName) || Object.values(files).find((f) => f.fileName)?.fileName;
	return named ? named.replace(/\.[^.]+$/, '') : `semansys-${operation}`;
}

export function semansysOperation<TFields extends z.ZodRawShape>(spec: OperationSpec<TFields>): SemansysDescriptor {
	const files = spec.files ?? [];
	const properties: INodeProperties[] = [
		...files.flatMap(fileInputProperties),
		...spec.properties,
		...(spec.hashed ? [isHashedProperty] : []),
		...(spec.job ? waitProperties : []),
		...(spec.answerFiles ? [keepRawProperty] : []),
		apiVersionProperty,
	];
	const shape: z.ZodRawShape = {
		...Object.assign({}, ...files.map(fileInputShape)),
		...spec.fields,
		...(spec.hashed ? { isHashed: z.boolean().optional() } : {}),
		...(spec.job ? waitShape : {}),
		...(spec.answerFiles ? { keepRawContent: z.boolean().optional() } : {}),
		apiVersion: optionalText,
	};
	const schema = z
		.object(shape)
		.superRefine((input, ctx) => {
			files.forEach((file) => checkFileInput(file, input as IDataObject, ctx));
			spec.refine?.(input as IDataObject, ctx);
		}) as unknown as z.ZodType<IDataObject>;

	const execute = async ({ context, input, itemIndex, settings }: OperationRun<IDataObject>): Promise<INodeExecutionData[]> => {
		const resolved: Record<string, ResolvedFile> = {};
		for (const file of files) resolved[file.name] = await resolveFile(context, itemIndex, file, input);
		const built = await spec.request(input as z.infer<z.ZodObject<TFields>> & IDataObject, resolved, requestTools(context, itemIndex));
		const request: RequestSpec = {
			...built,
			method: built.method ?? spec.endpoint?.method ?? 'GET',
			path: built.path ?? spec.endpoint?.path ?? '/',
			qs: spec.hashed && input.isHashed ? { ...built.qs, isHashed: true } : built.qs,
			headers: input.apiVersion ? { ...built.headers, 'x-api-version': String(input.apiVersion) } : built.headers,
		};
		const response = await apiRequest(context, semansysApi, request, { itemIndex, settings });
		let answer = response.body;
		let statusCode = response.statusCode;
		const wait = spec.job ? waitOptions(input) : undefined;
		const jobId = (answer as IDataObject | undefined)?.jobId;
		if (wait && typeof jobId === 'string' && jobId) {
			const version = input.apiVersion ? { 'x-api-version': String(input.apiVersion) } : undefined;
			answer = await waitForJob(context, semansysApi, jobId, wait, { itemIndex, settings }, version);
			statusCode = 200;
		}
		const shaped = asItems(spec.output ? spec.output(answer, input, statusCode) : answer);
		const outputs = typeof spec.answerFiles === 'function' ? spec.answerFiles(input) : spec.answerFiles;
		const options = { keepRaw: input.keepRawContent === true, baseName: baseName(resolved, input, spec.value) };
		// The input's files stay on the item, so a reporting chain (validate, render, deliver) can use the report again.
		const kept = context.getInputData()[itemIndex]?.binary;
		return await Promise.all(
			shaped.map(async (json) => {
				const produced = outputs?.length ? await filesFromAnswer(context, json, outputs, options) : { json };
				const binary = { ...kept, ...produced.binary };
				return Object.keys(binary).length ? { json: produced.json, binary } : { json: produced.json };
			}),
		);
	};

	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		endpoint: spec.endpoint,
		// Deliveries to Digipoort, SBR Nexus and HMRC reach an authority: under Items in Parallel = Auto, one at a time.
		sequential: spec.endpoint?.method === 'POST' && spec.endpoint.path.startsWith('/delivery/'),
		properties,
		schema,
		execute,
	};
}
