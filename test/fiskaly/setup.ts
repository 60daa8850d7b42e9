import type { INodeParameters } from 'n8n-workflow';

import { FiskalyManagementApi } from '../../packages/n8n-nodes-fiskaly-management/credentials/FiskalyManagementApi.credentials';
import { fiskalyTokens } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/api';
import { FiskalyManagement } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagement.node';
import { FiskalyManagementTrigger } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagementTrigger.node';
import { startFiskalySandbox, type FiskalySandbox, type FiskalySandboxOptions } from '../sandbox/fiskaly';
import { pollTrigger, runNode, type NodeUnderTest } from '../helpers/n8n';
import { fiskalyOrganizationParameters } from '../helpers/sandbox-workflows';

/** Fast retries for tests: the sandbox's Retry-After is 1 s; back-off starts at 500 ms. */
export const quickRetries = { requestOptions: { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 5 } };

export interface FiskalyFixture {
	sandbox: FiskalySandbox;
	node: NodeUnderTest;
	trigger: NodeUnderTest;
	run: (parameters: INodeParameters, options?: Parameters<typeof runNode>[2]) => ReturnType<typeof runNode>;
	poll: (parameters: INodeParameters, options?: Parameters<typeof pollTrigger>[2]) => ReturnType<typeof pollTrigger>;
	/** Requests the sandbox received (excluding logins), as "METHOD /path". */
	apiCalls: () => string[];
}

export async function startFiskaly(options: FiskalySandboxOptions = {}): Promise<FiskalyFixture> {
	const sandbox = await startFiskalySandbox(options);
	fiskalyTokens.clear();
	const credentials = { fiskalyManagementApi: { apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.baseUrl } };
	const credentialTypes = [new FiskalyManagementApi()];
	const node: NodeUnderTest = { nodeType: new FiskalyManagement(), typeName: 'fiskalyManagement', credentialTypes, credentials };
	const trigger: NodeUnderTest = { nodeType: new FiskalyManagementTrigger(), typeName: 'fiskalyManagementTrigger', credentialTypes, credentials };
	return {
		sandbox,
		node,
		trigger,
		run: async (parameters, runOptions) => await runNode(node, { ...quickRetries, ...parameters }, runOptions),
		poll: async (parameters, pollOptions) => await pollTrigger(trigger, parameters, pollOptions),
		apiCalls: () => sandbox.requests.filter((r) => !r.path.endsWith('/auth')).map((r) => `${r.method} ${r.path}`),
	};
}

export const orgLocator = (id: string) => ({ __rl: true, mode: 'id', value: id });

export const newOrganization = (name: string, extra: INodeParameters = {}): INodeParameters => ({ ...fiskalyOrganizationParameters(name), ...extra });

/** Every secret the run could leak: the API secret, and each bearer and refresh token seen on the wire. */
export function knownSecrets(f: FiskalyFixture): string[] {
	const secrets = new Set<string>([f.sandbox.apiSecret]);
	for (const request of f.sandbox.requests) {
		const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
		if (bearer) secrets.add(bearer);
		const refresh = (request.body as { refresh_token?: string } | undefined)?.refresh_token;
		if (refresh) secrets.add(refresh);
	}
	return [...secrets];
}
