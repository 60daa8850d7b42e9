import { z } from 'zod';

import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optionalText, stringProperty } from '../../fields';
import { answerFile, fileInput } from '../../files';
import { inferredOperations } from '../../inferred';
import { semansysOperation } from '../../operation';

const reportFile = fileInput('report', 'Report', false);
const fileNameProperty = stringProperty('File Name', 'fileName', 'Empty uses the name of the binary file');
const htmlAndPdf = [answerFile('htmlContent'), answerFile('pdfContent')];

const consistent = semansysOperation({
	value: 'consistent',
	name: 'Render Consistent',
	action: 'Render an instance consistently as HTML or PDF',
	description: 'Render an instance consistently as HTML and PDF, or one of them. Returns the files as binary data (html, pdf) with their names and sizes in JSON.',
	endpoint: { method: 'POST', path: '/rendering/instance/consistent', confirmed: true },
	files: [reportFile],
	properties: [
		{
			displayName: 'Output Format (Unconfirmed Parameter Name)',
			name: 'outputFormat',
			type: 'options',
			options: [
				{ name: 'HTML and PDF (No Format Parameter Sent)', value: 'both', description: 'Semansys documents that both come back when the format is missing' },
				{ name: 'HTML Only', value: 'html', description: 'Sends the format under the Format Parameter Name below, a guess' },
				{ name: 'PDF Only', value: 'pdf', description: 'Sends the format under the Format Parameter Name below, a guess' },
			],
			default: 'both',
			description:
				'Semansys lists an optional format query parameter only as "html or pdf" and does not show its real name; without it both formats come back. HTML Only or PDF Only send it under a guessed name.',
		},
		{
			displayName: 'Format Parameter Name',
			name: 'formatParameterName',
			type: 'string',
			default: 'outputFormat',
			description: 'Name of the query parameter that carries "html" or "pdf". Unconfirmed: outputFormat is our guess; change it once Semansys tells you the real name.',
			displayOptions: { show: { outputFormat: ['html', 'pdf'] } },
		},
		fileNameProperty,
	],
	fields: {
		outputFormat: z.enum(['both', 'html', 'pdf']).default('both'),
		// Shown (and so checked) only with HTML Only or PDF Only; hidden it is undefined.
		formatParameterName: z
			.string()
			.trim()
			.regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be a query parameter name (letters, digits, _ . -)')
			.refine((name) => name !== 'isHashed', 'must not be isHashed (the node sends that one itself)')
			.optional(),
		fileName: optionalText,
	},
	hashed: true,
	request: (input, files) => ({
		// No format: both come back (documented). A format goes under the user's parameter name, outputFormat unless set.
		qs: input.outputFormat === 'both' ? undefined : { [input.formatParameterName ?? 'outputFormat']: input.outputFormat },
		body: compact({ reportContentBase64: files.report.value, fileName: input.fileName ?? files.report.fileName }),
		idempotent: true,
	}),
	answerFiles: htmlAndPdf,
});

const taxReportSbr = semansysOperation({
	value: 'taxReportSbr',
	name: 'Render Tax Report SBR',
	action: 'Render an SBR tax report',
	description: 'Render a Dutch SBR tax report (OB, OB-Sub, ICP) as HTML or inline XBRL, optionally with a PDF. Returns the rendered files as binary data.',
	endpoint: { method: 'POST', path: '/rendering/instance/tax-report-sbr', confirmed: true },
	files: [reportFile],
	properties: [
		{ displayName: 'Inline Output', name: 'isOutputInline', type: 'boolean', default: false, description: 'Whether the HTML is inline XBRL' },
		{ displayName: 'Include PDF', name: 'includePdfOutput', type: 'boolean', default: true, description: 'Whether a PDF is rendered as well' },
		fileNameProperty,
	],
	fields: { isOutputInline: z.boolean(), includePdfOutput: z.boolean(), fileName: optionalText },
	hashed: true,
	request: (input, files) => ({
		body: {
			reportContentBase64: files.report.value,
			isOutputInline: input.isOutputInline,
			includePdfOutput: input.includePdfOutput,
			fileName: input.fileName ?? files.report.fileName ?? 'report.xbrl',
		},
		idempotent: true,
	}),
	answerFiles: htmlAndPdf,
});

export const renderingResource: ResourceDescriptor = {
	value: 'rendering',
	name: 'Rendering',
	operations: [consistent, taxReportSbr, ...inferredOperations('rendering')],
};
