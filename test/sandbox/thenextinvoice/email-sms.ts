/** /settings/email/address (+ verify), /settings/email/text and /settings/sms/text. */
import { createHash } from 'node:crypto';
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	EMAIL_PATTERN,
	findOwned,
	jsonBody,
	notFound,
	ofCompany,
	ok,
	validate,
	type StoredEmailAddress,
	type StoredEmailText,
	type StoredSmsText,
	type TheNextInvoiceContext,
} from './context';

const publicAddress = ({ id, type, email, verified }: StoredEmailAddress) => ({ id, type, email, verified });
const publicEmailText = ({ id, subject, name, text }: StoredEmailText) => ({ id, subject, name, text });
const publicSmsText = ({ id, name, text }: StoredSmsText) => ({ id, name, text });

const SMS_PLACEHOLDERS = ['{paymentlink}', '{betaallink}', '{viewinvoice}', '{bekijkfactuur}'];

export function emailSmsRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { emailAddresses, emailTexts, smsTexts } = ctx.state;
	const EMAIL = `${BASE_PATH}/settings/email`;
	const SMS_TEXT = `${BASE_PATH}/settings/sms/text`;
	const emailTextRules = {
		subject: { type: 'string', required: true },
		name: { type: 'string', required: true },
		text: { type: 'string', required: true },
	} as const;

	function validateSmsText(body: Record<string, unknown>): void {
		validate(body, { name: { type: 'string', required: true }, text: { type: 'string', required: true } });
		const text = (body.text as string).toLowerCase();
		if (!SMS_PLACEHOLDERS.some((placeholder) => text.includes(placeholder))) {
			throw badRequest(`text must contain a payment or invoice link placeholder (${SMS_PLACEHOLDERS.join(', ')})`);
		}
	}

	return [
		// Sender & CC addresses
		{ method: 'GET', path: `${EMAIL}/address`, handler: (req) => ok(ofCompany(emailAddresses, companyOf(ctx, req)).map(publicAddress)) },
		{
			method: 'POST',
			path: `${EMAIL}/address`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const body = jsonBody(req);
				validate(body, {
					type: { type: 'string', required: true, enum: ['from', 'cc'] },
					email: { type: 'string', required: true, pattern: EMAIL_PATTERN },
					redirect: { type: 'string', pattern: /^https?:\/\/\S+$/ },
				});
				const id = ctx.nextId('emailAddress');
				const email = body.email as string;
				const record: StoredEmailAddress = {
					companyId,
					id,
					type: body.type as 'from' | 'cc',
					email,
					verified: false,
					key: createHash('sha256').update(`${companyId}:${id}:${email}`).digest('hex'),
					redirect: body.redirect as string | undefined,
				};
				emailAddresses.set(id, record);
				countCreate(ctx, 'emailAddress');
				return ok(publicAddress(record));
			},
		},
		{
			method: 'POST',
			path: `${EMAIL}/verify`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, {
					email: { type: 'string', required: true },
					key: { type: 'string', required: true },
					company: { type: 'integer', required: true },
				});
				const record = [...emailAddresses.values()].find(
					(address) => address.companyId === body.company && address.email === body.email && address.key === body.key,
				);
				if (!record) throw badRequest('Invalid verification request');
				record.verified = true;
				return ok(publicAddress(record));
			},
		},
		{
			method: 'DELETE',
			path: `${EMAIL}/address/:id/:type`,
			handler: (req) => {
				if (req.params.type !== 'from' && req.params.type !== 'cc') throw badRequest('type must be from or cc');
				const record = findOwned(emailAddresses, companyOf(ctx, req), req.params.id, 'Address not found');
				if (record.type !== req.params.type) throw notFound('Address not found');
				emailAddresses.delete(record.id);
				return ok('Address removed');
			},
		},

		// E-mail templates
		{ method: 'GET', path: `${EMAIL}/text`, handler: (req) => ok(ofCompany(emailTexts, companyOf(ctx, req)).map(publicEmailText)) },
		{
			method: 'GET',
			path: `${EMAIL}/text/:id`,
			handler: (req) => ok(publicEmailText(findOwned(emailTexts, companyOf(ctx, req), req.params.id, 'Template not found'))),
		},
		{
			method: 'POST',
			path: `${EMAIL}/text`,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, emailTextRules);
				const id = ctx.nextId('emailText');
				const record: StoredEmailText = {
					companyId: companyOf(ctx, req),
					id,
					subject: body.subject as string,
					name: body.name as string,
					text: body.text as string,
				};
				emailTexts.set(id, record);
				countCreate(ctx, 'emailText');
				return ok(publicEmailText(record));
			},
		},
		{
			method: 'PUT',
			path: `${EMAIL}/text/:id`,
			handler: (req) => {
				const record = findOwned(emailTexts, companyOf(ctx, req), req.params.id, 'Template not found');
				const body = jsonBody(req);
				validate(body, emailTextRules);
				Object.assign(record, { subject: body.subject, name: body.name, text: body.text });
				return ok(publicEmailText(record));
			},
		},
		{
			method: 'DELETE',
			path: `${EMAIL}/text/:id`,
			handler: (req) => {
				const record = findOwned(emailTexts, companyOf(ctx, req), req.params.id, 'Template not found');
				emailTexts.delete(record.id);
				return ok('Template removed');
			},
		},

		// SMS templates
		{ method: 'GET', path: SMS_TEXT, handler: (req) => ok(ofCompany(smsTexts, companyOf(ctx, req)).map(publicSmsText)) },
		{
			method: 'GET',
			path: `${SMS_TEXT}/:id`,
			handler: (req) => ok(publicSmsText(findOwned(smsTexts, companyOf(ctx, req), req.params.id, 'Template not found'))),
		},
		{
			method: 'POST',
			path: SMS_TEXT,
			handler: (req) => {
				const body = jsonBody(req);
				validateSmsText(body);
				const id = ctx.nextId('smsText');
				const record: StoredSmsText = { companyId: companyOf(ctx, req), id, name: body.name as string, text: body.text as string };
				smsTexts.set(id, record);
				countCreate(ctx, 'smsText');
				return ok(publicSmsText(record));
			},
		},
		{
			method: 'PUT',
			path: `${SMS_TEXT}/:id`,
			handler: (req) => {
				const record = findOwned(smsTexts, companyOf(ctx, req), req.params.id, 'Template not found');
				const body = jsonBody(req);
				validateSmsText(body);
				Object.assign(record, { name: body.name, text: body.text });
				return ok(publicSmsText(record));
			},
		},
		{
			method: 'DELETE',
			path: `${SMS_TEXT}/:id`,
			handler: (req) => {
				const record = findOwned(smsTexts, companyOf(ctx, req), req.params.id, 'Template not found');
				smsTexts.delete(record.id);
				return ok('Template removed');
			},
		},
	];
}
