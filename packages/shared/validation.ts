import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/**
 * A JSON parameter: an object typed in the editor (as text) or handed over by an expression. Empty text is an empty
 * object; text that is not JSON says so, and JSON that is not an object (an array, a number) says that.
 */
export const jsonObject = z.preprocess((value, ctx) => {
	if (value === undefined || value === null) return {};
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return {};
	try {
		return JSON.parse(value) as unknown;
	} catch {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be valid JSON' });
		return z.NEVER;
	}
}, z.record(z.unknown(), { invalid_type_error: 'must be a JSON object' }));

/** zod repeats the received value in its messages; a 100 KB string or 5,000 entries must not end up in the error. */
const MAX_MESSAGE = 200;
const MAX_PROBLEMS = 10;
const shorten = (message: string) => (message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message);

/** Validates one item's parameters; a bad input names the field and the item and sends nothing. */
export function validateInput<T>(
	node: INode,
	schema: z.ZodType<T, z.ZodTypeDef, unknown>,
	raw: unknown,
	itemIndex: number,
	properties: readonly INodeProperties[],
): T {
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => `${fieldLabel(issue.path, properties)}: ${shorten(issue.message)}`);
	if (parsed.error.issues.length > MAX_PROBLEMS) problems.push(`... and ${parsed.error.issues.length - MAX_PROBLEMS} more problems`);
	const first = problems[0] ?? 'invalid input';
	return raiseInputError(node, itemIndex, first, problems);
}

function raiseInputError(node: INode, itemIndex: number, first: string, problems: string[]): never {
	const error = new NodeOperationError(node, `Invalid input in item ${itemIndex}: ${first}`, {
		itemIndex,
		description: problems.length > 1 ? problems.join('\n') : 'Nothing was sent. Correct the field and run again.',
	});
	// Nothing was sent, so nothing was applied (the same field the transport sets on failed writes).
	error.context.outcome = 'notApplied';
	throw error;
}

/** "Metadata › entry 3 › Key" rather than "metadata.entries.2.key". */
function fieldLabel(path: ReadonlyArray<string | number>, properties: readonly INodeProperties[]): string {
	if (path.length === 0) return 'Input';
	const [head, ...rest] = path;
	const property = properties.find((p) => p.name === head);
	let label = `"${property?.displayName ?? String(head)}"`;
	let options = property?.options as INodeProperties[] | undefined;
	for (const part of rest) {
		if (typeof part === 'number') {
			label += ` › entry ${part + 1}`;
			continue;
		}
		const child = options?.find((o) => o.name === part) as (INodeProperties & { values?: INodeProperties[] }) | undefined;
		if (child && 'values' in child && Array.isArray(child.values)) {
			options = child.values;
			continue; // a fixed-collection group adds nothing the user would recognise
		}
		label += ` › ${child?.displayName ?? part}`;
		options = child?.options as INodeProperties[] | undefined;
	}
	return label;
}

/**
 * A value that goes into a URL path (ids the vendor does not define a format for): visible text, at most `max`
 * characters. Control and invalid (lone surrogate) characters cannot be put into a URL at all.
 */
export const pathSegment = (max = 100) =>
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required')
		.max(max, `must be at most ${max} characters`)
		.regex(/^[^\p{C}]+$/u, 'must not contain control or invalid characters');
