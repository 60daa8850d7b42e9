/** Customer corner: the documented users, invitation and stored-file endpoints. */
import { isPlainObject, newUuid, type SandboxRoute } from '../framework';
import { BASE_PATH, fail, ok, requireString, sha256, type SemansysContext, type StoredFile } from './context';

const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;

export function publicFile(file: StoredFile) {
	return {
		id: file.id,
		userEmail: file.userEmail,
		name: file.name,
		size: file.content.length,
		type: file.type,
		sha256: sha256(file.content),
		createdOn: file.createdOn,
		isDomain: true,
		isPublic: false,
		history: file.history,
		properties: file.properties,
	};
}

export function storeFile(ctx: SemansysContext, name: string, content: Buffer): StoredFile {
	const file: StoredFile = {
		id: newUuid(),
		userEmail: ctx.username,
		name,
		type: name.includes('.') ? name.slice(name.lastIndexOf('.')) : '',
		content,
		createdOn: new Date().toISOString(),
		history: [],
		properties: [{ id: newUuid(), type: 'string', key: 'source', value: 'sandbox' }],
	};
	ctx.files.set(file.id, file);
	return file;
}

export function customerCornerRoutes(ctx: SemansysContext): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: `${BASE_PATH}/customer-corner/send`,
			handler: (req) => {
				if (!isPlainObject(req.body)) throw fail(400, 'A JSON body is required');
				const unknown = Object.keys(req.body).filter((key) => !['email', 'invitedBy', 'role'].includes(key));
				if (unknown.length) throw fail(400, `${unknown.join(', ')}: is not a field of this endpoint`);
				const email = requireString(req.body, 'email')!;
				if (!EMAIL.test(email)) throw fail(400, 'email: must be an e-mail address');
				ctx.invitations.push({ email, invitedBy: requireString(req.body, 'invitedBy', { optional: true }), role: requireString(req.body, 'role', { optional: true }) });
				return { status: 200 };
			},
		},
		{ method: 'GET', path: `${BASE_PATH}/customer-corner/users`, handler: () => ok(ctx.domains) },
		{
			method: 'POST',
			path: `${BASE_PATH}/customer-corner/users`,
			handler: (req) => {
				if (typeof req.body !== 'string' || !req.body) throw fail(400, 'The body must be a JSON string');
				ctx.checkedUsers.push(req.body);
				return { status: 200 };
			},
		},
		{
			method: 'GET',
			path: `${BASE_PATH}/customer-corner/file/:fileIds/history`,
			handler: (req) => {
				const file = ctx.files.get(req.params.fileIds.toLowerCase());
				if (!file) throw fail(404, `No file with ID ${req.params.fileIds}`);
				return ok(file.history.map((entry) => ({ ...entry, fileId: file.id, properties: [] })));
			},
		},
		{
			method: 'GET',
			path: `${BASE_PATH}/customer-corner/file/:fileIds`,
			handler: (req) => {
				const ids = req.params.fileIds.split(',').map((id) => id.trim().toLowerCase());
				const missing = ids.filter((id) => !ctx.files.has(id));
				if (missing.length) throw fail(404, `No file with ID ${missing.join(', ')}`);
				return ok(ids.map((id) => publicFile(ctx.files.get(id)!)));
			},
		},
	];
}
