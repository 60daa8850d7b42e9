/**
 * Onboarding a merchant in real n8n, as the platforms among fiskaly's production clients do it: a managed
 * organization under the own one, its TEST environment (asked twice: the second time it is read, not sent), a
 * managed API key for the merchant's till (secret withheld), and that key deleted again.
 */
import type { E2eCase } from '../harness';
import { byId, fiskalyChain } from '../fiskaly-workflow';

const own = "={{ $('Claims').item.json.organization_id }}";
const merchant = "={{ $('Create merchant').item.json._id }}";

const testCase: E2eCase = {
	name: 'fiskaly Management: onboard a merchant (managed organization, environment, managed API key)',
	workflow: fiskalyChain('e2eFiskalyOnboard01', 'e2e: fiskaly onboarding', [
		['Claims', { resource: 'token', operation: 'getClaims' }],
		['Create merchant', {
			resource: 'organization', operation: 'create', name: 'E2E Merchant GmbH', address_line1: 'Hauptstrasse 1', zip: '10115', town: 'Berlin',
			country_code: 'DEU', additionalFields: { managed_by_organization_id: own },
		}],
		['Enable TEST', { resource: 'organization', operation: 'enableEnvironment', organizationId: byId(merchant), env: 'TEST' }],
		['Enable LIVE', { resource: 'organization', operation: 'enableEnvironment', organizationId: byId(merchant), env: 'LIVE' }],
		['Managed key', {
			resource: 'apiKey', operation: 'create', organizationId: byId(merchant), managedByOrganizationId: byId(own), name: 'e2e-till', status: 'enabled',
		}],
		['Delete key', { resource: 'apiKey', operation: 'delete', organizationId: byId(merchant), keyId: byId("={{ $('Managed key').item.json._id }}") }],
	]),
	check(run, { fiskaly, expect, equal }) {
		if (!expect(run.ok, 'the workflow succeeds')) return;
		const [org] = run.output('Create merchant');
		equal(org?._type, 'MANAGED_ORGANIZATION', 'a managed organization');
		equal(org?.managed_by_organization_id, fiskaly.ownOrganizationId, 'managed by the own organization');
		equal(run.output('Enable TEST')[0], { success: true, organizationId: org?._id, env: 'TEST', alreadyEnabled: true, alreadyDone: true }, 'TEST was already enabled: read, not sent');
		equal(run.output('Enable LIVE')[0], { success: true, organizationId: org?._id, env: 'LIVE', alreadyEnabled: false, alreadyDone: false }, 'LIVE enabled');
		const [key] = run.output('Managed key');
		equal(key?._type, 'MANAGED_API_KEY', 'a managed API key');
		equal(key?.managed_by_organization_id, fiskaly.ownOrganizationId, 'managed by the own organization');
		expect(key && !('secret' in key), 'the secret is not in the output');
		equal(run.output('Delete key')[0], { success: true, organizationId: org?._id, keyId: key?._id, deleted: true }, 'the key was deleted');
		expect(!fiskaly.state.apiKeys.has(key?._id), 'the sandbox no longer has the key');
	},
};

export default testCase;
