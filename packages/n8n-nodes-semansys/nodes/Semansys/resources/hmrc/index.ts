import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { fileInput } from '../../files';
import { inferredOperations } from '../../inferred';
import { semansysOperation } from '../../operation';
import { buildCt600 } from './buildCt600';

const embedIrmark = semansysOperation({
	value: 'embedIrmark',
	name: 'Embed IRmark',
	action: 'Embed the IRmark in a CT600',
	description: 'Compute the IRmark of a CT600 XML document and embed it. Returns the signed XML (xml) and the original (originalXml) as binary data.',
	endpoint: { method: 'POST', path: '/hmrc/embed-irmark', confirmed: true },
	files: [fileInput('ct600', 'CT600 XML', false)],
	properties: [],
	fields: {},
	request: (_input, files) => ({ body: { xmlDoc: files.ct600.value }, idempotent: true }),
	answerFiles: [
		{ field: 'xmlDoc', key: 'xml', mimeType: 'application/xml' },
		{ field: 'originalXmlDoc', key: 'originalXml', mimeType: 'application/xml' },
	],
});

export const hmrcResource: ResourceDescriptor = {
	value: 'hmrc',
	name: 'HMRC',
	operations: [buildCt600, ...inferredOperations('hmrc'), embedIrmark],
};
