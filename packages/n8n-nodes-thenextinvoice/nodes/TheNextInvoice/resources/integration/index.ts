import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { asNodeError } from '@n8n-nodes-eu-finance/shared/transport/errors';
import { optional } from '../../fields';
import { onRecord, type RecordKey, type RecordOperationSpec } from '../../helpers';
import { answerFields, jsonObject, send } from '../invoiceProfile/common';

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
	default: 'twinfield',
	required: true,
	description: 'The connector',
};
const typeKey: RecordKey = { property: typeProperty, schema: z.enum(TYPES) };

/** An operation on one integration type; the answer gets the type added. */
const onIntegration = <T extends z.ZodRawShape>(spec: Omit<RecordOperationSpec<T>, 'output'>) =>
	onRecord(typeKey, { ...spec, output: (answer, type) => ({ integration: type, ...answerFields(answer) }) });

const listIntegrations = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many integrations',
	description: 'List every connector, optionally of one class. Returns one item per connector with its state (enabled, office, options).',
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
	],
	schema: z.object({ class: optional(z.enum(['bookkeeping', 'crm', 'payment', 'source'])) }),
	list: (input) => ({ request: { method: 'GET', path: PATH, qs: input.class ? { class: input.class } : undefined }, pagination: { style: 'none' } }),
});

const getIntegration = onIntegration({
	value: 'get',
	name: 'Get',
	action: 'Get an integration',
	description: 'Read one connector by its type. Returns its state (disabled when not configured), office and options.',
	request: (type) => ({ method: 'GET', path: `${PATH}/${type}` }),
});

/** 404 means no bookkeeping integration is active: an answer, not an error. */
const checkBookkeeping = defineOperation({
	value: 'getActiveBookkeeping',
	name: 'Get Active Bookkeeping',
	action: 'Get the active bookkeeping integration',
	description: 'Find the bookkeeping connector in use (possibly inherited from a linked accountant). Returns it with active: true, or active: false when there is none.',
	properties: [],
	schema: z.object({}),
	run: async (run) => {
		try {
			return { active: true, ...answerFields(await send(run, { method: 'GET', path: `${PATH}/check` })) };
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') return { active: false };
			throw asNodeError(run.context.getNode(), error, run.itemIndex);
		}
	},
});

const connectIntegration = defineOperation({
	...onIntegration({
		value: 'connect',
		name: 'Connect',
		action: 'Connect an integration',
		description: 'Add a connector (bookkeeping, payments, shop). Returns the integration; OAuth2 connectors (Twinfield, Exact, Xero, Mollie, Visma, Lightspeed) also return authorizationRequired and the authorizationUrl to open in a browser.',
		properties: [
			{
				displayName: 'Connection Fields (JSON)',
				name: 'fields',
				type: 'json',
				default: '{}',
				description: 'Fields of the connector, e.g. its API key for credential-based connectors; usually empty for OAuth2 connectors (may hold an "option" object)',
			},
		],
		shape: { fields: jsonObject },
		request: (type, { fields }) => ({ method: 'POST', path: `${PATH}/${type}`, body: Object.keys(fields).length ? (fields as IDataObject) : undefined }),
	}),
	output: (answer, { integrationType }) => {
		const fields = answerFields(answer);
		const redirect = typeof fields.redirect === 'string' && fields.redirect ? fields.redirect : undefined;
		return { integration: integrationType, ...fields, authorizationRequired: fields.done !== true && redirect !== undefined, authorizationUrl: redirect ?? null };
	},
});

const completeOAuth = onIntegration({
	value: 'completeOAuth',
	name: 'Complete OAuth',
	action: 'Complete the OAuth authorization of an integration',
	description: 'Finish connecting an OAuth2 integration: pass the code (and state) the provider sent to its redirect back to TheNextInvoice (GET /callback/{type}). Returns the integration with the answer.',
	properties: [
		{ displayName: 'Code', name: 'code', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'OAuth authorization code' },
		{ displayName: 'State', name: 'state', type: 'string', default: '', description: 'OAuth state, as received' },
	],
	shape: { code: z.string().trim().min(1, 'must not be empty'), state: optional(z.string().trim()) },
	request: (type, { code, state }) => ({ method: 'GET', path: `${PATH}/callback/${type}`, qs: { code, ...(state ? { state } : {}) } }),
});

const updateIntegration = onIntegration({
	value: 'update',
	name: 'Update',
	action: 'Update an integration',
	description: 'Save connector configuration and mappings, e.g. office and ledger / VAT-code mappings for bookkeeping connectors. Returns the integration type with the answer.',
	properties: [
		{
			displayName: 'Configuration (JSON)',
			name: 'configuration',
			type: 'json',
			default: '{}',
			required: true,
			description: 'Connector settings, for example {"office": "123", "option": {"ledgernumbers": {"12": "8000"}, "vatcodes": {"3": "VH"}}}',
		},
	],
	shape: { configuration: jsonObject.refine((value) => Object.keys(value).length > 0, 'add at least one setting') },
	request: (type, { configuration }) => ({ method: 'PUT', path: `${PATH}/${type}`, body: configuration as IDataObject }),
});

const testIntegration = onIntegration({ value: 'test', name: 'Test', action: 'Test an integration', description: 'Check that a connector works by calling its provider. Returns the integration type with the result of the test.', request: (type) => ({ method: 'GET', path: `${PATH}/${type}/test` }) });

const disconnectIntegration = defineOperation({
	...onIntegration({ value: 'disconnect', name: 'Disconnect', action: 'Disconnect an integration', description: 'Remove a connector by its type. Returns the integration type and disconnected: true.', request: (type) => ({ method: 'DELETE', path: `${PATH}/${type}` }) }),
	output: (answer, { integrationType }) => ({ integration: integrationType, disconnected: true, ...answerFields(answer) }),
});

export const integrationResource: ResourceDescriptor = {
	value: 'integration',
	name: 'Integration',
	operations: [completeOAuth, connectIntegration, disconnectIntegration, getIntegration, checkBookkeeping, listIntegrations, testIntegration, updateIntegration],
};
