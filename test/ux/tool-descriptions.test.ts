/**
 * Every action node is `usableAsTool`, so each of its operations can become an AI agent's or an MCP client's tool. The
 * operation's description is the text a model gets to decide whether and how to call it (the examples and the e2e
 * cases use it as the Tool Description; n8n's automatic one is only "<action> in <node>"). So each description must
 * say what the operation does and what it returns, in more words than the action: at least 40 characters, a
 * "Returns ..." clause, and not only the action again. Parameters must be fillable by a model with plain values: every
 * record picker offers a By ID (or URL) mode, which takes a plain ID from $fromAI().
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { FiskalyManagement } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagement.node';
import { FiskalyManagementTrigger } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagementTrigger.node';
import { InvoicingApi } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApi.node';
import { InvoicingApiTrigger } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApiTrigger.node';
import { Semansys } from '../../packages/n8n-nodes-semansys/nodes/Semansys/Semansys.node';
import { TheNextInvoice } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoice.node';
import { TheNextInvoiceTrigger } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoiceTrigger.node';

const MIN_LENGTH = 40;
const RETURNS = /\breturns?\b/i;

const actionNodes: INodeType[] = [new FiskalyManagement(), new TheNextInvoice(), new InvoicingApi(), new Semansys()];
const triggers: INodeType[] = [new FiskalyManagementTrigger(), new TheNextInvoiceTrigger(), new InvoicingApiTrigger()];

interface Operation {
	key: string;
	action: string;
	description: string;
}

function operationsOf(node: INodeType): Operation[] {
	return node.description.properties
		.filter((p: INodeProperties) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as INodePropertyOptions[]).map((o) => ({
				key: `${String(p.displayOptions?.show?.resource)}.${String(o.value)}`,
				action: String(o.action ?? ''),
				description: String(o.description ?? ''),
			})),
		);
}

/** What keeps a description from telling a model enough, or nothing. */
export function descriptionProblems({ action, description }: Pick<Operation, 'action' | 'description'>): string[] {
	const problems: string[] = [];
	const text = description.trim();
	if (text.length < MIN_LENGTH) problems.push(`is shorter than ${MIN_LENGTH} characters`);
	if (!RETURNS.test(text)) problems.push('does not say what it returns ("Returns ...")');
	const bare = (s: string) => s.toLowerCase().replace(/\s*\(inferred\)$/, '').replace(/[^a-z0-9]+/g, ' ').trim();
	if (bare(text) === bare(action)) problems.push('only repeats the action');
	return problems;
}

describe.each(actionNodes.map((node) => [node.description.displayName, node] as const))('%s as an AI tool', (_name, node) => {
	const operations = operationsOf(node);

	it('is usable as a tool and has operations', () => {
		expect(node.description.usableAsTool).toBeTruthy();
		expect(operations.length).toBeGreaterThan(0);
	});

	it(`describes every operation for a model: ${MIN_LENGTH}+ characters, what it returns, more than the action`, () => {
		const wrong = operations.flatMap((op) => descriptionProblems(op).map((problem) => `${op.key}: "${op.description}" ${problem}`));
		expect(wrong).toEqual([]);
	});

	it('lets a model give every value as plain text (each picker has a By ID, By URL or By Name mode)', () => {
		const pickers: Array<{ name: string; modes: string[] }> = [];
		const visit = (properties: Array<INodeProperties | { values?: INodeProperties[] }>) => {
			for (const property of properties) {
				if ('type' in property && property.type === 'resourceLocator') pickers.push({ name: property.name, modes: (property.modes ?? []).map((m) => m.name) });
				if ('options' in property && Array.isArray(property.options)) visit(property.options as Array<INodeProperties | { values?: INodeProperties[] }>);
				if ('values' in property && Array.isArray(property.values)) visit(property.values);
			}
		};
		visit(node.description.properties);
		const withoutId = pickers.filter((p) => !p.modes.some((m) => m === 'id' || m === 'url' || m === 'name')).map((p) => p.name);
		expect(withoutId).toEqual([]);
	});
});

describe('triggers', () => {
	it.each(triggers.map((node) => [node.description.displayName, node] as const))('%s is not offered as a tool', (_name, node) => {
		expect(node.description.usableAsTool).toBeFalsy();
	});
});

describe('the checks themselves', () => {
	it('accepts a description that says what the operation does and returns', () => {
		expect(descriptionProblems({ action: 'Get an invoice', description: 'Read one invoice by its ID. Returns the invoice with its lines, totals and status.' })).toEqual([]);
	});

	it('refuses short ones, ones without what they return, and the action again', () => {
		expect(descriptionProblems({ action: 'Get an invoice', description: 'Retrieve one invoice' })).toEqual([
			`is shorter than ${MIN_LENGTH} characters`,
			'does not say what it returns ("Returns ...")',
		]);
		expect(descriptionProblems({ action: 'Get the balance sheet of an instance (inferred)', description: 'Get the balance sheet of an instance' })).toContain('only repeats the action');
		expect(descriptionProblems({ action: 'Get an invoice', description: 'Reads one invoice from TheNextInvoice by its numeric ID' })).toEqual(['does not say what it returns ("Returns ...")']);
	});
});
