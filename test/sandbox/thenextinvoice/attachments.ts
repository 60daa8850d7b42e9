/** /settings/attachments: reusable e-mail attachments, uploaded as base64 in `content`. */
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	decodeBase64,
	findOwned,
	jsonBody,
	ofCompany,
	ok,
	validate,
	type StoredAttachment,
	type TheNextInvoiceContext,
} from './context';

const publicAttachment = ({ id, name, filename }: StoredAttachment) => ({ id, name, filename });

export function attachmentRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { attachments } = ctx.state;
	const PATH = `${BASE_PATH}/settings/attachments`;

	return [
		{ method: 'GET', path: PATH, handler: (req) => ok(ofCompany(attachments, companyOf(ctx, req)).map(publicAttachment)) },
		{
			method: 'POST',
			path: PATH,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, {
					name: { type: 'string', required: true },
					filename: { type: 'string', required: true },
					content: { type: 'string', required: true },
				});
				const data = decodeBase64(body.content);
				if (!data) throw badRequest('content is not valid base64');
				const id = ctx.nextId('attachment');
				const record: StoredAttachment = { companyId: companyOf(ctx, req), id, name: body.name as string, filename: body.filename as string, data };
				attachments.set(id, record);
				countCreate(ctx, 'attachment');
				return ok(publicAttachment(record));
			},
		},
		{
			method: 'PUT',
			path: `${PATH}/:id`,
			handler: (req) => {
				const record = findOwned(attachments, companyOf(ctx, req), req.params.id, 'Attachment not found');
				const body = jsonBody(req);
				validate(body, { name: { type: 'string' }, filename: { type: 'string' }, content: { type: 'string' } });
				if ((body.filename === undefined) !== (body.content === undefined)) throw badRequest('filename and content must be sent together');
				if (body.content !== undefined) {
					const data = decodeBase64(body.content);
					if (!data) throw badRequest('content is not valid base64');
					record.data = data;
					record.filename = body.filename as string;
				}
				if (body.name !== undefined) record.name = body.name as string;
				return ok(publicAttachment(record));
			},
		},
		{
			method: 'DELETE',
			path: `${PATH}/:id`,
			handler: (req) => {
				const record = findOwned(attachments, companyOf(ctx, req), req.params.id, 'Attachment not found');
				attachments.delete(record.id);
				return ok('Attachment removed');
			},
		},
	];
}
