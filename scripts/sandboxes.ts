/**
 * The vendor sandboxes the demo and the e2e suite start, and the placeholder scheme for workflow templates.
 * Adding a vendor = one entry in SANDBOXES.
 *
 * Placeholders: workflow JSON (packages/<name>/examples/ files, e2e cases) may contain `{{NAME}}` in any string, where NAME
 * is upper snake case. For a sandbox with vendor `fiskaly` these exist:
 *   {{FISKALY_CREDENTIAL_ID}}, {{FISKALY_CREDENTIAL_NAME}}  the imported sandbox credential (for a node's `credentials`)
 *   {{FISKALY_<FIELD>}}  each credential field in upper snake case: {{FISKALY_BASE_URL}}, {{FISKALY_API_KEY}}, ...
 *   {{FISKALY_<NAME>}}   each extra value the vendor's start() returns in `placeholders` ({{FISKALY_OWN_ORGANIZATION_ID}})
 * n8n expressions (`={{ $json.x }}`) are left alone: they contain spaces, `$` or lower case.
 */
import type { CredentialImport } from './n8n-runtime';

export interface SandboxSpec {
	/** Lower camel case; also the name of the sandbox on the e2e check context (ctx.fiskaly). */
	vendor: string;
	/** The n8n package whose credential and nodes talk to this sandbox. */
	packageName: string;
	/** Fixed port for the demo; the e2e suite uses random ports. */
	demoPort: number;
	credentialType: string;
	start(port: number): Promise<{
		handle: unknown;
		credentialData: Record<string, string>;
		/** Extra placeholder values, by upper snake name without the vendor prefix. */
		placeholders?: Record<string, string>;
		close(): Promise<void>;
	}>;
}

export const SANDBOXES: SandboxSpec[] = [
	{
		vendor: 'fiskaly',
		packageName: 'n8n-nodes-fiskaly-management',
		demoPort: 4710,
		credentialType: 'fiskalyManagementApi',
		start: async (port) => {
			const sandbox = await (await import('../test/sandbox/fiskaly')).startFiskalySandbox({ port });
			const { baseUrl, apiKey, apiSecret, ownOrganizationId } = sandbox;
			return {
				handle: sandbox,
				credentialData: { baseUrl, apiKey, apiSecret },
				placeholders: { OWN_ORGANIZATION_ID: ownOrganizationId },
				close: () => sandbox.close(),
			};
		},
	},
	{
		vendor: 'invoicingApi',
		packageName: 'n8n-nodes-regtech-invoicing',
		demoPort: 4712,
		credentialType: 'invoicingApi',
		start: async (port) => {
			// Sent invoices are delivered after 1 s, opened after 2 s and paid after 3 s, so a workflow can poll until paid.
			const sandbox = await (await import('../test/sandbox/invoicing-api')).startInvoicingApiSandbox({
				port,
				lifecycleMs: { delivered: 1000, opened: 2000, paid: 3000 },
				seedPaidInvoices: 1,
			});
			const { baseUrl, tokenUrl, clientId, clientSecret } = sandbox;
			return {
				handle: sandbox,
				credentialData: { baseUrl, authentication: 'clientCredentials', authUrl: tokenUrl, clientId, clientSecret },
				placeholders: { PAID_INVOICE_ID: 'seed-0001' },
				close: () => sandbox.close(),
			};
		},
	},
	{
		vendor: 'theNextInvoice',
		packageName: 'n8n-nodes-thenextinvoice',
		demoPort: 4711,
		credentialType: 'theNextInvoiceApi',
		start: async (port) => {
			const sandbox = await (await import('../test/sandbox/thenextinvoice')).startTheNextInvoiceSandbox({ port, seedInvoices: 25, seedCustomers: 10, seedProducts: 10, seedTemplates: true });
			const { baseUrl, apiToken, email, password, state, companyIds } = sandbox;
			// Ids of the first company's records, for example workflows and e2e cases.
			const firstId = (records: Map<number, { companyId: number; id: number }>) =>
				String([...records.values()].find((r) => r.companyId === companyIds[0])?.id ?? '');
			return {
				handle: sandbox,
				credentialData: { baseUrl, apiToken },
				placeholders: {
					// For the e-mail & password credential (a case or the demo imports it with these values).
					EMAIL: email,
					PASSWORD: password,
					CUSTOMER_ID: firstId(state.customers),
					PROFILE_ID: firstId(state.profiles),
					VAT_CODE_ID: firstId(state.vatCodes),
					LEDGER_ID: firstId(state.ledgerNumbers),
					PAYMENT_METHOD_ID: firstId(state.paymentMethods),
				},
				close: () => sandbox.close(),
			};
		},
	},
	{
		vendor: 'semansys',
		packageName: 'n8n-nodes-semansys',
		demoPort: 4713,
		credentialType: 'semansysApi',
		start: async (port) => {
			const sandbox = await (await import('../test/sandbox/semansys')).startSemansysSandbox({ port });
			const { baseUrl, tokenUrl, clientId, clientSecret, username, password, apiVersion } = sandbox;
			return {
				handle: sandbox,
				credentialData: { baseUrl, tokenUrl, clientId, clientSecret, username, password, apiVersion, applicationName: 'n8n-nodes-eu-finance' },
				// A file stored in Customer Corner, for workflows that validate by file ID.
				placeholders: { STORED_INSTANCE_ID: sandbox.control.storeFile('stored-instance.xbrl', (await import('../test/sandbox/semansys')).SAMPLE_INSTANCE) },
				close: () => sandbox.close(),
			};
		},
	},
];

