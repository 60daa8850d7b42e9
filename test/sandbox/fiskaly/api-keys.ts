/**
 * /organizations/:organization_id/api-keys: list, create, retrieve, update (PATCH/PUT), and delete (not in fiskaly's
 * reference; public clients call it and read 404 afterwards).
 */
import {
	assertValid,
	isUuid,
	json,
	parseEnumParam,
	parseListQuery,
	requireJsonObject,
	SandboxHttpError,
	sortAndPaginate,
	type ListQuerySpec,
	type ObjectSchema,
	type SandboxRequest,
	type SandboxRoute,
} from '../framework';
import {
	BASE_PATH,
	listAnswer,
	METADATA_SPEC,
	notFound,
	requireOrganization,
	requireUuidParam,
	updateRoutes,
	validationError,
	type FiskalyContext,
	type StoredApiKey,
} from './context';
import { newApiKeyRecord, publicApiKey } from './state';

const COLLECTION = `${BASE_PATH}/organizations/:organization_id/api-keys`;
const ITEM = `${COLLECTION}/:key_id`;

const STATUSES = ['enabled', 'disabled'] as const;

/**
 * The API key body, and the managed API key body (changelog 0.2.0: "separate body for API keys and managed API
 * keys"): `managed_by_organization_id` as production clients send it, the managing organization's UUID.
 */
const CREATE_FIELDS: ObjectSchema = {
	name: { type: 'string', required: true, pattern: /^[a-z0-9-]{3,30}$/ },
	status: { type: 'string', required: true, enum: STATUSES },
	metadata: METADATA_SPEC,
	managed_by_organization_id: { type: 'string' },
};

const UPDATE_FIELDS: ObjectSchema = {
	status: { type: 'string', enum: STATUSES },
	metadata: METADATA_SPEC,
};

const LIST_QUERY: ListQuerySpec = {
	orderBy: { name: 'name', status: 'status', created_at: 'created_at' },
	defaultOrderBy: 'created_at',
	defaultLimit: 100,
	maxLimit: 100,
};

export function apiKeyRoutes(ctx: FiskalyContext): SandboxRoute[] {
	const { apiKeys } = ctx.state;

	/** A key id under another organization is as unknown as a missing one. */
	const requireApiKey = (req: SandboxRequest): StoredApiKey => {
		const organization = requireOrganization(ctx, req);
		const keyId = requireUuidParam(req, 'key_id');
		const apiKey = apiKeys.get(keyId);
		if (!apiKey || apiKey.organization_id !== organization._id) throw notFound('API key', keyId);
		return apiKey;
	};

	return [
		{
			method: 'GET',
			path: COLLECTION,
			handler: (req) => {
				const organization = requireOrganization(ctx, req);
				const query = parseListQuery(req.query, LIST_QUERY);
				const status = parseEnumParam(req.query, 'status', STATUSES);
				const matching = [...apiKeys.values()].filter(
					(key) => key.organization_id === organization._id && (!status || key.status === status),
				);
				const page = sortAndPaginate(matching, query);
				return listAnswer({ data: page.data.map((key) => publicApiKey(key)), count: page.count }, 'API_KEY_LIST');
			},
		},
		{
			method: 'POST',
			path: COLLECTION,
			handler: (req) => {
				const organization = requireOrganization(ctx, req);
				const body = requireJsonObject(req);
				assertValid(body, CREATE_FIELDS);
				const { managed_by_organization_id: managedBy, ...fields } = body as Pick<StoredApiKey, 'name' | 'status' | 'metadata'> & { managed_by_organization_id?: string };
				if (managedBy !== undefined) {
					if (!isUuid(managedBy)) throw validationError('managed_by_organization_id: must be a UUID');
					if (!ctx.state.organizations.has(managedBy)) throw validationError('managed_by_organization_id: no such organization');
					// A managed key belongs to a managed organization, and names the organization that manages it.
					if (organization.managed_by_organization_id !== managedBy) {
						throw validationError('managed_by_organization_id: this organization is not managed by that organization');
					}
				}
				const duplicate = [...apiKeys.values()].some(
					(key) => key.organization_id === organization._id && key.name === fields.name,
				);
				if (duplicate) {
					throw new SandboxHttpError(409, 'E_CONFLICT', `An API key named '${fields.name}' already exists in this organization`);
				}
				const apiKey = newApiKeyRecord(organization, fields);
				apiKeys.set(apiKey._id, apiKey);
				return json(200, publicApiKey(apiKey, true));
			},
		},
		{
			method: 'GET',
			path: ITEM,
			handler: (req) => json(200, publicApiKey(requireApiKey(req))),
		},
		{
			method: 'DELETE',
			path: ITEM,
			handler: (req) => {
				const apiKey = requireApiKey(req);
				apiKeys.delete(apiKey._id);
				ctx.tokens.revokeAll((subject) => subject.apiKeyId === apiKey._id);
				return json(200, { _success: true });
			},
		},
		...updateRoutes(ITEM, (req) => {
			const apiKey = requireApiKey(req);
			const body = requireJsonObject(req);
			assertValid(body, UPDATE_FIELDS, { partial: true });
			Object.assign(apiKey, body);
			// A disabled key loses its sessions at once, like revoking it in the dashboard.
			if (apiKey.status === 'disabled') ctx.tokens.revokeAll((subject) => subject.apiKeyId === apiKey._id);
			return json(200, publicApiKey(apiKey));
		}),
	];
}
