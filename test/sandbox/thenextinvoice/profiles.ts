/**
 * /settings/profile: invoice profiles (sender identities). Read endpoints answer 401 for an unknown profile,
 * mutations 404 (a deliberate vendor distinction).
 */
import { parseMultipart, type SandboxRequest, type SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	EMAIL_PATTERN,
	fail,
	jsonBody,
	notFound,
	ofCompany,
	ok,
	parseIdOrUndefined,
	settingsOf,
	validate,
	type StoredProfile,
	type TheNextInvoiceContext,
} from './context';
import { newProfile } from './state';

const PROFILE = `${BASE_PATH}/settings/profile`;

const LOGO_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

function sniffImage(data: Buffer): string | undefined {
	if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
	if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
	if (data.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
	if (/<svg[\s>]/i.test(data.subarray(0, 512).toString('utf8'))) return 'image/svg+xml';
	return undefined;
}

export function profileRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { profiles } = ctx.state;

	/** The profile of `raw` (numeric id or 'default'); `status` is 401 for reads, 404 for mutations. */
	function findProfile(req: SandboxRequest, raw: string, status: 401 | 404): StoredProfile {
		const companyId = companyOf(ctx, req);
		const profile =
			raw === 'default'
				? ofCompany(profiles, companyId).find((p) => p.fields.default === true)
				: profiles.get(parseIdOrUndefined(raw) ?? 0);
		if (!profile || profile.companyId !== companyId) throw fail(status, `Profile ${raw} not found`);
		return profile;
	}

	const publicProfile = (profile: StoredProfile) => ({ ...profile.fields });

	function updated(profile: StoredProfile, body: Record<string, unknown>, names: string[]) {
		for (const name of names) if (body[name] !== undefined) profile.fields[name] = body[name];
		return ok(profile.id);
	}

	function uploadLogo(req: SandboxRequest) {
		const profile = findProfile(req, req.params.id, 404);
		const parts = parseMultipart(req.headers['content-type'], req.rawBody);
		if (!parts) throw badRequest('Upload the logo as multipart/form-data');
		const upload = parts.find((part) => part.name === 'file' && part.filename !== undefined);
		if (!upload || upload.data.length === 0) throw badRequest('No file uploaded in the field "file"');
		const declared = (upload.contentType ?? '').toLowerCase();
		// A declared image type counts; an undeclared / generic one is sniffed from the bytes.
		const generic = declared === '' || declared === 'application/octet-stream';
		const contentType = LOGO_TYPES[declared] ? declared : generic ? sniffImage(upload.data) : undefined;
		if (!contentType) throw fail(415, 'Unsupported logo media type (PNG, JPEG, GIF or SVG)');
		const extension = LOGO_TYPES[contentType];
		profile.logoData = { contentType, data: upload.data, extension };
		profile.fields.logo = `${profile.id}.${extension}`;
		if (profile.fields.default) {
			const company = ctx.state.companies.get(profile.companyId);
			if (company) company.logo = profile.fields.logo as string;
		}
		return ok(profile.id);
	}

	return [
		{
			method: 'GET',
			path: PROFILE,
			handler: (req) => {
				const list = ofCompany(profiles, companyOf(ctx, req));
				if (list.length === 0) throw fail(401, 'Profile not found');
				return ok(list.map(publicProfile));
			},
		},
		{
			method: 'GET',
			path: `${PROFILE}/:id`,
			handler: (req) => {
				// GET /settings/profile/{id}.{type}: the logo as a base64 data URI.
				const logo = /^(\d+|default)\.([a-z]+)$/i.exec(req.params.id);
				if (logo) {
					const profile = findProfile(req, logo[1], 401);
					if (!profile.logoData) throw notFound('Logo not found');
					return ok(`data:${profile.logoData.contentType};base64,${profile.logoData.data.toString('base64')}`);
				}
				return ok(publicProfile(findProfile(req, req.params.id, 401)));
			},
		},
		{
			method: 'POST',
			path: PROFILE,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, { name: { type: 'string' }, language: { type: 'string', pattern: /^[a-z]{2}$/i }, expiration: { type: 'integer' } });
				const profile = newProfile(ctx, companyOf(ctx, req));
				updated(profile, body, ['name', 'language', 'expiration']);
				countCreate(ctx, 'profile');
				return ok(profile.id);
			},
		},
		{
			method: 'PUT',
			path: `${PROFILE}/:id`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				const body = jsonBody(req);
				validate(body, {
					name: { type: 'string', required: body.name !== undefined },
					language: { type: 'string', pattern: /^[a-z]{2}$/i },
					expiration: { type: 'integer' },
				});
				if (typeof body.expiration === 'number' && body.expiration < 0) throw badRequest('expiration must be >= 0');
				return updated(profile, body, ['name', 'language', 'expiration']);
			},
		},
		{
			method: 'PUT',
			path: `${PROFILE}/:id/sender`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				const body = jsonBody(req);
				validate(body, {
					companyName: { type: 'string', required: true },
					address: { type: 'string', required: true },
					postalCode: { type: 'string', required: true },
					city: { type: 'string', required: true },
					country: { type: 'string', required: true, pattern: /^[A-Z]{2}$/ },
					email: { type: 'string', required: true, pattern: EMAIL_PATTERN },
					contact: { type: 'string' },
					vatNumber: { type: 'string' },
					coc: { type: 'string' },
					iban: { type: 'string' },
					phone: { type: 'string' },
					extra: { type: 'string' },
					config: { type: 'object', required: true },
				});
				// With Peppol enabled the sender needs an identifier the network can route on.
				if (settingsOf(ctx, profile.companyId).peppol.enabled && !body.vatNumber && !body.coc) {
					throw badRequest('Peppol is enabled: vatNumber or coc is required');
				}
				return updated(profile, body, ['companyName', 'address', 'postalCode', 'city', 'country', 'email', 'contact', 'vatNumber', 'coc', 'iban', 'phone', 'extra', 'config']);
			},
		},
		{
			method: 'PUT',
			path: `${PROFILE}/:id/text`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				const body = jsonBody(req);
				const names = ['extratext', 'extratextbottom', 'footer', 'quotationextratext', 'quotationextratextbottom', 'quotationfooter'];
				validate(body, Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])));
				return updated(profile, body, names);
			},
		},
		{
			method: 'PUT',
			path: `${PROFILE}/:id/invoice`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				const body = jsonBody(req);
				validate(body, {
					logo_position: { type: 'string', required: true, enum: ['left', 'right', 'center'] },
					margin_global: { type: 'integer', required: true },
					margin_header: { type: 'integer', required: true },
					sender_position: { type: 'string', required: true, enum: ['left', 'right'] },
					merge_mail_attachments: { type: 'boolean' },
				});
				return updated(profile, body, ['logo_position', 'margin_global', 'margin_header', 'sender_position', 'merge_mail_attachments']);
			},
		},
		{
			method: 'PUT',
			path: `${PROFILE}/:id/sending`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				const body = jsonBody(req);
				const references: Record<string, (id: number) => boolean> = {
					email_from_id: (id) => ctx.state.emailAddresses.get(id)?.type === 'from' && ctx.state.emailAddresses.get(id)?.companyId === profile.companyId,
					email_cc_id: (id) => ctx.state.emailAddresses.get(id)?.type === 'cc' && ctx.state.emailAddresses.get(id)?.companyId === profile.companyId,
					email_text_id: (id) => ctx.state.emailTexts.get(id)?.companyId === profile.companyId,
					email_text_reminder_id: (id) => ctx.state.emailTexts.get(id)?.companyId === profile.companyId,
					email_text_quotation_id: (id) => ctx.state.emailTexts.get(id)?.companyId === profile.companyId,
					sms_text_id: (id) => ctx.state.smsTexts.get(id)?.companyId === profile.companyId,
					email_attachment_id: (id) => ctx.state.attachments.get(id)?.companyId === profile.companyId,
					email_attachment_quotation_id: (id) => ctx.state.attachments.get(id)?.companyId === profile.companyId,
				};
				validate(body, Object.fromEntries(Object.keys(references).map((name) => [name, { type: 'integer' as const, nullable: true }])));
				for (const [name, exists] of Object.entries(references)) {
					if (typeof body[name] === 'number' && !exists(body[name] as number)) throw badRequest(`${name} ${String(body[name])} does not exist`);
				}
				return updated(profile, body, Object.keys(references));
			},
		},
		{
			method: 'POST',
			path: `${PROFILE}/:id/default`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				for (const other of ofCompany(profiles, profile.companyId)) other.fields.default = other.id === profile.id;
				return ok(profile.id);
			},
		},
		{ method: 'POST', path: `${PROFILE}/:id/logo`, handler: uploadLogo },
		{ method: 'PUT', path: `${PROFILE}/:id/logo`, handler: uploadLogo },
		{
			method: 'DELETE',
			path: `${PROFILE}/:id/logo`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				profile.logoData = null;
				profile.fields.logo = null;
				return ok(profile.id);
			},
		},
		{
			method: 'DELETE',
			path: `${PROFILE}/:id`,
			handler: (req) => {
				const profile = findProfile(req, req.params.id, 404);
				if (profile.fields.default) throw fail(403, 'The default profile cannot be deleted');
				profiles.delete(profile.id);
				return ok('Profile removed');
			},
		},
	];
}
