import { useTni } from './setup';

const f = useTni();
let profile: number;

beforeAll(() => {
	const company = f.sandbox.companyIds[0];
	profile = [...f.sandbox.state.profiles.values()].find((p) => p.companyId === company && p.fields.default)!.id;
});

const op = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'addressVerification', operation, ...extra });

describe('TheNextInvoice address verification', () => {
	it('initiates, lists, refuses a second letter (429, sent once), confirms with the code', async () => {
		const started = await f.run(op('initiate', { profileId: String(profile) }));
		expect(started.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`POST /settings/verification/${profile}/initiate`]);
		const id = started.json[0].id as number;
		expect(started.json[0]).toMatchObject({ profile_id: profile, status: 'sent', attempts_remaining: 5, can_resend: false });

		const list = await f.run(op('getAll', { returnAll: true }));
		expect(list.json).toEqual([expect.objectContaining({ id, profile_id: profile, status: 'sent' })]);

		f.sandbox.clearRequests();
		const again = await f.run(op('initiate', { profileId: String(profile) }));
		expect(again.error?.message).toMatch(/already pending/);
		expect(again.error?.description).toMatch(/HTTP 429.*refuses this verification step/);
		expect(f.apiCalls()).toHaveLength(1);

		f.sandbox.clearRequests();
		const resend = await f.run(op('resend', { verificationId: String(id) }));
		expect(resend.error?.message).toMatch(/cooldown/);
		expect(f.apiCalls()).toEqual([`POST /settings/verification/${id}/resend`]);

		const wrong = await f.run(op('confirm', { verificationId: String(id), code: 'AAAA-AAAA' }));
		expect(wrong.error?.message).toMatch(/Invalid code \(4 attempts remaining\)/);
		expect(f.lastRequest()!.body).toEqual({ code: 'AAAAAAAA' });

		const code = f.sandbox.control.verificationCode(id)!;
		const confirmed = await f.run(op('confirm', { verificationId: String(id), code: ` ${code.toLowerCase()} ` }));
		expect(confirmed.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ code });
		expect(confirmed.json[0]).toMatchObject({ message: 'Address successfully verified', verification: { id, profile_id: profile, status: 'verified' } });
		expect(f.sandbox.state.profiles.get(profile)!.fields.peppol_verified).toBe(true);
	});

	it('checks the code and ids before sending', async () => {
		const short = await f.run(op('confirm', { verificationId: '1', code: 'ABC' }));
		expect(short.error?.message).toMatch(/"Code": must be the 8-character code/);
		const badId = await f.run(op('initiate', { profileId: 'x' }));
		expect(badId.error?.message).toMatch(/"Profile": must be a positive whole number/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('an unknown verification is a 404', async () => {
		const { error } = await f.run(op('resend', { verificationId: '9999' }));
		expect(error?.message).toMatch(/Verification not found/);
		expect(error?.description).toMatch(/HTTP 404/);
	});
});
