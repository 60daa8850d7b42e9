/**
 * Runs our nodes through n8n-core's real WorkflowExecute (and PollContext for triggers): a
 * two-node workflow "Input" → node under test, with a credentials helper that does what n8n's
 * own CredentialsHelper does for our credential types (preAuthentication, generic authenticate).
 */
import { ExecuteContext, ExecutionLifecycleHooks, LoadOptionsContext, PollContext, RoutingNode, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

import { assertNoSecrets, registerSecret } from './secrets';

/** An input item: JSON, plus optional files under `$binary` (base64 content). */
export type TestInputItem = IDataObject & { $binary?: Record<string, { base64: string; fileName: string; mimeType: string }> };

/** A start node that emits the items given in its parameters. */
class InputNode implements INodeType {
	description = {
		displayName: 'Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as TestInputItem[];
		// `$binary` entries become real n8n binary data (uploads are tested through the node itself).
		return [
			await Promise.all(
				items.map(async ({ $binary, ...json }) => {
					if (!$binary) return { json };
					const binary: INodeExecutionData['binary'] = {};
					for (const [property, file] of Object.entries($binary)) {
						binary[property] = await this.helpers.prepareBinaryData(Buffer.from(file.base64, 'base64'), file.fileName, file.mimeType);
					}
					return { json, binary };
				}),
			),
		];
	}
}

class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}
	getByName(name: string) {
		return this.types[name];
	}
	getByNameAndVersion(name: string) {
		return this.types[name];
	}
	getKnownTypes() {
		return {};
	}
}

/** Mirrors n8n's CredentialsHelper for what our credentials use. */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly preAuthenticationCalls: string[] = [];

	constructor(
		private readonly types: ICredentialType[],
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
		// The fields n8n shows as passwords are the credential's secrets: no output, error or log may contain them.
		// Except fiskaly's API key: an identifier paired with the API secret, which fiskaly's own key list shows.
		for (const type of types) {
			for (const property of type.properties) {
				if (property.typeOptions?.password && property.name !== 'apiKey') registerSecret(data[type.name]?.[property.name]);
			}
		}
	}

	private type(name: string): ICredentialType {
		const type = this.types.find((t) => t.name === name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const auth = this.type(typeName).authenticate;
		if (!auth) return requestOptions;
		// A function authenticate (headers that depend on which fields are filled) is called as n8n calls it.
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		const resolve = (value: unknown) =>
			String(value).replace(/^=/, '').replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''));
		const headers = Object.fromEntries(Object.entries(auth.properties.headers ?? {}).map(([k, v]) => [k, resolve(v)]));
		const qs = Object.fromEntries(Object.entries(auth.properties.qs ?? {}).map(([k, v]) => [k, resolve(v)]));
		return { ...requestOptions, headers: { ...requestOptions.headers, ...headers }, qs: { ...requestOptions.qs, ...qs } };
	}

	async preAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, typeName: string, node: INode, expired: boolean) {
		const type = this.type(typeName);
		const expirable = type.properties.find((p) => p.typeOptions?.expirable);
		if (!type.preAuthentication || !expirable) return undefined;
		// Like n8n, a credential test always runs preAuthentication (a stored token must not hide a wrong secret).
		const testing = node?.type === CREDENTIAL_TEST_NODE_TYPE;
		if (!expired && credentials[expirable.name] && !testing) return undefined;
		this.preAuthenticationCalls.push(typeName);
		const result = await type.preAuthentication.call(helpers, credentials);
		return { ...credentials, ...result } as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, typeName: string) {
		const type = this.type(typeName);
		return type.preAuthentication ? ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) : undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(_a: IWorkflowExecuteAdditionalData, _n: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}
	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return this.type(type).properties;
	}
}

export interface NodeUnderTest {
	nodeType: INodeType;
	typeName: string;
	credentialTypes: ICredentialType[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node's version in the workflow (versioned nodes such as n8n's HTTP Request). Default 1. */
	typeVersion?: number;
}

function additionalData(helper: TestCredentialsHelper, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: helper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRun {
	/** Output items of the node under test. */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** The node's error when it failed (and did not continue on fail). */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

/** Executes the node under test once, with `input` items, through WorkflowExecute. */
export async function runNode(
	target: NodeUnderTest,
	parameters: INodeParameters,
	options: {
		input?: TestInputItem[];
		continueOnFail?: boolean;
		helper?: TestCredentialsHelper;
		/** A node after the one under test (e.g. n8n's Split Out); the run's items are then its output. */
		then?: { nodeType: INodeType; typeName: string; typeVersion?: number; parameters: INodeParameters };
		/** Off only in the benchmark, whose timed runs measure n8n and the nodes, not this scan of the output. */
		secretScan?: boolean;
	} = {},
): Promise<NodeRun> {
	const helper = options.helper ?? new TestCredentialsHelper(target.credentialTypes, target.credentials);
	const { then } = options;
	const nodes: INode[] = [
		{ id: 'input', name: 'Input', type: 'testInput', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(options.input ?? [{}]) } },
		{ ...subjectNode(target, parameters, 'Subject'), continueOnFail: options.continueOnFail },
		...(then ? [{ id: 'then', name: 'Then', type: then.typeName, typeVersion: then.typeVersion ?? 1, position: [400, 0], parameters: then.parameters } as INode] : []),
	];
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes,
		connections: {
			Input: { main: [[{ node: 'Subject', type: 'main', index: 0 }]] },
			...(then ? { Subject: { main: [[{ node: 'Then', type: 'main', index: 0 }]] } } : {}),
		},
		active: false,
		nodeTypes: new TestNodeTypes({ testInput: new InputNode(), [target.typeName]: target.nodeType, ...(then ? { [then.typeName]: then.nodeType } : {}) }),
		settings: { executionOrder: 'v1' },
	});
	const mode: WorkflowExecuteMode = 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', { id: 'test-workflow', name: 'Test', nodes, connections: workflow.connectionsBySourceNode, active: false, settings: {}, createdAt: new Date(), updatedAt: new Date(), isArchived: false } as never);
	const run = await new WorkflowExecute(additionalData(helper, hooks), mode).run({ workflow, startNode: workflow.getNode('Input')! });
	const taskData = (run.data.resultData.runData.Then ?? run.data.resultData.runData.Subject)?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const error = (taskData?.error ?? run.data.resultData.error) as NodeRun['error'];
	if (options.secretScan !== false) assertNoSecrets(`the output of ${target.typeName}`, items, error?.message, error?.description, error?.context);
	return { items, json: items.map((i) => i.json), error, run };
}

