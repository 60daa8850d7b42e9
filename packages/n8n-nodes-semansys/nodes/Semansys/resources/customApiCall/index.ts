import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { z } from 'zod';

import { jsonObject, jsonProperty } from '../../fields';
import { semansysOperation } from '../../operation';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const call = semansysOperation({
	value: 'call',
	name: 'Call',
	action: 'Call any Semansys endpoint',
	description: 'Send a request to any path of the API with the credential\'s token and headers',
	properties: [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'DELETE', value: 'DELETE' },
				{ name: 'GET', value: 'GET' },
				{ name: 'PATCH', value: 'PATCH' },
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
			],
			default: 'GET',
		},
		{ displayName: 'Path', name: 'path', type: 'string', default: '', required: true, placeholder: '/validation/status/292134BE13008671', description: 'Path below the API base URL' },
		jsonProperty('Query Parameters (JSON)', 'query', 'Query string parameters as a JSON object'),
		{ ...jsonProperty('Body (JSON)', 'body', 'JSON body (not sent with GET)'), displayOptions: { hide: { method: ['GET'] } } },
	],
	fields: {
		method: z.enum(METHODS),
		path: z.string().trim().regex(/^\/[^\s]*$/, 'must start with / (a path below the base URL)'),
		query: jsonObject,
		body: jsonObject.optional(),
	},
	request: (input) => ({
		method: input.method,
		path: input.path,
		qs: input.query as never,
		body: input.method === 'GET' ? undefined : (input.body as never),
		allowEmptyBody: true,
	}),
});

export const customApiCallResource: ResourceDescriptor = { value: 'customApiCall', name: 'Custom API Call', operations: [call] };
