import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { entryPointProperty, optionalText, requiredText, stringProperty } from '../../fields';
import { fileInput } from '../../files';
import { inferredOperations } from '../../inferred';
import { semansysOperation } from '../../operation';
import { generateInstance } from './generateInstance';

const hashSingleFile = semansysOperation({
	value: 'hashSingleFile',
	name: 'Create Hash of Single File',
	action: 'Create the hash of a report package file',
	description: 'Hash one report package file (from a binary field). Returns its reporting package hash, whether it is valid, its file list and folder structure.',
	endpoint: { method: 'POST', path: '/input-import/hash-creation/single-file', confirmed: true },
	files: [fileInput('file', 'File', true)],
	properties: [
		stringProperty('File Name', 'fileName', 'Empty uses the name of the binary file (without extension)'),
		stringProperty('File Extension', 'fileExtension', 'E.g. "zip"; empty uses the extension of the binary file'),
	],
	fields: { fileName: optionalText, fileExtension: optionalText },
	request: (input, files) => ({
		body: {
			idOrBase64Content: files.file.value,
			fileName: input.fileName ?? files.file.fileName?.replace(/\.[^.]+$/, '') ?? '',
			fileExtension: input.fileExtension ?? files.file.extension ?? '',
		},
		idempotent: true,
	}),
});

const instanceData = semansysOperation({
	value: 'instanceData',
	name: 'Get Instance Data',
	action: 'Read the data rows of an instance',
	description: 'Read the facts of an instance as data rows for a taxonomy entrypoint (URL). Returns the rows, with the rows the entrypoint does not present.',
	endpoint: { method: 'POST', path: '/input-import/instance/data', confirmed: true },
	files: [fileInput('instance', 'Instance', true)],
	properties: [entryPointProperty],
	fields: { schemaRef: requiredText },
	request: (input, files) => ({ body: { schemaRef: input.schemaRef, base64Content: files.instance.value }, idempotent: true }),
});

export const inputImportResource: ResourceDescriptor = {
	value: 'inputImport',
	name: 'Input Import',
	// Generate Instance is confirmed now: it replaces the INFERRED table's entry of the same value.
	operations: [hashSingleFile, instanceData, generateInstance, ...inferredOperations('inputImport')],
};
