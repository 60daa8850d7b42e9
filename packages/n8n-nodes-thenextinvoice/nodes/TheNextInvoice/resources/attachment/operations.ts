import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type RequestTools } from '@n8n-nodes-eu-finance/shared/operations';
import { binaryInputProperty, compact, idProperty, optional, recordId } from '../../fields';
import { answerFields, someFields, text, updateFieldsProperty } from '../companySettings/common';
import { getAllOperation } from '../../helpers';

const PATH = '/settings/attachments';

const attachmentId = idProperty('Attachment ID', 'attachmentId');

const binaryInput = binaryInputProperty('the file to be uploaded');

const fileNameProperty: INodeProperties = {
	displayName: 'File Name',
	name: 'fileName',
	type: 'string',
	default: '',
	placeholder: 'terms.pdf',
	description: 'File name with extension; empty uses the name of the binary data',
};

/** The documented upload: `filename` and the base64 `content` of a binary field of the input item. */
async function fileFields(tools: RequestTools, propertyName: string, fileName: string | undefined): Promise<IDataObject> {
	const file = await tools.binary(propertyName);
	return { filename: fileName ?? file.fileName, content: file.data.toString('base64') };
}

export const listAttachments = getAllOperation('Get many attachments', 'List the reusable e-mail attachments of the company. Returns one item per attachment with its ID and file name.', PATH);

export const createAttachment = defineOperation<{ name: string; binaryPropertyName: string; options: { fileName?: string } }>({
	value: 'create',
	name: 'Create',
	action: 'Create an attachment',
	description: 'Upload a file from a binary field as a reusable e-mail attachment. Returns the stored attachment with its ID.',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'General terms', description: 'Display name' },
		binaryInput,
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [fileNameProperty] },
	],
	schema: z.object({
		name: text,
		binaryPropertyName: z.string().trim().min(1, 'must not be empty'),
		options: z.object({ fileName: optional(text) }).default({}),
	}),
	request: async ({ name, binaryPropertyName, options }, tools) => ({
		method: 'POST',
		path: PATH,
		body: { name, ...(await fileFields(tools, binaryPropertyName, options.fileName)) },
	}),
	output: (answer) => answerFields(answer),
});

export const updateAttachment = defineOperation<{ attachmentId: string; updateFields: IDataObject }>({
	value: 'update',
	name: 'Update',
	action: 'Update an attachment',
	description: 'Rename an e-mail attachment and/or replace its file with one from a binary field. Returns the attachment ID with the answer of TheNextInvoice.',
	properties: [
		attachmentId,
		updateFieldsProperty([
			{ ...binaryInput, displayName: 'File From Input Binary Field', hint: 'The name of the input binary field containing the new file' },
			{ ...fileNameProperty, description: 'File name with extension for the new file; empty uses the name of the binary data' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New display name' },
		]),
	],
	schema: z.object({
		attachmentId: recordId,
		updateFields: someFields({ name: optional(text), binaryPropertyName: optional(text), fileName: optional(text) }).refine(
			(fields) => fields.fileName === undefined || fields.binaryPropertyName !== undefined,
			'a new File Name needs a file: add File From Input Binary Field',
		),
	}),
	request: async ({ attachmentId: id, updateFields }, tools) => {
		const { name, binaryPropertyName, fileName } = updateFields as { name?: string; binaryPropertyName?: string; fileName?: string };
		// filename and content go together (documented).
		const file = binaryPropertyName ? await fileFields(tools, binaryPropertyName, fileName) : {};
		return { method: 'PUT', path: `${PATH}/${id}`, body: compact({ name, ...file }) };
	},
	output: (answer, { attachmentId: id }) => ({ id: Number(id), ...answerFields(answer) }),
});

export const deleteAttachment = defineOperation<{ attachmentId: string }>({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an attachment',
	description: 'Remove a reusable e-mail attachment by its ID. Returns attachmentId and deleted: true.',
	properties: [attachmentId],
	schema: z.object({ attachmentId: recordId }),
	request: ({ attachmentId: id }) => ({ method: 'DELETE', path: `${PATH}/${id}` }),
	output: (answer, { attachmentId: id }) => ({ attachmentId: Number(id), deleted: true, ...answerFields(answer) }),
});
