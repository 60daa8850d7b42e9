/**
 * The secret scan itself (test/helpers/secrets.ts): it must catch a leak, or "0 found" across the suite means
 * nothing. A made-up node that echoes its credential must fail runNode; an issued sandbox token is registered.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { n8nLogLines, takeLeaks } from '../helpers/console-capture';
import { runNode } from '../helpers/n8n';
import { findSecrets, secretScanStats } from '../helpers/secrets';
import { TokenStore } from '../sandbox/framework';
import { demoCredentialTypes } from '../transport/demoVendor';

class LeakyNode implements INodeType {
	description = {
		displayName: 'Leaky',
		name: 'leaky',
		group: ['transform'],
		version: 1,
		description: 'Echoes its credential (what our nodes must never do)',
		defaults: { name: 'Leaky' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'demoStaticApi', required: true }],
		properties: [{ displayName: 'Where', name: 'where', type: 'options', options: [{ name: 'Output', value: 'output' }, { name: 'Error', value: 'error' }, { name: 'Node Error', value: 'nodeError' }], default: 'output' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { apiToken } = await this.getCredentials('demoStaticApi');
		if (this.getNodeParameter('where', 0) === 'error') throw new Error(`request failed with token ${String(apiToken)}`);
		// n8n's error reporter logs a node error with its message (n8n's logger, winston), as for the errors our nodes throw.
		if (this.getNodeParameter('where', 0) === 'nodeError') throw new NodeOperationError(this.getNode(), `request failed with token ${String(apiToken)}`);
		return [[{ json: { note: `using ${String(apiToken)}` } }]];
	}
}

const leaky = (token: string) => ({
	nodeType: new LeakyNode(),
	typeName: 'leaky',
	credentialTypes: demoCredentialTypes,
	credentials: { demoStaticApi: { baseUrl: 'http://127.0.0.1:9', apiToken: token } },
});

describe('secret scan', () => {
	// The leaks here are deliberate; they must not count in the run's total (which must stay 0).
	afterEach(() => {
		secretScanStats.hits = 0;
	});

	it('fails a run whose output contains a credential secret', async () => {
		await expect(runNode(leaky('leaky-token-in-output'), { where: 'output' })).rejects.toThrow(/SECRET LEAK in the output of leaky: lea…\(21 chars\)/);
	});

	it('fails a run whose error message contains a credential secret', async () => {
		await expect(runNode(leaky('leaky-token-in-error'), { where: 'error' })).rejects.toThrow(/SECRET LEAK/);
	});

	it("catches a secret in a line of n8n's logger: the line is scanned, never printed, and reported as a leak", async () => {
		await expect(runNode(leaky('leaky-token-in-log'), { where: 'nodeError' })).rejects.toThrow(/SECRET LEAK/);
		// The test that wrote it would fail in afterEach (secret-scan-setup.ts); here the leak is taken and checked.
		expect(takeLeaks()).toEqual(expect.arrayContaining([expect.stringMatching(/^SECRET LEAK in console\.(_stdout|log): .*lea…\(18 chars\)/)]));
		expect(n8nLogLines().join('\n')).not.toContain('leaky-token-in-log');
	});

	it("holds the lines of n8n's logger back while the test passes (printed if it fails, or with SHOW_N8N_LOGS=1)", async () => {
		// A token this short is not scanned for (secrets.ts), so the run fails only with the node's error.
		await runNode(leaky('short'), { where: 'nodeError' });
		expect(takeLeaks()).toEqual([]);
		expect(n8nLogLines()).toEqual(expect.arrayContaining([expect.stringContaining('request failed with token short')]));
	});

	it('knows every token a sandbox issues', () => {
		const { token } = new TokenStore().issue({ user: 'someone' }, 60);
		expect(findSecrets(`Authorization: Bearer ${token}`).length).toBeGreaterThan(0);
		expect(findSecrets('Authorization: Bearer something-else')).toHaveLength(0);
	});

	it('finds a cut-off echo of a token (the first characters of a long secret)', () => {
		const { token } = new TokenStore().issue({ user: 'someone' }, 60);
		expect(findSecrets(`the answer was not valid JSON: "{"access_token":"${token.slice(0, 15)}`).length).toBeGreaterThan(0);
	});
});
