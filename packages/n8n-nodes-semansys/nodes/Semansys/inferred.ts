/**
 * INFERRED operations: entries of the Semansys reference tree whose page was not captured. Their paths follow the
 * rule every captured page obeys (HTTP path = doc URL below /api-reference/); the method is POST except for
 * obvious reads. They take their body as JSON; where a file goes in or comes out, the node handles it as binary data.
 */
import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { jsonObject, jsonProperty } from './fields';
import { answerFile, fileInput } from './files';
import { semansysOperation, type SemansysDescriptor } from './operation';

export interface InferredEntry {
	resource: string;
	value: string;
	name: string;
	/** What n8n's nodes panel lists: a verb and its object in sentence case ("Create a report package"); " (inferred)" is added. */
	action: string;
	method: IHttpRequestMethods;
	path: string;
	description: string;
	/** Body field that takes base64 content (or a file ID where its name says so). */
	content?: string;
	/** Answer fields that carry base64 files. */
	returns?: string[];
	/** A validation job answered with 202 and a job ID. */
	job?: boolean;
	/** Offers the `isHashed` switch (documented on generator and render endpoints). */
	hashed?: boolean;
}

const VALIDATION = { content: 'idOrBase64Content', job: true } as const;
const RENDERING = { content: 'reportContentBase64', hashed: true } as const;
const HTML_PDF = ['htmlContent', 'pdfContent'];
const INSTANCE = ['InstanceContentBase64'];
const TAXONOMY = '/taxonomy/entrypoints';

