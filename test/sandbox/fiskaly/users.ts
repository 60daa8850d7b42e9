/** /organizations/:organization_id/users: list, invite, remove from the organization. */
import {
	assertValid,
	containsIgnoreCase,
	json,
	newUuid,
	parseListQuery,
	requireJsonObject,
	SandboxHttpError,
	sortAndPaginate,
	type ListQuerySpec,
	type SandboxRoute,
} from '../framework';
import {
	BASE_PATH,
	listAnswer,
	notFound,
	requireOrganization,
	requireUuidParam,
	success,
	type FiskalyContext,
	type StoredUser,
} from './context';
import { publicUser } from './state';

const COLLECTION = `${BASE_PATH}/organizations/:organization_id/users`;

const LIST_QUERY: ListQuerySpec = {
	orderBy: { id: '_id', email: 'email', first_name: 'first_name', last_name: 'last_name' },
	defaultOrderBy: 'email',
	defaultLimit: 100,
	maxLimit: 5000,
};

export function userRoutes(ctx: FiskalyContext): SandboxRoute[] {
	const { users } = ctx.state;

	return [
		{
			method: 'GET',
			path: COLLECTION,
			handler: (req) => {
				const organization = requireOrganization(ctx, req);
				const query = parseListQuery(req.query, LIST_QUERY);
				const { email, first_name: firstName, last_name: lastName } = req.query;
				const matching = [...users.values()].filter(
					(user) =>
						user.organization_ids.includes(organization._id) &&
						containsIgnoreCase(user.email, email) &&
						containsIgnoreCase(user.first_name, firstName) &&
						containsIgnoreCase(user.last_name, lastName),
				);
				const page = sortAndPaginate(matching, query);
				return listAnswer({ data: page.data.map(publicUser), count: page.count }, 'USER_LIST');
			},
		},
		{
			method: 'POST',
			path: COLLECTION,
			handler: (req) => {
				const organization = requireOrganization(ctx, req);
				const body = requireJsonObject(req);
				assertValid(body, {
					email: { type: 'string', required: true, format: 'email' },
					first_name: { type: 'string' },
					last_name: { type: 'string' },
				});
				const fields = body as Pick<StoredUser, 'email' | 'first_name' | 'last_name'>;
				// Users are global: inviting a known e-mail adds a membership to the existing user.
				const existing = [...users.values()].find((user) => user.email.toLowerCase() === fields.email.toLowerCase());
				if (existing?.organization_ids.includes(organization._id)) {
					throw new SandboxHttpError(409, 'E_CONFLICT', `User '${fields.email}' is already a member of this organization`);
				}
				const user: StoredUser = existing ?? { _id: newUuid(), _type: 'USER', _envs: ['TEST'], ...fields, organization_ids: [] };
				user.organization_ids.push(organization._id);
				users.set(user._id, user);
				return json(200, publicUser(user));
			},
		},
		{
			method: 'DELETE',
			path: `${COLLECTION}/:user_id`,
			handler: (req) => {
				const organization = requireOrganization(ctx, req);
				const userId = requireUuidParam(req, 'user_id');
				const user = users.get(userId);
				if (!user?.organization_ids.includes(organization._id)) throw notFound('User', userId);
				user.organization_ids = user.organization_ids.filter((id) => id !== organization._id);
				return success();
			},
		},
	];
}
