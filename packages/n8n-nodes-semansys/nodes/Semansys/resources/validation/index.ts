import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { pathSegment } from '@n8n-nodes-eu-finance/shared/validation';
import { compact, optionalText, stringProperty } from '../../fields';
import { fileInput } from '../../files';
import { inferredOperations } from '../../inferred';
import { statusPath } from '../../jobs';
import { semansysOperation } from '../../operation';

const statusOperation = (filtered: boolean) =>
	semansysOperation({
		value: filtered ? 'getFilteredStatus' : 'getStatus',
		name: filtered ? 'Get Filtered Status' : 'Get Status',
		action: filtered ? 'Get the filtered status of a validation' : 'Get the status of a validation',
		description: `Look up a validation job by the jobId a validation answered with. Returns jobId and finished (false while it runs); when finished, the result with ${filtered ? 'only the filtered' : 'all'} messages (validationResult valid or invalid, each message with category, code and text).`,
		endpoint: { method: 'GET', path: filtered ? '/validation/filtered-status/{id}' : '/validation/status/{id}', confirmed: true },
		properties: [stringProperty('Job ID', 'jobId', 'The jobId a validation answered with', { required: true })],
		fields: { jobId: pathSegment() },
		request: ({ jobId }) => ({ path: statusPath(jobId, filtered), allowEmptyBody: true }),
		// 202: still running; 200: the result.
		output: (answer, input, statusCode) => ({ jobId: input.jobId as string, finished: statusCode !== 202, ...(answer as IDataObject) }),
	});

const instanceValidation = (value: string, name: string, action: string, path: string, description: string) =>
	semansysOperation({
		value,
		name,
		action,
		description,
		endpoint: { method: 'POST', path, confirmed: true },
		files: [fileInput('instance', 'Instance', true)],
		properties: [
			stringProperty('File Name', 'fileName', 'Empty uses the name of the binary file'),
			stringProperty('ESMA Year', 'esmaYear', 'Year of the ESMA rules; empty uses the Semansys default ("2024")'),
		],
		fields: { fileName: optionalText, esmaYear: optional4Digits() },
		job: true,
		request: (input, files) => ({
			body: compact({ idOrBase64Content: files.instance.value, fileName: input.fileName ?? files.instance.fileName, esmaYear: input.esmaYear }),
		}),
	});

/**
 * Confirmed by Semansys' page: fileName and fileExtension are required (e.g. ".xbr"), providedHash and the JSON hash
 * file optional, and the answer comes at once (no job).
 */
const checkHashCodes = semansysOperation({
	value: 'hashCodes',
	name: 'Check Hash Codes',
	action: 'Check the hash codes of a report package',
	description:
		'Check a report package (from a binary field or a Customer Corner file ID) against its hash: an overall hash you give, or its JSON hash file. Answers at once. Returns hashResult: reportingPackageHash, isReportingPackageHashValid, the file list and the folder structure.',
	endpoint: { method: 'POST', path: '/validation/hash-codes', confirmed: true },
	files: [fileInput('package', 'Report Package', true)],
	properties: [
		stringProperty('File Name', 'fileName', 'Empty uses the name of the binary file (without extension); required for a Customer Corner file ID'),
		stringProperty('File Extension', 'fileExtension', 'E.g. ".xbr"; empty uses the extension of the binary file; required for a Customer Corner file ID'),
		stringProperty('Provided Hash', 'providedHash', 'The overall hash to check the package against (optional)'),
		stringProperty('JSON Hash File', 'jsonIdOrBase64Content', "The package's JSON hash file as a Customer Corner file ID or base64, instead of a provided hash (optional)"),
	],
	fields: { fileName: optionalText, fileExtension: optionalText, providedHash: optionalText, jsonIdOrBase64Content: optionalText },
	request: (input, files) => ({
		body: compact({
			idOrBase64Content: files.package.value,
			fileName: input.fileName ?? files.package.fileName?.replace(/\.[^.]+$/, ''),
			fileExtension: input.fileExtension ?? (files.package.extension ? `.${files.package.extension}` : undefined),
			providedHash: input.providedHash,
			jsonIdOrBase64Content: input.jsonIdOrBase64Content,
		}),
		idempotent: true,
	}),
});

function optional4Digits() {
	return z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'number' ? String(v) : v), z.string().trim().regex(/^\d{4}$/, 'must be a year such as 2024').optional());
}

export const validationResource: ResourceDescriptor = {
	value: 'validation',
	name: 'Validation',
	operations: [
		statusOperation(false),
		statusOperation(true),
		instanceValidation('xbrlCalculation', 'Validate XBRL Calculation', 'Validate the XBRL calculations of an instance', '/validation/instance/xbrl-calculation', 'Check the XBRL calculations of an instance (from a binary field or a Customer Corner file ID). Returns the jobId to poll with Get Status, or with Wait for Completion on, the result (validationResult valid or invalid and its messages).'),
		instanceValidation('formulaAssertions', 'Validate Formula Assertions', 'Validate the formula assertions of an instance', '/validation/instance/formula-assertions', 'Check the formula assertions of the taxonomy against an instance (from a binary field or a Customer Corner file ID). Returns the jobId to poll with Get Status, or with Wait for Completion on, the result (validationResult valid or invalid and its messages).'),
		instanceValidation('filingRules', 'Validate Filing Rules', 'Validate an instance against the filing rules', '/validation/instance/filing-rules', 'Check an instance (from a binary field or a Customer Corner file ID) against the SBR-NL filing rules. Returns the jobId to poll with Get Status, or with Wait for Completion on, the result (validationResult valid or invalid and its messages).'),
		checkHashCodes,
		...inferredOperations('validation'),
	],
};