export const INFERRED: InferredEntry[] = [
	{ resource: 'reportPackage', value: 'create', name: 'Create', action: 'Create a report package', method: 'POST', path: '/report-package', description: 'Build a report package from an instance', content: 'idOrBase64Content', returns: ['content'], hashed: true },
	{ resource: 'instance', value: 'balanceSheet', name: 'Balance Sheet', action: 'Get the balance sheet of an instance', method: 'POST', path: '/instance/balance-sheet', description: 'Read the balance sheet of an instance', content: 'idOrBase64Content' },
	{ resource: 'instance', value: 'pivot', name: 'Pivot', action: 'Pivot the facts of an instance', method: 'POST', path: '/instance/pivot', description: 'Pivot the facts of an instance', content: 'idOrBase64Content' },
	{ resource: 'instance', value: 'inlineCompare', name: 'Inline Compare', action: 'Compare two inline XBRL reports', method: 'POST', path: '/instance/inline-compare', description: 'Compare two inline XBRL reports (body as for Compare)' },
	{ resource: 'reportChat', value: 'upload', name: 'Upload', action: 'Upload a file to report chat', method: 'POST', path: '/report-chat/upload', description: 'Upload a report to chat about', content: 'base64Content' },
	{ resource: 'reportChat', value: 'chat', name: 'Chat', action: 'Ask a question about an uploaded report', method: 'POST', path: '/report-chat/chat', description: 'Ask a question about an uploaded report' },
	{ resource: 'reportChat', value: 'delete', name: 'Delete', action: 'Delete a report chat', method: 'POST', path: '/report-chat/delete', description: 'Delete an uploaded report chat' },
	{ resource: 'customerCorner', value: 'uploadCertificate', name: 'Upload Certificate', action: 'Upload a delivery certificate', method: 'POST', path: '/customer-corner/certificate', description: 'Store a delivery certificate (its ID is the certificateId of deliveries)', content: 'content' },
	{ resource: 'customerCorner', value: 'downloadFile', name: 'Download File', action: 'Download a stored file', method: 'GET', path: '/customer-corner/file/download', description: 'Download a stored file', returns: ['content'] },
	{ resource: 'customerCorner', value: 'uploadBigFile', name: 'Upload Big File', action: 'Upload a large file', method: 'POST', path: '/customer-corner/file/upload-big-file', description: 'Store a large file', content: 'content' },
	{ resource: 'customerCorner', value: 'uploadMultipleFiles', name: 'Upload Multiple Files', action: 'Upload several files at once', method: 'POST', path: '/customer-corner/file/multiple', description: 'Store several files at once' },
	{ resource: 'customerCorner', value: 'uploadFileChunk', name: 'Upload File Chunk', action: 'Upload one chunk of a file', method: 'POST', path: '/customer-corner/file/chunk', description: 'Store one chunk of a file', content: 'content' },
	{ resource: 'customerCorner', value: 'downloadProductFile', name: 'Download Product File', action: 'Download a product file', method: 'GET', path: '/customer-corner/product-files/download', description: 'Download a product file', returns: ['content'] },
	{ resource: 'customerCorner', value: 'releaseProductFile', name: 'Release Product File', action: 'Release a product file', method: 'POST', path: '/customer-corner/product-files/release', description: 'Release a product file' },
	{ resource: 'customerCorner', value: 'getReportPackageTree', name: 'Get Report Package Tree', action: 'Get the folder tree of a report package', method: 'GET', path: '/customer-corner/report-package-tree', description: 'The folder tree of a stored report package' },
	{ resource: 'customerCorner', value: 'acceptInvite', name: 'Accept Invite', action: 'Accept an invitation to the platform', method: 'POST', path: '/customer-corner/accept', description: 'Accept an invitation to the platform' },
	{ resource: 'customerCorner', value: 'filterDeliveryMessages', name: 'Get Delivery Messages with Filter', action: 'Search delivery messages with a filter', method: 'POST', path: '/customer-corner/delivery/messages/get-all-with-filter', description: 'Delivery messages matching a filter' },
	{ resource: 'customerCorner', value: 'uploadDeliveryMessagesExcel', name: 'Upload Delivery Messages (Excel)', action: 'Import delivery messages from an Excel file', method: 'POST', path: '/customer-corner/delivery/messages/upload-excel', description: 'Import delivery messages from an Excel file', content: 'content' },
	{ resource: 'customerCorner', value: 'uploadDeliveryMessagesJson', name: 'Upload Delivery Messages (JSON)', action: 'Import delivery messages from JSON', method: 'POST', path: '/customer-corner/delivery/messages/upload-json', description: 'Import delivery messages given as JSON' },
	{ resource: 'customerCorner', value: 'getInstanceProperties', name: 'Get Instance Properties', action: 'Get the properties of a stored instance', method: 'GET', path: '/customer-corner/instance/properties', description: 'The properties of a stored instance' },
	{ resource: 'customerCorner', value: 'setPdfProvider', name: 'Set PDF Provider', action: 'Set the PDF provider of the domain', method: 'POST', path: '/customer-corner/pdf/pdf-provider', description: 'Choose the PDF provider of the domain' },
	{ resource: 'delivery', value: 'hmrc', name: 'Deliver to HMRC', action: 'Deliver a CT600 to HMRC', method: 'POST', path: '/delivery/hmrc', description: 'Submit a CT600 to HMRC (the answer carries the correlationId for Status → HMRC)', content: 'content' },
	{ resource: 'hmrc', value: 'retrieveCt600', name: 'Retrieve CT600', action: 'Retrieve a CT600 form', method: 'POST', path: '/hmrc/retrieve-ct600', description: 'Retrieve a CT600 form', returns: ['xmlDoc', 'content'] },
	{ resource: 'inputImport', value: 'csvImport', name: 'CSV Import', action: 'Generate an XBRL instance from a CSV file', method: 'POST', path: '/input-import/instance/csv-import', description: 'Generate an XBRL instance from a CSV file', content: 'base64Content', returns: INSTANCE, hashed: true },
	{ resource: 'inputImport', value: 'reportedFactsAi', name: 'Reported Facts (AI)', action: 'Find the reported facts in a document with AI', method: 'POST', path: '/input-import/instance/reported-facts-ai', description: 'Find the reported facts in a document with AI', content: 'base64Content' },
	{ resource: 'inputImport', value: 'generateInstanceAi', name: 'Generate Instance (AI)', action: 'Generate an XBRL instance from a document with AI', method: 'POST', path: '/input-import/instance/generation-ai', description: 'Generate an XBRL instance from a document with AI', content: 'base64Content', returns: INSTANCE, hashed: true },
	{ resource: 'taxonomy', value: 'getEntrypoints', name: 'Get Entrypoints', action: 'Get the entrypoints of a taxonomy', method: 'GET', path: TAXONOMY, description: 'The taxonomy entrypoints' },
	{ resource: 'taxonomy', value: 'getSchemaSet', name: 'Get Schema Set', action: 'Get the schema set of an entrypoint', method: 'GET', path: `${TAXONOMY}/schema-set`, description: 'The schema set of an entrypoint' },
	{ resource: 'taxonomy', value: 'getParameters', name: 'Get Parameters', action: 'Get the parameters of an entrypoint', method: 'GET', path: `${TAXONOMY}/parameters`, description: 'The parameters of an entrypoint' },
	{ resource: 'taxonomy', value: 'getTableOfContent', name: 'Get Table of Content', action: 'Get the table of content of an entrypoint', method: 'GET', path: `${TAXONOMY}/table-of-content`, description: 'The table of content of an entrypoint' },
	{ resource: 'taxonomy', value: 'getTables', name: 'Get Tables', action: 'Get the tables of an entrypoint', method: 'GET', path: `${TAXONOMY}/tables`, description: 'The tables of an entrypoint' },
	{ resource: 'taxonomy', value: 'getTablesStatus', name: 'Get Tables Status', action: 'Check whether the tables of an entrypoint are ready', method: 'GET', path: `${TAXONOMY}/tables/status`, description: 'Whether the tables of an entrypoint are ready' },
	{ resource: 'taxonomy', value: 'getPresentation', name: 'Get Presentation', action: 'Get the presentation linkbase of an entrypoint', method: 'GET', path: `${TAXONOMY}/presentation`, description: 'The presentation linkbase of an entrypoint' },
	{ resource: 'taxonomy', value: 'getPresentationBaseSetResponse', name: 'Get Presentation Base Set Response', action: 'Get the presentation base sets of an entrypoint', method: 'GET', path: `${TAXONOMY}/presentation/base-set-response`, description: 'The presentation base sets of an entrypoint' },
	{ resource: 'taxonomy', value: 'getPresentationBaseSetConcept', name: 'Get Presentation Base Set Concept', action: 'Get the concepts of a presentation base set', method: 'GET', path: `${TAXONOMY}/presentation/base-set-concept`, description: 'The concepts of a presentation base set' },
	{ resource: 'taxonomy', value: 'getCalculation', name: 'Get Calculation', action: 'Get the calculation linkbase of an entrypoint', method: 'GET', path: `${TAXONOMY}/calculation`, description: 'The calculation linkbase of an entrypoint' },
	{ resource: 'taxonomy', value: 'getDefinition', name: 'Get Definition', action: 'Get the definition linkbase of an entrypoint', method: 'GET', path: `${TAXONOMY}/definition`, description: 'The definition linkbase of an entrypoint' },
	{ resource: 'taxonomy', value: 'getCsv', name: 'Get CSV', action: 'Download an entrypoint as CSV', method: 'GET', path: `${TAXONOMY}/csv`, description: 'The entrypoint as CSV', returns: ['content'] },
	{ resource: 'taxonomy', value: 'getCsvZip', name: 'Get CSV Zip', action: 'Download an entrypoint as zipped CSV files', method: 'GET', path: `${TAXONOMY}/csv-zip`, description: 'The entrypoint as zipped CSV files', returns: ['content'] },
	{ resource: 'taxonomy', value: 'getCsvPlaceholderZip', name: 'Get CSV Placeholder Zip', action: 'Download CSV templates to fill in for CSV import', method: 'GET', path: `${TAXONOMY}/csv-placeholder-zip`, description: 'Zipped CSV templates to fill in for CSV Import', returns: ['content'] },
	{ resource: 'taxonomy', value: 'getEntrypoint', name: 'Get Entrypoint', action: 'Get a taxonomy entrypoint', method: 'GET', path: '/taxonomy/entrypoint', description: 'One taxonomy entrypoint' },
	{ resource: 'taxonomy', value: 'getPackage', name: 'Get Package', action: 'Download a taxonomy package', method: 'GET', path: '/taxonomy/package', description: 'A taxonomy package', returns: ['content'] },
	{ resource: 'taxonomy', value: 'getConcepts', name: 'Get Concepts', action: 'Get the concepts of a taxonomy', method: 'GET', path: '/taxonomy/concepts', description: 'The concepts of a taxonomy' },
	{ resource: 'taxonomy', value: 'getLinkRoles', name: 'Get Link Roles', action: 'Get the link roles of a taxonomy', method: 'GET', path: '/taxonomy/link-roles', description: 'The link roles of a taxonomy' },
	{ resource: 'taxonomy', value: 'createTaxonomyExtension', name: 'Create Taxonomy Extension', action: 'Create a taxonomy extension', method: 'POST', path: '/taxonomy/taxonomy-extension', description: 'Build a taxonomy extension', returns: ['Content'], hashed: true },
	{ resource: 'taxonomy', value: 'extensionConcepts', name: 'Extension Concepts', action: 'Get the concepts of a taxonomy extension', method: 'POST', path: '/taxonomy/extension/concepts', description: 'The concepts of an extension' },
	{ resource: 'taxonomy', value: 'extensionLinkroles', name: 'Extension Link Roles', action: 'Get the link roles of a taxonomy extension', method: 'POST', path: '/taxonomy/extension/linkroles', description: 'The link roles of an extension' },
	{ resource: 'taxonomy', value: 'extensionPivot', name: 'Extension Pivot', action: 'Pivot the facts of a taxonomy extension', method: 'POST', path: '/taxonomy/extension/pivot', description: 'Pivot an extension' },
	{ resource: 'validation', value: 'reportPackageEsef', name: 'Validate Report Package (ESMA/ESEF)', action: 'Validate an ESMA/ESEF report package', method: 'POST', path: '/validation/report-package/esma-esef', description: 'Validate an ESEF report package', ...VALIDATION },
	{ resource: 'validation', value: 'reportPackageSbr', name: 'Validate Report Package (SBR 2.0)', action: 'Validate an SBR 2.0 report package', method: 'POST', path: '/validation/report-package/sbr-2-0', description: 'Validate an SBR 2.0 report package', ...VALIDATION },
	{ resource: 'validation', value: 'xbrlCore', name: 'Validate XBRL Core', action: 'Validate an instance against XBRL 2.1 core', method: 'POST', path: '/validation/instance/xbrl-core', description: 'XBRL 2.1 core validation of an instance', ...VALIDATION },
	{ resource: 'validation', value: 'xbrlDimensions', name: 'Validate XBRL Dimensions', action: 'Validate the XBRL dimensions of an instance', method: 'POST', path: '/validation/instance/xbrl-dimensions', description: 'XBRL Dimensions validation of an instance', ...VALIDATION },
	{ resource: 'validation', value: 'inlineXbrl', name: 'Validate Inline XBRL', action: 'Validate an inline XBRL report', method: 'POST', path: '/validation/instance/inline-xbrl', description: 'Inline XBRL validation of a report', ...VALIDATION },
	{ resource: 'validation', value: 'uniform', name: 'Validate Uniform', action: 'Validate an instance with the uniform rules', method: 'POST', path: '/validation/instance/uniform', description: 'Uniform validation of an instance', ...VALIDATION },
	{ resource: 'validation', value: 'duplicates', name: 'Validate Duplicates', action: 'Find duplicate facts in an instance', method: 'POST', path: '/validation/instance/duplicates', description: 'Find duplicate facts in an instance', ...VALIDATION },
	{ resource: 'validation', value: 'utrList', name: 'Validate UTR List', action: 'Check the units of an instance against the UTR', method: 'POST', path: '/validation/instance/utr-list', description: 'Check the units of an instance against the UTR', ...VALIDATION },
	{ resource: 'validation', value: 'full', name: 'Validate Full', action: 'Validate an instance with every check', method: 'POST', path: '/validation/instance/full', description: 'Every validation of an instance', ...VALIDATION },
	{ resource: 'validation', value: 'nonPresentFacts', name: 'Validate Non Present Facts', action: 'Find the expected facts an instance lacks', method: 'POST', path: '/validation/instance/non-present-facts', description: 'Find expected facts that an instance lacks', ...VALIDATION },
	{ resource: 'rendering', value: 'render', name: 'Render', action: 'Render an instance as HTML or PDF', method: 'POST', path: '/rendering/instance/render', description: 'Render an instance', ...RENDERING, returns: HTML_PDF },
	{ resource: 'rendering', value: 'xhtml', name: 'Render XHTML', action: 'Render an instance as XHTML', method: 'POST', path: '/rendering/instance/xhtml', description: 'Render an instance as XHTML', ...RENDERING, returns: ['xhtmlContent', 'content'] },
	{ resource: 'rendering', value: 'htmlToInlinePackage', name: 'HTML to Inline Package', action: 'Convert an HTML report to an inline XBRL package', method: 'POST', path: '/rendering/instance/html-to-inline-package', description: 'Turn an HTML report into an inline XBRL report package', ...RENDERING, returns: ['content'] },
	{ resource: 'rendering', value: 'consistentPlus', name: 'Render Consistent Plus', action: 'Render an instance consistently with extras', method: 'POST', path: '/rendering/instance/consistent-plus', description: 'Consistent rendering with extras', ...RENDERING, returns: HTML_PDF },
	{ resource: 'rendering', value: 'convertInlineToXbrl', name: 'Convert Inline to XBRL', action: 'Convert an inline XBRL report to an XBRL instance', method: 'POST', path: '/rendering/instance/convert-inline-to-xbrl', description: 'Extract the XBRL instance from an inline XBRL report', ...RENDERING, returns: ['InstanceContentBase64', 'content'] },
	{ resource: 'rendering', value: 'uniform', name: 'Render Uniform', action: 'Render an instance in the uniform layout', method: 'POST', path: '/rendering/instance/uniform', description: 'Uniform rendering of an instance', ...RENDERING, returns: HTML_PDF },
	{ resource: 'rendering', value: 'merge', name: 'Merge', action: 'Merge renderings into one document', method: 'POST', path: '/rendering/instance/merge', description: 'Merge renderings into one document', returns: HTML_PDF, hashed: true },
	{ resource: 'rendering', value: 'getAllowedRenderOptions', name: 'Get Allowed Render Options', action: 'Get the render options the account may use', method: 'GET', path: '/rendering/instance/allowed-render-options', description: 'The render options the account may use' },
];

