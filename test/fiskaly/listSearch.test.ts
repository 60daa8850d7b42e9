import { searchList } from '../helpers/n8n';
import { orgLocator, startFiskaly, type FiskalyFixture } from './setup';

let f: FiskalyFixture;
beforeAll(async () => {
	f = await startFiskaly({ seedOrganizations: 150 });
});
afterAll(async () => await f.sandbox.close());

describe('resource locator lists', () => {
	it('organizations: pages of 100 with a pagination token, and a name filter', async () => {
		const first = await searchList(f.node, 'searchOrganizations', { resource: 'organization', operation: 'get' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await searchList(f.node, 'searchOrganizations', { resource: 'organization', operation: 'get' }, undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(51);
		expect(second.paginationToken).toBeUndefined();
		const filtered = await searchList(f.node, 'searchOrganizations', { resource: 'organization', operation: 'get' }, 'sandbox main');
		expect(filtered.results).toEqual([{ name: 'Sandbox Main Organization', value: f.sandbox.ownOrganizationId }]);
	});

	it('API keys of the organization chosen in the node', async () => {
		const org = orgLocator(f.sandbox.ownOrganizationId);
		await f.run({ resource: 'apiKey', operation: 'create', organizationId: org, name: 'locator-key', status: 'enabled' });
		const { results } = await searchList(f.node, 'searchApiKeys', { resource: 'apiKey', operation: 'get', organizationId: org }, 'locator');
		expect(results.map((r) => r.name)).toEqual(['locator-key (enabled)']);
	});
});
