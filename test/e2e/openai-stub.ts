/**
 * A local OpenAI-compatible chat model for the AI e2e cases: n8n's OpenAI Chat Model node (its credential's Base URL
 * pointed here) talks to it as to api.openai.com. It answers `POST /v1/chat/completions` (plain JSON or SSE when
 * `stream` is set) with scripted replies, and `GET /v1/models` with one model.
 *
 * Scripts are scenarios: a scenario matches a conversation by a text its first user message contains, and gives one
 * reply per model call of that conversation. The n-th call (n = assistant messages already in the request) gets
 * `turns[n]`: tool calls (the agent runs them and calls the model again with their results) or a final answer.
 * A turn may be a function of the conversation so far, e.g. to reuse an ID a tool returned.
 * Every request is recorded, so a case can check what reached the model (tool definitions, tool results).
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolCall {
	/** The tool's name as n8n offers it (the node name with non-alphanumerics as `_`, e.g. `Get_many_invoices`). */
	name: string;
	arguments: Record<string, unknown>;
}

export type ModelTurn = { toolCalls: ToolCall[] } | { content: string };

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface OfferedTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: { properties?: Record<string, { type?: string; description?: string }>; required?: string[] } };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: OfferedTool[];
	stream?: boolean;
	[key: string]: unknown;
}

export interface Conversation {
	request: ChatRequest;
	/** The tool results the request carries, in order: the `tool` messages, their JSON parsed when it is JSON. */
	toolResults: Array<{ toolCallId: string; name: string; content: string; json: any }>;
	/** Values given with the scenario (the e2e runner gives the `{{NAME}}` placeholder values). */
	vars: Record<string, string>;
}

export interface ModelScenario {
	/** Text the conversation's first user message contains (make it unique across the cases). */
	match: string;
	turns: Array<ModelTurn | ((conversation: Conversation) => ModelTurn)>;
}

export interface RecordedChat {
	scenario: string | undefined;
	turn: number;
	request: ChatRequest;
	/** What the stub answered: the turn, or an error text (then the HTTP status was 400). */
	reply: ModelTurn | { error: string };
	headers: http.IncomingHttpHeaders;
}

export interface OpenAiStub {
	/** `http://127.0.0.1:<port>/v1`, the value for the OpenAI credential's Base URL. */
	baseUrl: string;
	/** The API key the stub expects as `Authorization: Bearer <key>` (a fake, but treated as a secret). */
	apiKey: string;
	model: string;
	/** Every chat completion request, in arrival order. */
	chats: RecordedChat[];
	/** Other requests (e.g. GET /v1/models), method and path. */
	otherRequests: Array<{ method: string; path: string; status: number }>;
	addScenario(scenario: ModelScenario, vars?: Record<string, string>): void;
	/** The recorded chats of one scenario. */
	chatsOf(match: string): RecordedChat[];
	close(): Promise<void>;
}

const textOf = (content: ChatMessage['content']): string =>
	typeof content === 'string' ? content : Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : '';

/**
 * How many replies of the model the conversation already holds. An agent may split one reply with several tool calls
 * into one assistant message per call, so replies are counted by the stub's tool call ids (`call_<reply>_<index>`);
 * an assistant message without tool calls is one reply.
 */
function turnOf(messages: ChatMessage[]): number {
	const replies = new Set<string>();
	messages.forEach((message, index) => {
		if (message.role !== 'assistant') return;
		const calls = message.tool_calls ?? [];
		if (calls.length === 0) replies.add(`message-${index}`);
		for (const call of calls) replies.add(/^call_(\d+)_/.exec(call.id)?.[1] ?? call.id);
	});
	return replies.size;
}

function conversationOf(request: ChatRequest, vars: Record<string, string>): Conversation {
	const names = new Map<string, string>();
	for (const message of request.messages) for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
	const toolResults = request.messages
		.filter((m) => m.role === 'tool')
		.map((m) => {
			const content = textOf(m.content);
			let json: unknown;
			try {
				json = JSON.parse(content);
			} catch {
				json = undefined;
			}
			return { toolCallId: m.tool_call_id ?? '', name: names.get(m.tool_call_id ?? '') ?? '', content, json };
		});
	return { request, toolResults, vars };
}

