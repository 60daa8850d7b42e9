/**
 * n8n in this process: n8n-core's WorkflowExecute (test/helpers/n8n.ts runNode) for our nodes and for n8n's own
 * HTTP Request node, loaded from the real n8n 2.41.1 install in .runtime (same n8n-core and n8n-workflow versions).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	INode,
	INodeType,
	IWorkflowExecuteAdditionalData,
	INodeCredentialsDetails,
} from 'n8n-workflow';

import { runNode as runNodeWithScan, TestCredentialsHelper, type NodeUnderTest } from '../test/helpers/n8n';

/** test/helpers/n8n.ts runNode without its secret scan of the output, which is the tests' work, not n8n's. */
export const runNode: typeof runNodeWithScan = async (target, parameters, options = {}) => await runNodeWithScan(target, parameters, { ...options, secretScan: false });

const N8N_MODULES = join(__dirname, '..', '.runtime', 'n8n', 'node_modules');
const NODES_BASE = join(N8N_MODULES, 'n8n-nodes-base', 'dist', 'nodes');
const HTTP_REQUEST_NODE = join(NODES_BASE, 'HttpRequest', 'HttpRequest.node.js');
/** The version n8n 2.41.1 puts in new workflows. */
export const HTTP_REQUEST_VERSION = 4.2;

function fromN8n<T>(file: string): T {
	if (!existsSync(file)) throw new Error(`n8n's node file is missing (${file}): run bash scripts/install-n8n.sh`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(file) as T;
}

/** n8n's Split Out node: one item per element of `field` (what a workflow needs after the HTTP Request node's pages). */
export function splitOutStep(field: string) {
	const { SplitOut } = fromN8n<{ SplitOut: new () => INodeType }>(join(NODES_BASE, 'Transform', 'SplitOut', 'SplitOut.node.js'));
	return { nodeType: new SplitOut(), typeName: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: field, include: 'noOtherFields', options: {} } };
}

/** n8n's HTTP Request node (the type name matters: n8n-core gives it access to any credential type). */
export function httpRequestNode(credentialTypes: ICredentialType[], credentials: Record<string, ICredentialDataDecryptedObject>): NodeUnderTest {
	const { HttpRequest } = fromN8n<{ HttpRequest: new () => { getNodeType(version: number): INodeType } }>(HTTP_REQUEST_NODE);
	return {
		nodeType: new HttpRequest().getNodeType(HTTP_REQUEST_VERSION),
		typeName: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		credentialTypes,
		credentials,
	};
}

/**
 * The test helper plus what n8n's CredentialsHelper does with an expirable credential: the token preAuthentication
 * returns is saved with the credential (n8n writes it to the database), so later requests reuse it until a 401.
 */
export class PersistingCredentialsHelper extends TestCredentialsHelper {
	private readonly saved: Record<string, ICredentialDataDecryptedObject> = {};

	async preAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, typeName: string, node: INode, expired: boolean) {
		const updated = await super.preAuthentication(helpers, credentials, typeName, node, expired);
		if (updated) this.saved[typeName] = updated;
		return updated;
	}

	async getDecrypted(additionalData: IWorkflowExecuteAdditionalData, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		return { ...(await super.getDecrypted(additionalData, nodeCredentials, type)), ...this.saved[type] };
	}
}
