import { z } from 'zod';

import { stringProperty, uuid } from '../../fields';
import { semansysOperation } from '../../operation';

const fileIds = z.preprocess(
	(value) => (typeof value === 'string' ? value.split(/[,\s]+/).filter(Boolean) : value),
	z.array(uuid, { invalid_type_error: 'must be file IDs separated by commas' }).min(1, 'is required'),
);

export const getFiles = semansysOperation({
	value: 'getFiles',
	name: 'Get Files',
	action: 'Get stored files by ID',
	description: 'Read stored Customer Corner files by their IDs (comma-separated). Returns one item per file: name, size, type, sha256, history and properties.',
	endpoint: { method: 'GET', path: '/customer-corner/file/{fileIds}', confirmed: true },
	properties: [stringProperty('File IDs', 'fileIds', 'IDs (UUIDs) of stored files, separated by commas', { required: true })],
	fields: { fileIds },
	// The page shows the IDs in the path and as the fileIds[] query; both are sent.
	request: ({ fileIds: ids }) => ({ path: `/customer-corner/file/${ids.map(encodeURIComponent).join(',')}`, qs: { fileIds: ids } }),
});

export const getFileHistory = semansysOperation({
	value: 'getFileHistory',
	name: 'Get File History',
	action: 'Get the history of a stored file',
	description: 'Read the history of a stored Customer Corner file by its ID. Returns its events (e.g. "Downloaded") with their times.',
	endpoint: { method: 'GET', path: '/customer-corner/file/{id}/history', confirmed: true },
	properties: [stringProperty('File ID', 'fileId', 'ID (UUID) of the stored file', { required: true })],
	fields: { fileId: uuid },
	request: ({ fileId }) => ({ path: `/customer-corner/file/${encodeURIComponent(fileId)}/history` }),
});
