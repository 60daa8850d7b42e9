import { newOrganization, orgLocator, startFiskaly, type FiskalyFixture } from './setup';

let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly();
});
afterAll(async () => await f.sandbox.close());

describe('fiskaly Management Trigger', () => {
	it('new organization: first poll sets the cursor, each new one is emitted once', async () => {
		const first = await f.poll({ event: 'newOrganization' });
		expect(first.items).toBeNull();
		await f.run(newOrganization('Trigger Test GmbH'));
		const second = await f.poll({ event: 'newOrganization' }, { staticData: first.staticData });
		expect(second.items?.map((o) => o.name)).toEqual(['Trigger Test GmbH']);
		const third = await f.poll({ event: 'newOrganization' }, { staticData: second.staticData });
		expect(third.items).toBeNull();
	});

	it('manual runs return a sample and leave the cursor alone', async () => {
		const armed = await f.poll({ event: 'newOrganization' });
		const cursorBefore = JSON.stringify(armed.staticData);
		await f.run(newOrganization('Manual Sample GmbH'));
		const manual = await f.poll({ event: 'newOrganization' }, { mode: 'manual', staticData: armed.staticData });
		expect(manual.items).toHaveLength(1);
		expect(JSON.stringify(manual.staticData)).toBe(cursorBefore);
		const next = await f.poll({ event: 'newOrganization' }, { staticData: armed.staticData });
		expect(next.items?.map((o) => o.name)).toEqual(['Manual Sample GmbH']);
	});

	it('new API key in an organization, without its secret', async () => {
		const org = orgLocator(f.sandbox.ownOrganizationId);
		const armed = await f.poll({ event: 'newApiKey', organizationId: org });
		await f.run({ resource: 'apiKey', operation: 'create', organizationId: org, name: 'trigger-key', status: 'enabled' });
		const next = await f.poll({ event: 'newApiKey', organizationId: org }, { staticData: armed.staticData });
		expect(next.items?.map((k) => k.name)).toEqual(['trigger-key']);
		expect(next.items?.[0]).not.toHaveProperty('secret');
	});

	it('new user in an organization', async () => {
		const org = orgLocator(f.sandbox.ownOrganizationId);
		const armed = await f.poll({ event: 'newUser', organizationId: org });
		await f.run({ resource: 'user', operation: 'invite', organizationId: org, email: 'new.user@example.com' });
		const next = await f.poll({ event: 'newUser', organizationId: org }, { staticData: armed.staticData });
		expect(next.items?.map((u) => u.email)).toEqual(['new.user@example.com']);
	});
});
