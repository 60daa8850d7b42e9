/**
 * "Custom API Call": one resource every node offers, for the endpoints it has no operation for. The request goes
 * through the node's own transport (credential, token renewal, 401 re-login, retries by the method's idempotency,
 * vendor errors), so it behaves like every other operation of that node.
 */
import type { IDataObject, IHttpRequestMethods, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, fileNameFromDisposition, type OperationRun, type ResourceDescriptor } from './operations';
import { apiRequest, type RequestSpec, type VendorApi } from './transport/request';
import { jsonObject } from './validation';

export interface CustomApiCallOptions {
	/** The service as its users know it, e.g. 'fiskaly': the action reads "Call any fiskaly endpoint". */
	vendorName: string;
	/** A real path below the Base URL, shown as the Path placeholder, e.g. '/organizations'. */
	examplePath: string;
	/**
	 * For a vendor whose answers the transport unwraps (`VendorApi.unwrap`): offers "Keep Envelope" (default off),
	 * which returns the whole answer instead of its payload. `shape` describes the envelope, e.g. '{ success, data, error }'.
	 */
	keepEnvelope?: { shape: string };
	/** An empty 2xx answer is an empty item instead of an error (vendors whose writes often answer with nothing). */
	allowEmptyBody?: boolean;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const satisfies readonly IHttpRequestMethods[];
const MAX_PATH = 2000;

/** A path below the credential's Base URL: never another host (`//host` is one to the HTTP client), never above it. */
const pathSchema = z
	.string({ required_error: 'is required', invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required')
	.max(MAX_PATH, `must be at most ${MAX_PATH} characters`)
	.regex(/^\//, 'must start with / (a path below the base URL)')
	.regex(/^[^\s\\\p{C}]*$/u, 'must not contain spaces, backslashes or control characters')
	.refine((path) => !path.startsWith('//'), 'must not start with // (that would leave the base URL)')
	.refine((path) => !/(^|\/)\.\.?(\/|\?|#|$)/.test(path), 'must not contain "." or ".." segments (a path below the base URL)');

type QueryValue = string | number | boolean;
const isQueryValue = (value: unknown): value is QueryValue => ['string', 'number', 'boolean'].includes(typeof value);

/** Query parameters: a JSON object of text, numbers, true/false or lists of them (each value names its key when wrong). */
const querySchema = jsonObject.superRefine((query, ctx) => {
	for (const [key, value] of Object.entries(query)) {
		if (isQueryValue(value) || (Array.isArray(value) && value.every(isQueryValue))) continue;
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'must be text, a number, true/false or a list of them' });
	}
});

/** `keepEnvelope` is only read where the node offers it (vendors with an envelope); elsewhere it stays undefined. */
const schema = z.object({
	method: z.enum(METHODS, { errorMap: () => ({ message: `must be one of ${METHODS.join(', ')}` }) }),
	path: pathSchema,
	query: querySchema,
	body: jsonObject.optional(),
	response: z.enum(['json', 'file'], { errorMap: () => ({ message: 'must be JSON or File' }) }).default('json'),
	binaryPropertyName: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
	keepEnvelope: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
});

type CustomCallInput = z.infer<typeof schema>;

/** The same vendor, its envelope checked (an error in it still fails the item) but returned whole. */
function keepingEnvelope(api: VendorApi): VendorApi {
	const { unwrap } = api;
	if (!unwrap) return api;
	return {
		...api,
		unwrap: (body) => {
			const unwrapped = unwrap(body);
			return 'error' in unwrapped ? unwrapped : { data: body };
		},
	};
}

const isRecord = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object is one item, an array one item per entry; other values become `{ value }`, nothing an empty item. */
function itemsOf(answer: unknown): IDataObject[] {
	if (Array.isArray(answer)) return answer.map((entry: unknown) => (isRecord(entry) ? entry : { value: entry as IDataObject[string] }));
	if (isRecord(answer)) return [answer];
	if (answer === undefined || answer === null) return [{}];
	return [{ value: answer as IDataObject[string] }];
}

/** The request a Custom API Call sends: the body only for methods that carry one, and not an empty one with DELETE. */
function requestOf(input: CustomCallInput, allowEmptyBody: boolean): RequestSpec {
	const body = input.method === 'GET' || (input.method === 'DELETE' && Object.keys(input.body ?? {}).length === 0) ? undefined : (input.body ?? {});
	return {
		method: input.method,
		path: input.path,
		qs: Object.keys(input.query).length ? (input.query as IDataObject) : undefined,
		body: body as IDataObject | undefined,
		binary: input.response === 'file',
		allowEmptyBody,
	};
}

/** Builds the Custom API Call resource of one node. */
export function customApiCallResource(options: CustomApiCallOptions): ResourceDescriptor {
	const { vendorName, examplePath } = options;
	const withEnvelope = options.keepEnvelope !== undefined;
	const properties: INodeProperties[] = [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'DELETE', value: 'DELETE' },
				{ name: 'GET', value: 'GET' },
				{ name: 'PATCH', value: 'PATCH' },
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
			],
			default: 'GET',
			description: 'HTTP method. GET, PUT and DELETE are retried after a server error; POST and PATCH only when the service was busy (429, 503).',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: examplePath,
			description: `Path below the Base URL of the credential, starting with /, e.g. ${examplePath}`,
		},
		{
			displayName: 'Query Parameters (JSON)',
			name: 'query',
			type: 'json',
			default: '{}',
			description: 'Query string parameters as a JSON object, e.g. {"limit": 10}',
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '{}',
			description: 'JSON body as a JSON object (not sent with GET, nor empty with DELETE)',
			displayOptions: { hide: { method: ['GET'] } },
		},
		{
			displayName: 'Response',
			name: 'response',
			type: 'options',
			options: [
				{ name: 'File', value: 'file', description: 'The answer as binary data (PDF, XML, ZIP, ...)' },
				{ name: 'JSON', value: 'json', description: 'The JSON answer: one item, or one item per entry of an array' },
			],
			default: 'json',
			description: 'What the endpoint answers with',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: 'Name of the binary property for the downloaded file',
			displayOptions: { show: { response: ['file'] } },
		},
		...(withEnvelope
			? [
					{
						displayName: 'Keep Envelope',
						name: 'keepEnvelope',
						type: 'boolean' as const,
						default: false,
						description: `Whether to return the whole answer ${options.keepEnvelope?.shape ?? ''} instead of only its data. An error in it fails the item either way.`,
						displayOptions: { show: { response: ['json'] } },
					},
				]
			: []),
	];

	const execute = async ({ context, api, input, itemIndex, settings }: OperationRun<CustomCallInput>): Promise<INodeExecutionData[]> => {
		const spec = requestOf(input, options.allowEmptyBody === true);
		const vendorApi = withEnvelope && input.keepEnvelope === true && !spec.binary ? keepingEnvelope(api) : api;
		const response = await apiRequest(context, vendorApi, spec, { itemIndex, settings });
		if (!spec.binary) return itemsOf(response.body).map((json) => ({ json }));
		const mimeType = String(response.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
		const lastSegment = input.path.split(/[?#]/)[0].split('/').filter(Boolean).pop();
		const fileName = fileNameFromDisposition(response.headers['content-disposition']) ?? lastSegment ?? 'response';
		const binary = await context.helpers.prepareBinaryData(response.body as Buffer, fileName, mimeType);
		return [
			{
				json: { fileName: binary.fileName, mimeType: binary.mimeType, fileSize: binary.fileSize },
				binary: { [input.binaryPropertyName || 'data']: binary },
			},
		];
	};

	const call = defineOperation<CustomCallInput>({
		value: 'call',
		name: 'Call',
		action: `Call any ${vendorName} endpoint`,
		description: `Send a request with this credential to any path of the ${vendorName.replace(/ API$/, '')} API (the path is relative to the credential's base URL). Returns its JSON answer as items, or a file as binary data.`,
		properties,
		schema,
		execute,
	});

	return { value: 'customApiCall', name: 'Custom API Call', operations: [call] };
}
