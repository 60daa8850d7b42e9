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
		...inferredOperations('validation'),
	],
};
