/** /settings/verification: postal address verification of a profile (letter with an 8-character code). */
import { randomInt } from 'node:crypto';
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	fail,
	findOwned,
	jsonBody,
	ofCompany,
	ok,
	timestamp,
	type StoredVerification,
	type TheNextInvoiceContext,
} from './context';

/** Letters can be resent a week after the last one. */
export const RESEND_COOLDOWN_SECONDS = 7 * 24 * 3600;
const MAX_ATTEMPTS = 5;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
	return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export function publicVerification(record: StoredVerification): Record<string, unknown> {
	const cooldown = Math.max(0, Math.ceil((record.sentAtMs + RESEND_COOLDOWN_SECONDS * 1000 - Date.now()) / 1000));
	return {
		id: record.id,
		profile_id: record.profile_id,
		status: record.status,
		verified_at: record.verified_at,
		attempts_remaining: record.attempts_remaining,
		sent_at: record.sent_at,
		can_resend: record.status !== 'verified' && cooldown === 0,
		cooldown_remaining: cooldown,
		address: record.address,
		postal_code: record.postal_code,
		city: record.city,
		country: record.country,
	};
}

export function verificationRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { verifications, profiles } = ctx.state;
	const PATH = `${BASE_PATH}/settings/verification`;

	return [
		{ method: 'GET', path: PATH, handler: (req) => ok(ofCompany(verifications, companyOf(ctx, req)).map(publicVerification)) },
		{
			method: 'POST',
			path: `${PATH}/:profileId/initiate`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const profile = findOwned(profiles, companyId, req.params.profileId, 'Profile not found');
				const fields = profile.fields;
				for (const name of ['companyName', 'vatNumber', 'address', 'postalCode', 'city', 'country']) {
					if (typeof fields[name] !== 'string' || fields[name] === '') throw badRequest(`The profile has no ${name} (sender, VAT and address are required)`);
				}
				const existing = ofCompany(verifications, companyId).find((v) => v.profile_id === profile.id && v.status !== 'invalid');
				if (existing?.status === 'verified') throw badRequest('The address of this profile is already verified');
				if (existing) throw fail(429, 'A verification is already pending for this profile');
				const id = ctx.nextId('verification');
				const record: StoredVerification = {
					companyId,
					id,
					profile_id: profile.id,
					status: 'sent',
					verified_at: null,
					attempts_remaining: MAX_ATTEMPTS,
					sent_at: timestamp(),
					sentAtMs: Date.now(),
					address: fields.address as string,
					postal_code: fields.postalCode as string,
					city: fields.city as string,
					country: fields.country as string,
					code: newCode(),
				};
				verifications.set(id, record);
				countCreate(ctx, 'verification');
				return ok(publicVerification(record));
			},
		},
		{
			method: 'POST',
			path: `${PATH}/:id/confirm`,
			handler: (req) => {
				const record = findOwned(verifications, companyOf(ctx, req), req.params.id, 'Verification not found');
				const body = jsonBody(req);
				const code = typeof body.code === 'string' ? body.code.trim().toUpperCase() : '';
				if (code === '') throw badRequest('code is required');
				if (record.status === 'verified') throw badRequest('Already verified');
				if (record.attempts_remaining <= 0 || record.status === 'invalid') throw fail(429, 'Maximum number of attempts exceeded');
				if (!/^[A-Z0-9]{8}$/.test(code) || code !== record.code) {
					record.attempts_remaining -= 1;
					if (record.attempts_remaining === 0) record.status = 'invalid';
					throw badRequest(`Invalid code (${record.attempts_remaining} attempts remaining)`);
				}
				record.status = 'verified';
				record.verified_at = timestamp();
				const profile = profiles.get(record.profile_id);
				if (profile) profile.fields.peppol_verified = true;
				return ok({
					success: true,
					message: 'Address successfully verified',
					verification: { id: record.id, profile_id: record.profile_id, status: record.status },
				});
			},
		},
		{
			method: 'POST',
			path: `${PATH}/:id/resend`,
			handler: (req) => {
				const record = findOwned(verifications, companyOf(ctx, req), req.params.id, 'Verification not found');
				if (record.status === 'verified') throw badRequest('Already verified');
				if (publicVerification(record).cooldown_remaining !== 0) throw fail(429, 'Resend cooldown has not passed yet');
				Object.assign(record, { status: 'sent', sent_at: timestamp(), sentAtMs: Date.now(), code: newCode(), attempts_remaining: MAX_ATTEMPTS });
				return ok(publicVerification(record));
			},
		},
	];
}