export interface StartedSandbox {
	vendor: string;
	packageName: string;
	/** What the vendor's start function returned (baseUrl, apiKey, the recorded requests, ...). */
	handle: any;
	credential: CredentialImport;
	placeholders: Record<string, string>;
	close(): Promise<void>;
}

const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Starts every registered sandbox, on its demo port or on a random one (0). */
export async function startSandboxes(ports: 'demo' | 'random'): Promise<StartedSandbox[]> {
	const started: StartedSandbox[] = [];
	try {
		for (const spec of SANDBOXES) {
			const port = ports === 'demo' ? spec.demoPort : 0;
			const { handle, credentialData, placeholders: extra = {}, close } = await spec.start(port).catch((error: NodeJS.ErrnoException) => {
				if (error?.code === 'EADDRINUSE') {
					throw new Error(`Port ${port} for the ${spec.vendor} sandbox is already in use (a demo still running?)`);
				}
				throw error;
			});
			const prefix = upperSnake(spec.vendor);
			const credential: CredentialImport = {
				id: `${spec.vendor}SandboxCred`,
				name: `${spec.vendor} Sandbox`,
				type: spec.credentialType,
				data: credentialData,
			};
			const placeholders: Record<string, string> = {
				[`${prefix}_CREDENTIAL_ID`]: credential.id,
				[`${prefix}_CREDENTIAL_NAME`]: credential.name,
			};
			for (const [field, value] of Object.entries(credentialData)) placeholders[`${prefix}_${upperSnake(field)}`] = value;
			for (const [name, value] of Object.entries(extra)) placeholders[`${prefix}_${name}`] = value;
			started.push({ vendor: spec.vendor, packageName: spec.packageName, handle, credential, placeholders, close });
		}
	} catch (error) {
		await closeSandboxes(started);
		throw error;
	}
	return started;
}

export async function closeSandboxes(sandboxes: StartedSandbox[]): Promise<void> {
	await Promise.all(sandboxes.map((sandbox) => sandbox.close().catch(() => undefined)));
}

export function allPlaceholders(sandboxes: StartedSandbox[]): Record<string, string> {
	return Object.assign({}, ...sandboxes.map((sandbox) => sandbox.placeholders));
}

/** Replaces `{{NAME}}` placeholders in every string of a JSON value; an unknown NAME is an error. */
export function fillPlaceholders<T>(value: T, placeholders: Record<string, string>, source = 'workflow'): T {
	const fill = (node: unknown): unknown => {
		if (typeof node === 'string') {
			return node.replace(/\{\{([A-Z][A-Z0-9_]*)\}\}/g, (_match, name: string) => {
				if (!(name in placeholders)) {
					throw new Error(`${source}: unknown placeholder {{${name}}}; known: ${Object.keys(placeholders).join(', ')}`);
				}
				return placeholders[name];
			});
		}
		if (Array.isArray(node)) return node.map(fill);
		if (node !== null && typeof node === 'object') {
			return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child)]));
		}
		return node;
	};
	return fill(value) as T;
}
