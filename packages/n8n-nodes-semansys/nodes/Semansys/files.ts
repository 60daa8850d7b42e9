/**
 * Files in Semansys JSON: requests carry base64 content (or the ID of a file stored in Customer Corner);
 * answers carry base64 content that the node turns into n8n binary data.
 */
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optional, uuid } from './fields';

/** A base64 field of a request body that the user fills from a binary property (or a file ID where allowed). */
export interface FileInput {
	/** Prefix of the UI parameters: `<name>Source`, `<name>BinaryProperty`, `<name>FileId`. */
	name: string;
	displayName: string;
	/** Documented as "file ID (UUID) or base64 content". */
	acceptsFileId: boolean;
	defaultBinaryProperty?: string;
}

export interface ResolvedFile {
	/** Base64 content, or the file ID. */
	value: string;
	/** The binary's file name (undefined for a file ID). */
	fileName?: string;
	extension?: string;
}

export const fileInput = (name: string, displayName: string, acceptsFileId: boolean, defaultBinaryProperty = 'data'): FileInput => ({
	name,
	displayName,
	acceptsFileId,
	defaultBinaryProperty,
});

export function fileInputProperties(file: FileInput): INodeProperties[] {
	const { defaultBinaryProperty = 'data' } = file;
	const binary: INodeProperties = {
		displayName: `${file.displayName}: Input Binary Field`,
		name: `${file.name}BinaryProperty`,
		type: 'string',
		default: defaultBinaryProperty,
		required: true,
		hint: 'The name of the input binary field holding the file; the node sends it base64-encoded',
	};
	if (!file.acceptsFileId) return [binary];
	return [
		{
			displayName: `${file.displayName} Source`,
			name: `${file.name}Source`,
			type: 'options',
			options: [
				{ name: 'Binary Field', value: 'binary', description: 'A file of the input item' },
				{ name: 'Customer Corner File ID', value: 'fileId', description: 'A file already stored in Semansys Customer Corner' },
			],
			default: 'binary',
		},
		{ ...binary, displayOptions: { show: { [`${file.name}Source`]: ['binary'] } } },
		{
			displayName: `${file.displayName}: File ID`,
			name: `${file.name}FileId`,
			type: 'string',
			default: '',
			required: true,
			placeholder: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
			displayOptions: { show: { [`${file.name}Source`]: ['fileId'] } },
		},
	];
}

export const fileInputShape = (file: FileInput): z.ZodRawShape => ({
	[`${file.name}Source`]: z.preprocess((v) => v ?? 'binary', z.enum(['binary', 'fileId'])),
	[`${file.name}BinaryProperty`]: optional(z.string().trim().min(1, 'must not be empty')),
	[`${file.name}FileId`]: optional(uuid),
});

/** A shown-but-empty parameter of the chosen source is an error on that field. */
export function checkFileInput(file: FileInput, input: IDataObject, ctx: z.RefinementCtx): void {
	const source = input[`${file.name}Source`];
	if (source === 'fileId' && !input[`${file.name}FileId`]) ctx.addIssue({ code: 'custom', path: [`${file.name}FileId`], message: 'is required' });
	if (source === 'binary' && !input[`${file.name}BinaryProperty`]) {
		ctx.addIssue({ code: 'custom', path: [`${file.name}BinaryProperty`], message: 'is required' });
	}
}

export async function resolveFile(context: IExecuteFunctions, itemIndex: number, file: FileInput, input: IDataObject): Promise<ResolvedFile> {
	if (input[`${file.name}Source`] === 'fileId') return { value: String(input[`${file.name}FileId`]) };
	const property = String(input[`${file.name}BinaryProperty`]);
	const meta = context.helpers.assertBinaryData(itemIndex, property);
	const data = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return { value: data.toString('base64'), fileName: meta.fileName, extension: meta.fileExtension };
}

