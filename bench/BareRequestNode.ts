import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * The floor of any n8n node: one this.helpers.httpRequestWithAuthentication call per item, nothing else (no
 * parameters beyond URL and body, no validation, no retries, no error handling). Our nodes' overhead is what they
 * add above this.
 */
export class BareRequestNode implements INodeType {
	description = {
		displayName: 'Bare Request',
		name: 'benchBareRequest',
		group: ['transform'],
		version: 1,
		description: 'One authenticated POST per item',
		defaults: { name: 'Bare Request' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'theNextInvoiceApi', required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
		],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'theNextInvoiceApi', {
				method: 'POST',
				url: this.getNodeParameter('url', itemIndex) as string,
				body: JSON.parse(this.getNodeParameter('body', itemIndex) as string) as IDataObject,
				json: true,
			})) as IDataObject;
			output.push({ json: answer, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}
