/**
 * Helpers for `published` e2e cases (see harness.ts): publish a workflow in a started n8n the way the editor's Publish
 * button does, and talk to an MCP Server Trigger with the official MCP client (@modelcontextprotocol/sdk).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

async function rest(url: string, cookie: string, init: { method?: string; body?: unknown } = {}): Promise<any> {
	const res = await fetch(url, {
		method: init.method ?? 'GET',
		headers: { cookie, 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} -> ${res.status}: ${text.slice(0, 300)}`);
	return (JSON.parse(text) as { data: unknown }).data;
}

/**
 * Publishes (activates) an imported workflow: POST /rest/workflows/:id/activate with its current version. n8n 2.0's
 * import writes no workflow history and publishing takes the version from it ("Version not found"): there the
 * workflow is saved once first, as the editor does (a node moved, so n8n records a version), then published.
 */
export async function publishWorkflow(url: string, cookie: string, workflowId: string): Promise<void> {
	const workflow = await rest(`${url}/rest/workflows/${workflowId}`, cookie);
	const publish = (versionId: string) => rest(`${url}/rest/workflows/${workflowId}/activate`, cookie, { method: 'POST', body: { versionId } });
	try {
		await publish(workflow.versionId);
	} catch (error) {
		if (!/Version not found/.test(String(error))) throw error;
		const nodes = (workflow.nodes as Array<{ position: [number, number] }>).map((node, index) => (index === 0 ? { ...node, position: [node.position[0] + 20, node.position[1]] } : node));
		const saved = await rest(`${url}/rest/workflows/${workflowId}`, cookie, { method: 'PATCH', body: { versionId: workflow.versionId, nodes, connections: workflow.connections } });
		await publish(saved.versionId);
	}
}

/** The production URL of an MCP Server Trigger (node version 2+: `/mcp/<path>`, Streamable HTTP and SSE). */
export const mcpUrl = (n8nUrl: string, path: string) => `${n8nUrl}/mcp/${path}`;

/**
 * Connects an MCP client over Streamable HTTP. n8n registers a published workflow's webhooks right away, but the first
 * request may still race it: the connection is retried for up to `timeoutMs`.
 */
export async function connectMcp(url: string, timeoutMs = 20_000): Promise<Client> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const client = new Client({ name: 'n8n-nodes-eu-finance-e2e', version: '1.0.0' });
		try {
			await client.connect(new StreamableHTTPClientTransport(new URL(url)));
			return client;
		} catch (error) {
			await client.close().catch(() => undefined);
			if (Date.now() > deadline) throw new Error(`MCP client could not connect to ${url}: ${(error as Error).message}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

export interface ToolResult {
	isError: boolean;
	/** The result's text parts joined (our tools answer one text part: the items as JSON, or an error text). */
	text: string;
	/** `text` parsed as JSON, or undefined. n8n answers a list of items; a single item may come as the object itself. */
	json: any;
	/** The first item of `json` (or `json` when it is no list). */
	first: any;
}

/** Calls an MCP tool and reduces its answer to text, JSON and the error flag. */
export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> {
	const result = (await client.callTool({ name, arguments: args })) as { isError?: boolean; content?: Array<{ type: string; text?: string }> };
	const text = (result.content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { isError: result.isError === true, text, json, first: Array.isArray(json) ? json[0] : json };
}
