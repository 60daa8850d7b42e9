/** Customer corner: the documented users, invitation and stored-file endpoints. */
import { isPlainObject, newUuid, type SandboxRequest, type SandboxRoute } from '../framework';
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

/**
 * Message types for deliveries, in the documented shape (the page's sample is one such object): per message type its
 * portal, the formats it takes, its receivers and its taxonomy entry points. The names are those our examples deliver.
 */
export const DELIVERY_MESSAGES = [
	{
		id: 1,
		name: 'Jaarrekening',
		portal: 'Digipoort',
		xbrlSupported: true,
		xmlSupported: false,
		receivers: [{ id: 1, name: 'KvK', identityType: 'OIN', identityNumber: '00000001003214345000', messageId: 1 }],
		entryPoints: [
			{ id: 1, description: 'KvK jaarverantwoording 2024 (micro)', entrypoint: 'https://www.nltaxonomie.nl/kvk/2024/entrypoints/kvk-rpt-jaarverantwoording-2024-nlgaap-micro.xsd', dateFrom: '2024-01-01', dateTo: null, messageId: 1 },
			{ id: 2, description: 'KvK jaarverantwoording 2023 (micro)', entrypoint: 'https://www.nltaxonomie.nl/kvk/2023/entrypoints/kvk-rpt-jaarverantwoording-2023-nlgaap-micro.xsd', dateFrom: '2023-01-01', dateTo: '2024-12-31', messageId: 1 },
		],
	},
	{
		id: 2,
		name: 'VPB-aangifte',
		portal: 'Digipoort',
		xbrlSupported: true,
		xmlSupported: false,
		receivers: [{ id: 2, name: 'Belastingdienst', identityType: 'OIN', identityNumber: '00000001003214345000', messageId: 2 }],
		entryPoints: [{ id: 3, description: 'VPB 2024', entrypoint: 'http://www.nltaxonomie.nl/nt18/bd/20231213/entrypoints/bd-rpt-vpb-aangifte-2024.xsd', dateFrom: '2024-01-01', dateTo: null, messageId: 2 }],
	},
	{
		id: 3,
		name: 'Inkomstenbelasting',
		portal: 'SBR Nexus',
		xbrlSupported: true,
		xmlSupported: true,
		receivers: [
			{ id: 3, name: 'Rabobank', identityType: 'ID-ontvanger', identityNumber: '00000000123456780000', messageId: 3 },
			{ id: 4, name: 'ING', identityType: 'ID-ontvanger', identityNumber: '00000000876543210000', messageId: 3 },
		],
		entryPoints: [{ id: 4, description: 'Inkomstenbelasting 2024', entrypoint: 'http://www.nltaxonomie.nl/nt18/sbr/20231213/entrypoints/sbr-rpt-ib-2024.xsd', dateFrom: '2024-01-01', dateTo: null, messageId: 3 }],
	},
	{
		id: 4,
		name: 'Kredietrapportage',
		portal: 'SBR Nexus',
		xbrlSupported: true,
		xmlSupported: true,
		receivers: [{ id: 5, name: 'Rabobank', identityType: 'ID-ontvanger', identityNumber: '00000000123456780000', messageId: 4 }],
		entryPoints: [{ id: 5, description: 'Kredietrapportage 2024', entrypoint: 'http://www.nltaxonomie.nl/nt18/kvk/20231213/entrypoints/kvk-rpt-jaarverantwoording-2024.xsd', dateFrom: '2024-01-01', dateTo: null, messageId: 4 }],
	},
];

/** A JSON object body with only the endpoint's fields, and its required `email` checked as an e-mail address. */
function bodyWithEmail(req: SandboxRequest, fields: string[]): { body: Record<string, unknown>; email: string } {
	if (!isPlainObject(req.body)) throw fail(400, 'A JSON body is required');
	const unknown = Object.keys(req.body).filter((key) => !fields.includes(key));
	if (unknown.length) throw fail(400, `${unknown.join(', ')}: is not a field of this endpoint`);
	const email = requireString(req.body, 'email')!;
	if (!EMAIL.test(email)) throw fail(400, 'email: must be an e-mail address');
	return { body: req.body, email };
}

export function customerCornerRoutes(ctx: SemansysContext): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: `${BASE_PATH}/customer-corner/send`,
			handler: (req) => {
				const { body, email } = bodyWithEmail(req, ['email', 'invitedBy', 'role']);
				ctx.invitations.push({ email, invitedBy: requireString(body, 'invitedBy', { optional: true }), role: requireString(body, 'role', { optional: true }) });
				return { status: 200 };
			},
		},
		{ method: 'GET', path: `${BASE_PATH}/customer-corner/users`, handler: () => ok(ctx.domains) },
		{
			// Documented: { email (nullable, an e-mail address), role (integer 1 admin, 2 manager, 3 user, 4 guest,
			// 5 customer corner user) }; 200 with a plain string.
			method: 'POST',
			path: `${BASE_PATH}/customer-corner/user-role`,
			handler: (req) => {
				const { body, email } = bodyWithEmail(req, ['email', 'role']);
				const role = body.role;
				if (!Number.isInteger(role) || (role as number) < 1 || (role as number) > 5) throw fail(400, 'role: must be an integer from 1 to 5');
				ctx.userRoles.set(email, role as number);
				return { status: 200, body: `Role ${role} set for ${email}`, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
			},
		},
		{
			// Documented: no parameters; the message types of both portals with their receivers and entry points.
			method: 'GET',
			path: `${BASE_PATH}/customer-corner/delivery/messages`,
			handler: () => ok(ctx.deliveryMessages),
		},
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
