import type { IBinaryData, ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { SemansysApi } from '../../packages/n8n-nodes-semansys/credentials/SemansysApi.credentials';
import { semansysTokens } from '../../packages/n8n-nodes-semansys/nodes/Semansys/api';
import { Semansys } from '../../packages/n8n-nodes-semansys/nodes/Semansys/Semansys.node';
import { runNode, type NodeUnderTest, type TestInputItem } from '../helpers/n8n';
import { DELIVERY_MESSAGES, SAMPLE_INSTANCE, startSemansysSandbox, type SemansysSandbox, type SemansysSandboxOptions } from '../sandbox/semansys';

/** Fast retries for tests. */
export const quickRetries = { requestOptions: { maxAttempts: 4, maxTotalWaitSeconds: 10, timeoutSeconds: 5 } };

/** A small Dutch annual-report instance: two monetary facts and a name. */
export const INSTANCE = SAMPLE_INSTANCE;

/** The same report with a broken monetary fact. */
export const INVALID_INSTANCE = INSTANCE.replace('>40000<', '>forty thousand<');

export const file = (content: string | Buffer, fileName = 'jaarrekening-2025.xbrl', mimeType = 'application/xml') => ({
	base64: Buffer.from(content).toString('base64'),
	fileName,
	mimeType,
});

/** One input item with the instance as binary property `data` (and more files when given). */
export const withInstance = (extra: TestInputItem['$binary'] = {}, content = INSTANCE): TestInputItem[] => [{ $binary: { data: file(content), ...extra } }];

export interface SemansysFixture {
	sandbox: SemansysSandbox;
	node: NodeUnderTest;
	credentials: ICredentialDataDecryptedObject;
	run: (parameters: INodeParameters, options?: Parameters<typeof runNode>[2]) => ReturnType<typeof runNode>;
	/** API requests the sandbox received as "METHOD /path" (without /api and without token requests). */
	apiCalls: () => string[];
	apiRequests: () => SemansysSandbox['requests'];
	lastRequest: () => SemansysSandbox['requests'][number] | undefined;
	/** Token requests (form fields) in order. */
	tokenRequests: () => Array<Record<string, string>>;
}

export async function startSemansys(options: SemansysSandboxOptions = {}, credentialExtra: ICredentialDataDecryptedObject = {}): Promise<SemansysFixture> {
	const sandbox = await startSemansysSandbox(options);
	semansysTokens.clear();
	const { baseUrl, tokenUrl, clientId, clientSecret, username, password, apiVersion } = sandbox;
	const credentials = { baseUrl, tokenUrl, clientId, clientSecret, username, password, apiVersion, ...credentialExtra };
	const node: NodeUnderTest = { nodeType: new Semansys(), typeName: 'semansys', credentialTypes: [new SemansysApi()], credentials: { semansysApi: credentials } };
	const apiRequests = () => sandbox.requests.filter((r) => r.path.startsWith('/api/'));
	return {
		sandbox,
		node,
		credentials,
		run: async (parameters, runOptions) => await runNode(node, { ...quickRetries, ...parameters }, runOptions),
		apiCalls: () => apiRequests().map((r) => `${r.method} ${r.path.replace(/^\/api/, '')}`),
		apiRequests,
		lastRequest: () => apiRequests().at(-1),
		tokenRequests: () => sandbox.requests.filter((r) => r.path === '/connect/token').map((r) => r.body as Record<string, string>),
	};
}

/**
 * One sandbox for a test file: started before its tests, closed after them, and before each test without
 * faults, recorded requests or job timing left over. Returns a getter (the fixture exists once beforeAll ran).
 */
export function useSemansys(options: SemansysSandboxOptions = {}, credentialExtra: ICredentialDataDecryptedObject = {}): () => SemansysFixture {
	let fixture: SemansysFixture;
	beforeAll(async () => {
		fixture = await startSemansys(options, credentialExtra);
	});
	afterAll(async () => await fixture.sandbox.close());
	beforeEach(() => {
		fixture.sandbox.faults.clear();
		fixture.sandbox.clearRequests();
		fixture.sandbox.control.setJobPolls(options.jobPolls ?? 1);
		fixture.sandbox.control.setJobMs(undefined);
		fixture.sandbox.control.setRenderFormatParameter(options.renderFormatParameter ?? 'outputFormat');
		fixture.sandbox.control.setStatusErrorShape(options.statusErrorShape ?? 'published');
		fixture.sandbox.control.setDeliveryMessages(DELIVERY_MESSAGES);
		fixture.sandbox.control.setGenerationKeyNames({});
	});
	return () => fixture;
}

/** The bytes of an output binary property. */
export const binaryBytes = (binary: IBinaryData | undefined): Buffer => Buffer.from(binary?.data ?? '', 'base64');

/** Every secret a run could leak: the client secret, the password and each token seen on the wire. */
export function knownSecrets(f: SemansysFixture): string[] {
	const secrets = new Set<string>([f.sandbox.clientSecret, f.sandbox.password]);
	for (const request of f.sandbox.requests) {
		const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
		if (bearer) secrets.add(bearer);
		const refresh = (request.body as { refresh_token?: string } | undefined)?.refresh_token;
		if (refresh) secrets.add(refresh);
	}
	return [...secrets];
}
