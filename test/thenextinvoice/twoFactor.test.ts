import { totpCode } from '../sandbox/thenextinvoice';
import { useTni } from './setup';

const f = useTni();

const op = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'twoFactor', operation, ...extra });

describe('TheNextInvoice two-factor authentication', () => {
	it('enrolls with a TOTP code, generates recovery codes, disables', async () => {
		expect((await f.run(op('getStatus'))).json).toEqual([{ status: 'disabled' }]);
		expect(f.apiCalls()).toEqual(['GET /settings/2fa']);

		const begun = await f.run(op('beginEnrollment'));
		expect(begun.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/settings/2fa' });
		expect(begun.json[0].url).toMatch(/^otpauth:\/\/totp\//);
		const secret = begun.json[0].secret as string;

		const wrong = await f.run(op('finishEnrollment', { code: '000000' === totpCode(secret) ? '111111' : '000000' }));
		expect(wrong.error?.message).toMatch(/Invalid code/);
		const finished = await f.run(op('finishEnrollment', { code: totpCode(secret) }));
		expect(finished.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', body: { code: Number(totpCode(secret)) } });
		expect(finished.json[0]).toEqual({ enabled: true, message: 'Connected!' });
		expect((await f.run(op('getStatus'))).json).toEqual([{ status: 'enabled' }]);

		const again = await f.run(op('beginEnrollment'));
		expect(again.error?.description).toMatch(/HTTP 409/);

		const codes = await f.run(op('generateRecoveryCodes'));
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/settings/2fa/recovery' });
		expect(codes.json[0].recoveryCodes).toHaveLength(8);
		expect((codes.json[0].recoveryCodes as string[])[0]).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}$/);

		const off = await f.run(op('disable'));
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: '/api/v1/settings/2fa' });
		expect(off.json[0]).toEqual({ disabled: true, message: 'TOTP disabled' });
	});

	it('a code that is not 6 digits is refused before sending', async () => {
		const { error } = await f.run(op('finishEnrollment', { code: '12 34' }));
		expect(error?.message).toMatch(/"Code": must be the 6-digit code/);
		expect(f.apiCalls()).toEqual([]);
	});
});