/** A base64 field of an answer and the binary property it becomes. */
export interface FileOutput {
	field: string;
	/** Binary property of the output item. */
	key: string;
	/** Sniffed from the content when not given. */
	mimeType?: string;
	/** The file name's extension when the type alone does not tell (an XBRL instance is XML saved as .xbrl). */
	extension?: string;
}

const EXTENSIONS: Record<string, string> = {
	'application/pdf': 'pdf',
	'text/html': 'html',
	'application/xhtml+xml': 'xhtml',
	'application/xml': 'xml',
	'application/zip': 'zip',
	'text/csv': 'csv',
	'application/json': 'json',
	'application/octet-stream': 'bin',
};

/** The type of decoded content, for answers whose field does not say. */
export function sniffMimeType(data: Buffer): string {
	if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
	if (data[0] === 0x50 && data[1] === 0x4b) return 'application/zip';
	const head = data.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
	if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'text/html';
	if (head.startsWith('<')) return head.includes('xmlns="http://www.w3.org/1999/xhtml"') ? 'application/xhtml+xml' : 'application/xml';
	if (head.startsWith('{') || head.startsWith('[')) return 'application/json';
	return 'application/octet-stream';
}

const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

/** Only base64 text becomes a file: a file ID, a URL or a word in the same field stays as it is. */
const isBase64 = (value: unknown): value is string =>
	typeof value === 'string' && value.length >= 4 && BASE64.test(value) && value.replace(/\s/g, '').length % 4 === 0;

/** The key of an object matching `field` without regard to case (Semansys mixes camelCase and PascalCase). */
function keyOf(object: IDataObject, field: string): string | undefined {
	return Object.keys(object).find((key) => key.toLowerCase() === field.toLowerCase());
}

/**
 * Moves the base64 fields of an answer into binary data. The JSON keeps a short note per file
 * (`<field>: "binary:<key>"`) unless `keepRaw` asks for the base64 text itself.
 */
export async function filesFromAnswer(
	context: IExecuteFunctions,
	answer: IDataObject,
	outputs: FileOutput[],
	options: { keepRaw: boolean; baseName: string },
): Promise<{ json: IDataObject; binary?: IBinaryKeyData }> {
	const json: IDataObject = { ...answer };
	const binary: IBinaryKeyData = {};
	for (const output of outputs) {
		const key = keyOf(json, output.field);
		const value = key === undefined ? undefined : json[key];
		if (key === undefined || !isBase64(value)) continue;
		const data = Buffer.from(value, 'base64');
		const mimeType = output.mimeType ?? sniffMimeType(data);
		const fileName = `${options.baseName}.${output.extension ?? EXTENSIONS[mimeType] ?? 'bin'}`;
		binary[output.key] = await context.helpers.prepareBinaryData(data, fileName, mimeType);
		if (!options.keepRaw) json[key] = `binary:${output.key}`;
	}
	return Object.keys(binary).length ? { json, binary } : { json };
}

export const keepRawProperty: INodeProperties = {
	displayName: 'Keep Base64 Fields',
	name: 'keepRawContent',
	type: 'boolean',
	default: false,
	description: 'Whether to keep the base64 text of returned files in the JSON output as well (it is always returned as binary data)',
};

/** Binary property names for the answer fields Semansys documents; other fields keep their own name. */
const BINARY_KEYS: Record<string, string> = { htmlcontent: 'html', pdfcontent: 'pdf', xhtmlcontent: 'xhtml', xmldoc: 'xml', instancecontentbase64: 'instance', content: 'data' };
const MIME_TYPES: Record<string, string> = { htmlcontent: 'text/html', pdfcontent: 'application/pdf', xhtmlcontent: 'application/xhtml+xml' };

/** An answer field as a file: documented names get a short binary property name and their type. */
export const answerFile = (field: string): FileOutput => ({
	field,
	key: BINARY_KEYS[field.toLowerCase()] ?? field,
	mimeType: MIME_TYPES[field.toLowerCase()],
});

