import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationDescriptor, ResourceDescriptor } from '../../../shared/operations';
import type { RequestSpec } from '../../../shared/transport/request';
import { optional } from '../../fields';
import { answerFields, asNodeError, jsonObject, send, wholeListOutput, wholeListProperties, wholeListSchema } from '../invoiceProfile/common';

const PATH = '/settings/integrations';

const TYPES = ['exact', 'lightspeed', 'lskseries', 'lsretail', 'mollie', 'multisafepay', 'thenextinvoice', 'twinfield', 'untill', 'visma', 'xero', 'yuki'] as const;
const TYPE_NAMES: Record<(typeof TYPES)[number], string> = {
	exact: 'Exact Online',
	lightspeed: 'Lightspeed',
	lskseries: 'Lightspeed K-Series',
	lsretail: 'Lightspeed Retail',
	mollie: 'Mollie',
	multisafepay: 'MultiSafepay',
	thenextinvoice: 'TheNextInvoice',
	twinfield: 'Twinfield',
	untill: 'UnTill',
	visma: 'Visma',
	xero: 'Xero',
	yuki: 'Yuki',
};

const typeProperty: INodeProperties = {
	displayName: 'Integration',
	name: 'integrationType',
	type: 'options',
	options: TYPES.map((value) => ({ name: TYPE_NAMES[value], value })),
	// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options -- 'twinfield' is one of TYPES
	default: 'twinfield',
	required: true,
	description: 'The connector',
};
const typeSchema = { integrationType: z.enum(TYPES) };

/** An operation on one integration type; the answer gets the type added. */
function onIntegration<T extends z.ZodRawShape>(
	value: string,
	name: string,
	action: string,
	description: string,
	properties: INodeProperties[],
	shape: T,
	request: (type: string, input: z.infer<z.ZodObject<T>>) => RequestSpec,
): OperationDescriptor {
	return {
		value,
		name,
		action,
		description,
		properties: [typeProperty, ...properties],
		schema: z.object({ ...typeSchema, ...shape }),
		request: ({ integrationType, ...rest }) => request(integrationType as string, rest as z.infer<z.ZodObject<T>>),
		output: (answer, { integrationType }) => ({ integration: integrationType, ...answerFields(answer) }),
	};
}

const listIntegrations: OperationDescriptor = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many integrations',
	description: 'Every connector with its state (enabled, office, options)',
	properties: [
		{
			displayName: 'Class',
			name: 'class',
			type: 'options',
			options: [
				{ name: 'All', value: '' },
				{ name: 'Bookkeeping', value: 'bookkeeping' },
				{ name: 'CRM', value: 'crm' },
				{ name: 'Payment', value: 'payment' },
				{ name: 'Source (POS)', value: 'source' },
			],
			default: '',
			description: 'Only connectors of this class',
		},
		...wholeListProperties,
	],
	schema: z.object({ class: optional(z.enum(['bookkeeping', 'crm', 'payment', 'source'])), ...wholeListSchema }),
	request: (input) => ({ method: 'GET', path: PATH, qs: input.class ? { class: input.class } : undefined }),
	output: wholeListOutput,
};

const getIntegration = onIntegration('get', 'Get', 'Get an integration', 'The state of one connector (disabled when not configured)', [], {}, (type) => ({ method: 'GET', path: `${PATH}/${type}` }));

/** 404 means no bookkeeping integration is active: an answer, not an error. */
const checkBookkeeping: OperationDescriptor = {
	value: 'getActiveBookkeeping',
	name: 'Get Active Bookkeeping',
	action: 'Get the active bookkeeping integration',
	description: 'The bookkeeping connector in use (possibly inherited from a linked accountant); active: false when there is none',
	properties: [],
	schema: z.object({}),
	run: async (run) => {
		try {
			return { active: true, ...answerFields(await send(run, { method: 'GET', path: `${PATH}/check` })) };
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') return { active: false };
			throw asNodeError(run, error);
		}
	},
};

const connectIntegration: OperationDescriptor = {
	...onIntegration(
		'connect',
		'Connect',
		'Connect an integration',
		'Add a connector. OAuth2 connectors (Twinfield, Exact, Xero, Mollie, Visma, Lightspeed) answer with an authorization URL to open in a browser.',
		[
			{
				displayName: 'Connection Fields (JSON)',
				name: 'fields',
				type: 'json',
				default: '{}',
				description: 'Fields of the connector, e.g. its API key for credential-based connectors; usually empty for OAuth2 connectors (may hold an "option" object)',
			},
		],
		{ fields: jsonObject },
		(type, { fields }) => ({ method: 'POST', path: `${PATH}/${type}`, body: Object.keys(fields).length ? (fields as IDataObject) : undefined }),
	),
	output: (answer, { integrationType }) => {
		const fields = answerFields(answer);
		const redirect = typeof fields.redirect === 'string' && fields.redirect ? fields.redirect : undefined;
		return { integration: integrationType, ...fields, authorizationRequired: fields.done !== true && redirect !== undefined, authorizationUrl: redirect ?? null };
	},
};

const completeOAuth = onIntegration(
	'completeOAuth',
	'Complete OAuth',
	'Complete the OAuth authorization of an integration',
	'Pass the code (and state) the provider sent to its redirect back to TheNextInvoice (GET /callback/{type})',
	[
		{ displayName: 'Code', name: 'code', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'OAuth authorization code' },
		{ displayName: 'State', name: 'state', type: 'string', default: '', description: 'OAuth state, as received' },
	],
	{ code: z.string().trim().min(1, 'must not be empty'), state: optional(z.string().trim()) },
	(type, { code, state }) => ({ method: 'GET', path: `${PATH}/callback/${type}`, qs: { code, ...(state ? { state } : {}) } }),
);

const updateIntegration = onIntegration(
	'update',
	'Update',
	'Update an integration',
	'Save connector configuration and mappings, e.g. office and ledger / VAT-code mappings for bookkeeping connectors',
	[
		{
			displayName: 'Configuration (JSON)',
			name: 'configuration',
			type: 'json',
			default: '{}',
			required: true,
			description: 'Connector settings, for example {"office": "123", "option": {"ledgernumbers": {"12": "8000"}, "vatcodes": {"3": "VH"}}}',
		},
	],
	{ configuration: jsonObject.refine((value) => Object.keys(value).length > 0, 'add at least one setting') },
	(type, { configuration }) => ({ method: 'PUT', path: `${PATH}/${type}`, body: configuration as IDataObject }),
);

const testIntegration = onIntegration('test', 'Test', 'Test an integration', 'Check that the connector works', [], {}, (type) => ({ method: 'GET', path: `${PATH}/${type}/test` }));

const disconnectIntegration: OperationDescriptor = {
	...onIntegration('disconnect', 'Disconnect', 'Disconnect an integration', 'Remove the connector', [], {}, (type) => ({ method: 'DELETE', path: `${PATH}/${type}` })),
	output: (answer, { integrationType }) => ({ integration: integrationType, disconnected: true, ...answerFields(answer) }),
};

export const integrationResource: ResourceDescriptor = {
	value: 'integration',
	name: 'Integration',
	operations: [completeOAuth, connectIntegration, disconnectIntegration, getIntegration, checkBookkeeping, listIntegrations, testIntegration, updateIntegration],
};
