/** /organizations: list, create, retrieve, update (PATCH/PUT), delete, enable-env. */
import {
	assertValid,
	isUuid,
	json,
	parseEnumParam,
	parseListQuery,
	requireJsonObject,
	sortAndPaginate,
	type ListQuerySpec,
	type ObjectSchema,
	type SandboxRoute,
} from '../framework';
import {
	ADDRESS_FIELDS,
	BASE_PATH,
	ENVS,
	listAnswer,
	METADATA_SPEC,
	requireOrganization,
	requireReferencedOrganization,
	success,
	updateRoutes,
	validationError,
	type FiskalyContext,
} from './context';
import { newOrganizationRecord } from './state';

const COLLECTION = `${BASE_PATH}/organizations`;
const ITEM = `${COLLECTION}/:organization_id`;

const ORGANIZATION_TYPES = ['ORGANIZATION', 'MANAGED_ORGANIZATION'] as const;

/** Create body (Organization and ManagedOrganization schemas); updates accept the same fields, all optional. */
const ORGANIZATION_FIELDS: ObjectSchema = {
	...ADDRESS_FIELDS,
	name: { type: 'string', required: true, minLength: 3 },
	display_name: { type: 'string' },
	contact_person_id: { type: 'string', format: 'uuid' },
	tax_number: { type: 'string' },
	economy_id: { type: 'string' },
	billing_options: {
		type: 'object',
		fields: {
			gln: { type: 'string' },
			withhold_billing: { type: 'boolean' },
			bill_to_organization: { type: 'string', format: 'uuid' },
		},
	},
	billing_address_id: { type: 'string', format: 'uuid' },
	metadata: METADATA_SPEC,
	managed_by_organization_id: { type: 'string', format: 'uuid' },
	/** Deprecated since 0.6.0 in favour of billing_options, still accepted until 1.0.0. */
	managed_configuration: { type: 'object', fields: { withhold_billing: { type: 'boolean' } } },
};

const LIST_QUERY: ListQuerySpec = {
	orderBy: Object.fromEntries(
		['name', 'id', 'address_line1', 'zip', 'town', 'display_name', 'vat_id', 'address_line2', 'state', 'tax_number', 'economy_id'].map(
			(field) => [field, field === 'id' ? '_id' : field],
		),
	),
	defaultOrderBy: 'name',
	defaultLimit: 100,
	maxLimit: 5000,
};

export function organizationRoutes(ctx: FiskalyContext): SandboxRoute[] {
	const { organizations } = ctx.state;

	/** Organizations a body points at must exist; they decide MANAGED_ORGANIZATION and billing. */
	const checkReferences = (body: Record<string, unknown>) => {
		requireReferencedOrganization(ctx, 'managed_by_organization_id', body.managed_by_organization_id);
		const billing = body.billing_options as { bill_to_organization?: string } | undefined;
		requireReferencedOrganization(ctx, 'billing_options.bill_to_organization', billing?.bill_to_organization);
	};

	return [
		{
			method: 'GET',
			path: COLLECTION,
			handler: (req) => {
				const query = parseListQuery(req.query, LIST_QUERY);
				const env = parseEnumParam(req.query, 'env', ENVS);
				const type = parseEnumParam(req.query, 'type', ORGANIZATION_TYPES);
				const managedBy = req.query.managed_by_organization_id;
				if (managedBy !== undefined && !isUuid(managedBy)) throw validationError('managed_by_organization_id: must be a UUID');
				const matching = [...organizations.values()].filter(
					(org) =>
						(!env || org._envs.includes(env)) &&
						(!type || org._type === type) &&
						(!managedBy || org.managed_by_organization_id === managedBy),
				);
				return listAnswer(sortAndPaginate(matching, query), 'ORGANIZATION_LIST');
			},
		},
		{
			method: 'POST',
			path: COLLECTION,
			handler: (req) => {
				const body = requireJsonObject(req);
				assertValid(body, ORGANIZATION_FIELDS);
				checkReferences(body);
				const organization = newOrganizationRecord(body as Record<string, unknown> & { name: string });
				organizations.set(organization._id, organization);
				return json(200, organization);
			},
		},
		{
			method: 'GET',
			path: ITEM,
			handler: (req) => json(200, requireOrganization(ctx, req)),
		},
		...updateRoutes(ITEM, (req) => {
			const organization = requireOrganization(ctx, req);
			const body = requireJsonObject(req);
			assertValid(body, ORGANIZATION_FIELDS, { partial: true });
			// Changelog 0.6.1: managed_by_organization_id may be sent only with its current value.
			if (body.managed_by_organization_id !== undefined && body.managed_by_organization_id !== organization.managed_by_organization_id) {
				throw validationError('managed_by_organization_id: cannot be changed');
			}
			checkReferences(body);
			Object.assign(organization, body);
			return json(200, organization);
		}),
		{
			method: 'DELETE',
			path: ITEM,
			handler: (req) => {
				const organization = requireOrganization(ctx, req);
				deleteOrganization(ctx, organization._id);
				return success();
			},
		},
		{
			method: 'POST',
			path: `${ITEM}/enable-env`,
			handler: (req) => {
				const organization = requireOrganization(ctx, req);
				const body = requireJsonObject(req);
				assertValid(body, { env: { type: 'string', required: true, enum: ENVS } });
				const env = body.env as (typeof ENVS)[number];
				if (!organization._envs.includes(env)) {
					organization._envs = ENVS.filter((known) => known === env || organization._envs.includes(known));
				}
				return success();
			},
		},
	];
}

/** Its API keys (and their tokens) go with it; users only lose the membership. */
function deleteOrganization(ctx: FiskalyContext, organizationId: string): void {
	const { state, tokens } = ctx;
	state.organizations.delete(organizationId);
	for (const apiKey of [...state.apiKeys.values()]) {
		if (apiKey.organization_id !== organizationId) continue;
		state.apiKeys.delete(apiKey._id);
		tokens.revokeAll((subject) => subject.apiKeyId === apiKey._id);
	}
	for (const user of state.users.values()) {
		user.organization_ids = user.organization_ids.filter((id) => id !== organizationId);
	}
}
