/** /settings/2fa: TOTP enrollment (RFC 6238, SHA-1, 30 s, 6 digits) for the current user, recovery codes. */
import { createHmac, randomBytes } from 'node:crypto';
import type { SandboxRoute } from '../framework';
import { BASE_PATH, badRequest, caller, fail, jsonBody, ok, validate, type TheNextInvoiceContext } from './context';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Encode(bytes: Buffer): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
	return out;
}

function base32Decode(text: string): Buffer {
	const clean = text.replace(/[\s=]/g, '').toUpperCase();
	let bits = 0;
	let value = 0;
	const out: number[] = [];
	for (const char of clean) {
		const index = BASE32.indexOf(char);
		if (index === -1) throw new Error(`invalid base32 character '${char}'`);
		value = (value << 5) | index;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/**
 * The TOTP code an authenticator app shows for `secret` (as returned by POST /settings/2fa, spaces allowed)
 * at `timeMs` (default now), so tests can finish enrollment.
 */
export function totpCode(secret: string, timeMs = Date.now()): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
	const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
	const offset = hmac[hmac.length - 1] & 0xf;
	const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
	return String(code).padStart(6, '0');
}

export function twoFactorRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const PATH = `${BASE_PATH}/settings/2fa`;
	const userOf = (req: Parameters<SandboxRoute['handler']>[0]) => {
		const user = ctx.state.users.get(caller(ctx, req).userId);
		if (!user) throw fail(401, 'Unknown user');
		return user;
	};
	return [
		{ method: 'GET', path: PATH, handler: (req) => ok({ status: userOf(req).twoFactor.status }) },
		{
			method: 'POST',
			path: PATH,
			handler: (req) => {
				const user = userOf(req);
				if (user.twoFactor.status === 'enabled') throw fail(409, '2FA is already enabled');
				const secret = base32Encode(randomBytes(10)); // 16 characters
				user.twoFactor = { status: 'connecting', secret, recoveryCodes: [] };
				return ok({
					secret: (secret.toLowerCase().match(/.{1,4}/g) ?? []).join(' '),
					url: `otpauth://totp/TheNextInvoice:${encodeURIComponent(user.email)}?secret=${secret}&issuer=TheNextInvoice`,
				});
			},
		},
		{
			method: 'PUT',
			path: PATH,
			handler: (req) => {
				const user = userOf(req);
				const body = jsonBody(req);
				validate(body, { code: { type: 'integer', required: true } });
				if (user.twoFactor.status === 'enabled') throw fail(409, '2FA is already enabled');
				if (user.twoFactor.status !== 'connecting' || !user.twoFactor.secret) throw badRequest('2FA enrollment has not been started');
				const now = Date.now();
				const valid = [-30_000, 0, 30_000].some((skew) => Number(totpCode(user.twoFactor.secret as string, now + skew)) === body.code);
				if (!valid) throw badRequest('Invalid code');
				user.twoFactor.status = 'enabled';
				return ok('Connected!');
			},
		},
		{
			method: 'DELETE',
			path: PATH,
			handler: (req) => {
				const user = userOf(req);
				if (user.twoFactor.status === 'disabled') throw badRequest('2FA is not enabled');
				user.twoFactor = { status: 'disabled', recoveryCodes: [] };
				return ok('TOTP disabled');
			},
		},
		{
			method: 'POST',
			path: `${PATH}/recovery`,
			handler: (req) => {
				const user = userOf(req);
				if (user.twoFactor.status !== 'enabled') throw badRequest('2FA is not enabled');
				const code = () => (randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z]/g, 'x').match(/.{4}/g) ?? []).slice(0, 3).join('-');
				user.twoFactor.recoveryCodes = Array.from({ length: 8 }, code);
				return ok([...user.twoFactor.recoveryCodes]);
			},
		},
	];
}
