import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { jsonObject, jsonProperty } from '../../fields';
import { inferredOperations } from '../../inferred';
import { semansysOperation } from '../../operation';

const reportExtension = semansysOperation({
	value: 'reportExtension',
	name: 'Create Report Extension',
	action: 'Create a report extension package',
	description: 'Build an extension taxonomy with the instance data as a report package. Returns the package (Content) as binary data.',
	endpoint: { method: 'POST', path: '/taxonomy/report-extension', confirmed: true },
	properties: [
		{
			...jsonProperty('Body (JSON)', 'body', 'extensionsData (taxonomyExtensionMetaData with targetNamespaceURI, namespacePrefix, baseTaxonomyEntryPoint; extensionLinkRoles …), the instance data and the package metadata'),
			required: true,
		},
	],
	fields: { body: jsonObject },
	hashed: true,
	request: ({ body }) => ({ body: body as never, idempotent: true }),
	answerFiles: [{ field: 'Content', key: 'data' }],
});

export const taxonomyResource: ResourceDescriptor = {
	value: 'taxonomy',
	name: 'Taxonomy',
	operations: [...inferredOperations('taxonomy'), reportExtension],
};