export async function startOpenAiStub(options: { model?: string } = {}): Promise<OpenAiStub> {
	const model = options.model ?? 'gpt-4o-mini';
	const apiKey = `sk-stub-${randomBytes(12).toString('hex')}`;
	const scenarios: Array<ModelScenario & { vars: Record<string, string> }> = [];
	const chats: RecordedChat[] = [];
	const otherRequests: OpenAiStub['otherRequests'] = [];
	let callCounter = 0;

	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const send = (status: number, body: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			const path = (req.url ?? '').split('?')[0];
			if (req.headers.authorization !== `Bearer ${apiKey}`) {
				otherRequests.push({ method: req.method ?? '', path, status: 401 });
				return send(401, { error: { message: 'stub: wrong or missing API key', type: 'invalid_request_error' } });
			}
			if (req.method === 'GET' && path === '/v1/models') {
				otherRequests.push({ method: 'GET', path, status: 200 });
				return send(200, { object: 'list', data: [{ id: model, object: 'model', created: 1700000000, owned_by: 'stub' }] });
			}
			if (req.method !== 'POST' || path !== '/v1/chat/completions') {
				otherRequests.push({ method: req.method ?? '', path, status: 404 });
				return send(404, { error: { message: `stub: no route ${req.method} ${path}` } });
			}
			let request: ChatRequest;
			try {
				request = JSON.parse(raw) as ChatRequest;
			} catch {
				return send(400, { error: { message: 'stub: the body is not JSON' } });
			}
			const firstUser = textOf(request.messages?.find((m) => m.role === 'user')?.content);
			const scenario = scenarios.find((s) => firstUser.includes(s.match));
			const turn = turnOf(request.messages ?? []);
			const fail = (error: string) => {
				chats.push({ scenario: scenario?.match, turn, request, reply: { error }, headers: req.headers });
				send(400, { error: { message: `stub: ${error}`, type: 'invalid_request_error' } });
			};
			if (!scenario) return fail(`no scenario matches the first user message ${JSON.stringify(firstUser.slice(0, 200))}`);
			const step = scenario.turns[turn];
			if (!step) return fail(`scenario "${scenario.match}" has no turn ${turn}`);
			let reply: ModelTurn;
			try {
				reply = typeof step === 'function' ? step(conversationOf(request, scenario.vars)) : step;
			} catch (error) {
				return fail(`turn ${turn} of "${scenario.match}" failed: ${(error as Error).message}`);
			}
			if ('toolCalls' in reply) {
				const offered = new Set((request.tools ?? []).map((t) => t.function.name));
				const missing = reply.toolCalls.filter((c) => !offered.has(c.name)).map((c) => c.name);
				if (missing.length) return fail(`tool(s) ${missing.join(', ')} not offered; offered: ${[...offered].join(', ')}`);
			}
			chats.push({ scenario: scenario.match, turn, request, reply, headers: req.headers });
			const id = `chatcmpl-stub-${++callCounter}`;
			const toolCalls =
				'toolCalls' in reply
					? reply.toolCalls.map((call, index) => ({
							index,
							id: `call_${callCounter}_${index}`,
							type: 'function' as const,
							function: { name: call.name, arguments: JSON.stringify(call.arguments) },
						}))
					: undefined;
			const message = toolCalls ? { role: 'assistant', content: null, tool_calls: toolCalls.map(({ index: _i, ...c }) => c) } : { role: 'assistant', content: (reply as { content: string }).content };
			const finish = toolCalls ? 'tool_calls' : 'stop';
			const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
			const created = Math.floor(Date.now() / 1000);
			if (!request.stream) {
				return send(200, { id, object: 'chat.completion', created, model, choices: [{ index: 0, message, logprobs: null, finish_reason: finish }], usage });
			}
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			const chunk = (delta: unknown, finishReason: string | null, extra: Record<string, unknown> = {}) =>
				res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...extra })}\n\n`);
			chunk(toolCalls ? { role: 'assistant', content: null, tool_calls: toolCalls } : { role: 'assistant', content: message.content }, null);
			chunk({}, finish);
			if ((request.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
				res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
			}
			res.end('data: [DONE]\n\n');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		apiKey,
		model,
		chats,
		otherRequests,
		addScenario(scenario, vars = {}) {
			if (scenarios.some((s) => s.match === scenario.match)) throw new Error(`two model scenarios match "${scenario.match}"`);
			scenarios.push({ ...scenario, vars });
		},
		chatsOf: (match) => chats.filter((chat) => chat.scenario === match),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