const splitFields = (value: unknown) => String(value ?? '').split(/[,\s]+/).filter(Boolean);

/** What an inferred operation returns, as far as the reference tree tells (for its description). */
function inferredReturns(entry: InferredEntry): string {
	if (entry.job) return 'the validation result when Wait for Completion is on, else the jobId to poll with Validation → Get Status';
	if (entry.returns) return `the JSON answer as Semansys gives it, with its file fields (${entry.returns.join(', ')}) as binary data`;
	return 'the JSON answer as Semansys gives it';
}

/** Turns one table row into an operation: query and body as JSON, files in and out. */
export function inferredOperation(entry: InferredEntry): SemansysDescriptor {
	const hasBody = entry.method !== 'GET';
	const properties: INodeProperties[] = [
		...(hasBody ? [jsonProperty('Body (JSON)', 'body', `JSON body of the request${entry.content ? `; the node fills "${entry.content}" from the file` : ''}`)] : []),
		jsonProperty('Query Parameters (JSON)', 'query', 'Query string parameters as a JSON object, e.g. {"entrypoint": "https://…/entrypoint.xsd"}'),
		...(entry.returns
			? [{ displayName: 'Answer File Fields', name: 'answerFields', type: 'string', default: entry.returns.join(', '), description: 'Answer fields holding base64 files, returned as binary data' } satisfies INodeProperties]
			: []),
	];
	const content = entry.content;
	return semansysOperation({
		value: entry.value,
		name: entry.name,
		action: `${entry.action} (inferred)`,
		description: `Inferred: ${entry.description}. Returns ${inferredReturns(entry)}. ${entry.method} ${entry.path} follows the reference tree; Semansys has not confirmed it.`,
		endpoint: { method: entry.method, path: entry.path, confirmed: false },
		files: content ? [fileInput('file', 'File', /^(idOrBase64Content|base64Content)$/.test(content))] : [],
		properties,
		fields: {
			...(hasBody ? { body: jsonObject } : {}),
			query: jsonObject,
			...(entry.returns ? { answerFields: z.string().optional() } : {}),
		},
		hashed: entry.hashed,
		job: entry.job,
		answerFiles: entry.returns ? (input: IDataObject) => splitFields(input.answerFields).map(answerFile) : undefined,
		request: (input, files) => {
			const body = hasBody ? { ...(input.body as IDataObject), ...(content ? { [content]: files.file.value } : {}) } : undefined;
			return { path: entry.path, qs: input.query as IDataObject, body };
		},
	});
}

/** The inferred operations of one resource, in table order. */
export const inferredOperations = (resource: string): SemansysDescriptor[] => INFERRED.filter((e) => e.resource === resource).map(inferredOperation);