/** The node under test as a workflow node, with the test credential attached. */
function subjectNode(target: NodeUnderTest, parameters: INodeParameters, name: string): INode {
	// Every test credential is attached; the node's own parameters pick which one it uses.
	const credentials = Object.fromEntries(Object.keys(target.credentials).map((type) => [type, { id: `cred-${type}`, name: `Test ${type}` }]));
	return {
		id: name.toLowerCase(),
		name,
		type: target.typeName,
		typeVersion: target.typeVersion ?? 1,
		position: [200, 0],
		parameters,
		credentials,
	};
}

/** Calls a polling trigger's poll() in a real PollContext; static data persists in `staticData`. */
export async function pollTrigger(
	target: NodeUnderTest,
	parameters: INodeParameters,
	options: { mode?: WorkflowExecuteMode; staticData?: IDataObject } = {},
): Promise<{ items: IDataObject[] | null; staticData: IDataObject }> {
	const helper = new TestCredentialsHelper(target.credentialTypes, target.credentials);
	const node = subjectNode(target, parameters, 'Trigger');
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TestNodeTypes({ [target.typeName]: target.nodeType }),
		staticData: { [`node:${node.name}`]: staticData },
	});
	const mode = options.mode ?? 'trigger';
	const context = new PollContext(workflow, node, additionalData(helper), mode, mode === 'manual' ? 'manual' : 'activate');
	const result = await target.nodeType.poll!.call(context);
	const data = workflow.staticData[`node:${node.name}`] as IDataObject;
	assertNoSecrets(`the output of ${target.typeName}`, result, data);
	return { items: result ? result[0].map((i) => i.json) : null, staticData: data };
}

function loadOptionsContext(target: NodeUnderTest, parameters: INodeParameters): LoadOptionsContext {
	const helper = new TestCredentialsHelper(target.credentialTypes, target.credentials);
	const node = subjectNode(target, parameters, 'Subject');
	const workflow = new Workflow({ id: 'test-workflow', nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes({ [target.typeName]: target.nodeType }) });
	const data = { ...additionalData(helper), currentNodeParameters: parameters } as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, data, '');
}

/** Calls a node's listSearch method (resource locator "From List") in a real LoadOptionsContext. */
export async function searchList(target: NodeUnderTest, method: string, parameters: INodeParameters, filter?: string, paginationToken?: string) {
	const search = target.nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`No listSearch method ${method}`);
	const result = await search.call(loadOptionsContext(target, parameters), filter, paginationToken);
	assertNoSecrets(`the list search ${method}`, result);
	return result;
}

/** Calls a node's loadOptions method (a dropdown) in a real LoadOptionsContext. */
export async function loadOptions(target: NodeUnderTest, method: string, parameters: INodeParameters) {
	const load = target.nodeType.methods?.loadOptions?.[method];
	if (!load) throw new Error(`No loadOptions method ${method}`);
	const result = await load.call(loadOptionsContext(target, parameters));
	assertNoSecrets(`the options of ${method}`, result);
	return result;
}

const CREDENTIAL_TEST_NODE_TYPE = 'credentialTest';

/**
 * Runs a credential's `test` the way n8n's credentials tester does: the test request through a RoutingNode (so
 * preAuthentication and authenticate apply), then the rules. Returns what n8n would show: { status, message }.
 */
export async function testCredential(credentialType: ICredentialType, data: ICredentialDataDecryptedObject): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const test = credentialType.test;
	if (!test) throw new Error(`${credentialType.name} has no test request`);
	const helper = new TestCredentialsHelper([credentialType], { [credentialType.name]: data });
	const nodeType = {
		description: {
			displayName: 'Credential Test',
			name: CREDENTIAL_TEST_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	} as unknown as INodeType;
	const node: INode = { id: 'temp', name: 'Temp-Node', type: CREDENTIAL_TEST_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {}, credentials: { [credentialType.name]: { id: 'test', name: 'Test' } } };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes({ [CREDENTIAL_TEST_NODE_TYPE]: nodeType }) });
	const runData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const context = new ExecuteContext(workflow, node, additionalData(helper), 'internal', runData, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	let response: INodeExecutionData[][] | undefined;
	try {
		response = await new RoutingNode(context, nodeType, { id: 'test', name: 'Test', type: credentialType.name, data }).runNode();
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
		const rule = test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === status);
		return { status: 'Error', message: rule ? (rule.properties as { message: string }).message : String((error as Error).message) };
	}
	const body = (response?.[0]?.[0]?.json ?? {}) as IDataObject;
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
