import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { binaryInputProperty, binaryOutputProperty, binaryOutputSchema } from '../../fields';
import { multipartBody } from '../../files';
import { answerFields, send } from './common';

const PATH = '/settings/termsandconditions';

export const downloadTerms = defineOperation({
	value: 'downloadTerms',
	name: 'Download Terms and Conditions',
	action: 'Download the terms and conditions',
	description: 'Download the stored terms and conditions document (404 when none is set). Returns the file as binary data.',
	properties: [binaryOutputProperty],
	schema: z.object(binaryOutputSchema),
	request: () => ({ method: 'GET', path: PATH }),
	// The answer's content type gives the file extension.
	download: { fileName: () => 'terms-and-conditions' },
});

export const uploadTerms = defineOperation<{ binaryPropertyName: string }>({
	value: 'uploadTerms',
	name: 'Upload Terms and Conditions',
	action: 'Upload the terms and conditions',
	description: 'Store a document from a binary field as the terms and conditions, replacing the current one. Returns uploaded: true.',
	properties: [
		binaryInputProperty('the file to be uploaded'),
	],
	schema: z.object({ binaryPropertyName: z.string().trim().min(1, 'must not be empty') }),
	request: async ({ binaryPropertyName }, tools) => {
		const file = await tools.binary(binaryPropertyName);
		const { body, contentType } = multipartBody({}, file);
		// Storing the same document again has the same result.
		return { method: 'POST', path: PATH, rawBody: body, headers: { 'Content-Type': contentType }, idempotent: true };
	},
	output: (answer, { binaryPropertyName }) => ({ uploaded: true, binaryPropertyName, ...answerFields(answer) }),
});

export const deleteTerms = defineOperation({
	value: 'deleteTerms',
	name: 'Delete Terms and Conditions',
	action: 'Delete the terms and conditions',
	description: 'Remove the stored terms and conditions document. Returns deleted: true.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'DELETE', path: PATH }),
	output: (answer) => ({ deleted: true, ...answerFields(answer) }),
});

/** HEAD: 200 when a document is stored, 404 when not. */
export const checkTerms = defineOperation({
	value: 'checkTerms',
	name: 'Check Terms and Conditions',
	action: 'Check whether terms and conditions are set',
	description: 'Check whether a terms and conditions document is stored, without downloading it. Returns exists: true or false.',
	properties: [],
	schema: z.object({}),
	run: async (run) => {
		try {
			await send(run, { method: 'HEAD', path: PATH, allowEmptyBody: true });
			return { exists: true };
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') return { exists: false };
			// The transport's errors go on unchanged (message, status, item); anything else is wrapped.
			throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(run.context.getNode(), error as Error, { itemIndex: run.itemIndex });
		}
	},
});
