import { useTni } from './setup';

const f = useTni();

const op = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'companyUser', operation, ...extra });

describe('TheNextInvoice company user', () => {
	it('adds a new account (with name, password, language), lists, changes the role and removes it', async () => {
		const added = await f.run(op('add', { email: 'staff@example.com', role: 'employee', newAccount: { name: 'Jane Staff', password: 'secret-pw-1', language: 'EN' } }));
		expect(added.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /settings/user']);
		expect(f.lastRequest()!.body).toEqual({ email: 'staff@example.com', role: 'employee', name: 'Jane Staff', password: 'secret-pw-1', language: 'en' });
		const id = added.json[0].id as number;
		expect(added.json[0]).toMatchObject({ email: 'staff@example.com', name: 'Jane Staff', language: 'en' });
		// The new account's password goes to the API only, never into n8n's output.
		expect(JSON.stringify(added.json)).not.toContain('secret-pw-1');

		const list = await f.run(op('getAll', { returnAll: true }));
		expect(list.json).toEqual(expect.arrayContaining([expect.objectContaining({ email: f.sandbox.email, role: 'owner' }), expect.objectContaining({ id, role: 'employee' })]));
		const one = await f.run(op('getAll', { returnAll: false, limit: 1 }));
		expect(one.json).toHaveLength(1);

		const promoted = await f.run(op('updateRole', { userId: String(id), role: 'owner' }));
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', path: `/api/v1/settings/user/${id}`, body: { role: 'owner' } });
		expect(promoted.json[0]).toMatchObject({ id, role: 'owner' });

		const removed = await f.run(op('remove', { userId: String(id) }));
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: `/api/v1/settings/user/${id}` });
		expect(removed.json[0]).toEqual({ userId: id, removed: true, message: 'User removed from company' });
	});

	it('an existing member is refused (403); a new account without its fields is a 400; the sole owner stays', async () => {
		const again = await f.run(op('add', { email: f.sandbox.email, role: 'employee' }));
		expect(again.error?.message).toMatch(/User already in company/);
		expect(again.error?.description).toMatch(/HTTP 403/);
		const incomplete = await f.run(op('add', { email: 'new@example.com', role: 'employee', newAccount: { name: 'New' } }));
		expect(incomplete.error?.message).toMatch(/password, language required/);
		expect(f.lastRequest()!.body).toEqual({ email: 'new@example.com', role: 'employee', name: 'New' });

		const owner = (await f.run(op('getAll', { returnAll: true }))).json.find((u) => u.role === 'owner')!;
		const demote = await f.run(op('updateRole', { userId: String(owner.id), role: 'employee' }));
		expect(demote.error?.message).toMatch(/sole owner/);
		const remove = await f.run(op('remove', { userId: String(owner.id) }));
		expect(remove.error?.message).toMatch(/sole owner cannot be removed/);
	});

	it('checks e-mail, language and user id before sending', async () => {
		expect((await f.run(op('add', { email: 'not-an-email', role: 'employee' }))).error?.message).toMatch(/"Email": must be an e-mail address/);
		expect((await f.run(op('add', { email: 'a@b.nl', role: 'employee', newAccount: { language: 'dutch' } }))).error?.message).toMatch(/"New Account Fields" › Language: must be a two-letter language code/);
		expect((await f.run(op('remove', { userId: '0' }))).error?.message).toMatch(/"User ID"/);
		expect(f.apiCalls()).toEqual([]);
	});
});
