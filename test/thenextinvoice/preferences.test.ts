import { useTni } from './setup';

const f = useTni();

describe('TheNextInvoice preferences', () => {
	it('gets the preferences and updates the language (answered with the full preferences)', async () => {
		const got = await f.run({ resource: 'preferences', operation: 'get' });
		expect(f.apiCalls()).toEqual(['GET /preferences']);
		expect(got.json).toEqual([expect.objectContaining({ package: 'premium', language: 'EN', company_name: 'TNI Sandbox B.V.', user_data: expect.objectContaining({ email: f.sandbox.email }) })]);

		f.sandbox.clearRequests();
		const updated = await f.run({ resource: 'preferences', operation: 'update', language: ' nl ' });
		expect(f.apiCalls()).toEqual(['PUT /preferences']);
		expect(f.lastRequest()!.body).toEqual({ language: 'NL' });
		expect(updated.json[0]).toMatchObject({ language: 'NL', package: 'premium' });
	});

	it('refuses a language that is not a two-letter code without sending', async () => {
		const { error } = await f.run({ resource: 'preferences', operation: 'update', language: 'Dutch' });
		expect(error?.message).toMatch(/"Language": must be a two-letter language code/);
		expect(f.apiCalls()).toEqual([]);
	});
});
