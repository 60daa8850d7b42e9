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
	description: 'Render an instance as HTML and/or PDF; the files come back as binary data (html, pdf)',
	endpoint: { method: 'POST', path: '/rendering/instance/consistent', confirmed: true },
	files: [reportFile],
	properties: [
		{
			displayName: 'Output Format',
			name: 'outputFormat',
			type: 'options',
			options: [
				{ name: 'HTML and PDF', value: 'both' },
				{ name: 'HTML', value: 'html' },
				{ name: 'PDF', value: 'pdf' },
			],
			default: 'both',
			description: 'Semansys renders both when no format is given',
		},
		fileNameProperty,
	],
	fields: { outputFormat: z.enum(['both', 'html', 'pdf']).default('both'), fileName: optionalText },
	hashed: true,
	request: (input, files) => ({
		// The page names the query "output format (html or pdf)"; its exact name is not shown, outputFormat is our reading.
		qs: input.outputFormat === 'both' ? undefined : { outputFormat: input.outputFormat },
		body: compact({ reportContentBase64: files.report.value, fileName: input.fileName ?? files.report.fileName }),
		idempotent: true,
	}),
	answerFiles: htmlAndPdf,
});

const taxReportSbr = semansysOperation({
	value: 'taxReportSbr',
	name: 'Render Tax Report SBR',
	action: 'Render an SBR tax report',
	description: 'Render a Dutch SBR tax report (OB, OB-Sub, ICP) as HTML or inline XBRL, optionally with a PDF',
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
