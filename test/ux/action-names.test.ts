/**
 * n8n's nodes panel lists every operation by its `action`. Like n8n's own nodes, each action reads as a verb and its
 * object in sentence case ("Create an invoice", "Get the balance sheet of an instance (inferred)"), never as the bare
 * operation name or "Resource: Operation". Also: the order Semansys offers its resources in.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { FiskalyManagement } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagement.node';
import { InvoicingApi } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApi.node';
import type { SemansysDescriptor } from '../../packages/n8n-nodes-semansys/nodes/Semansys/operation';
import { resources as semansysResources } from '../../packages/n8n-nodes-semansys/nodes/Semansys/resources';
import { Semansys } from '../../packages/n8n-nodes-semansys/nodes/Semansys/Semansys.node';
import { TheNextInvoice } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoice.node';

/** The verbs an action may start with (imperative, as n8n's own nodes write them). */
const VERBS = new Set([
	'Accept', 'Add', 'Approve', 'Archive', 'Ask', 'Begin', 'Book', 'Build', 'Call', 'Check', 'Clear', 'Compare', 'Complete',
	'Confirm', 'Connect', 'Convert', 'Create', 'Credit', 'Delete', 'Deliver', 'Disable', 'Disconnect', 'Dismiss', 'Download',
	'Embed', 'Enable', 'Export', 'Finalize', 'Find', 'Finish', 'Generate', 'Get', 'Import', 'Initiate', 'Invite', 'List',
	'Look', 'Make', 'Merge', 'Pivot', 'Queue', 'Read', 'Register', 'Release', 'Remind', 'Remove', 'Rename', 'Render',
	'Resend', 'Retrieve', 'Save', 'Search', 'Send', 'Set', 'Start', 'Switch', 'Sync', 'Test', 'Update', 'Upload', 'Validate',
	'Verify',
]);

/**
 * Sentence case: after the verb, a capitalised word must be an acronym or code (two capitals or a digit: PDF, CT600,
 * IRmark, OAuth), one of these names or a word of the node's own name ("Call any Invoicing API endpoint").
 */
const PROPER_NOUNS = new Set(['Chamber', 'Commerce', 'Digipoort', 'Excel', 'Nexus', 'Peppol', 'Semansys']);

const INFERRED = ' (inferred)';

const nodes: INodeType[] = [new FiskalyManagement(), new TheNextInvoice(), new InvoicingApi(), new Semansys()];

interface Action {
	resource: string;
	value: string;
	name: string;
	action: string | undefined;
}

function actionsOf(node: INodeType): Action[] {
	return node.description.properties
		.filter((p: INodeProperties) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as INodePropertyOptions[]).map((o) => ({ resource: String(p.displayOptions?.show?.resource), value: String(o.value), name: o.name, action: o.action })),
		);
}

/** What is wrong with one action, or nothing. */
function problemsOf({ name, action }: Action, nodeName = ''): string[] {
	const names = new Set([...PROPER_NOUNS, ...nodeName.split(' ')]);
	if (!action) return ['has no action'];
	const problems: string[] = [];
	const text = action.endsWith(INFERRED) ? action.slice(0, -INFERRED.length) : action;
	const words = text.split(' ');
	if (!VERBS.has(words[0])) problems.push(`does not start with a verb of the list ("${words[0]}")`);
	if (words.length < 2) problems.push('has no object after the verb');
	if (text.toLowerCase() === name.toLowerCase()) problems.push('only repeats the operation name');
	if (text.includes(':')) problems.push('reads "Resource: Operation"');
	if (text !== text.trim() || text.includes('  ')) problems.push('has stray spaces');
	for (const word of words.slice(1)) {
		const bare = word.replace(/^[("']+|[)"',.]+$/g, '');
		const capitalised = /^[A-Z]/.test(bare);
		const acronymOrCode = /[A-Z].*[A-Z]|\d/.test(bare);
		if (capitalised && !acronymOrCode && !names.has(bare)) problems.push(`is not in sentence case ("${bare}")`);
	}
	return problems;
}

describe.each(nodes.map((node) => [node.description.displayName, node] as const))('%s: action texts', (_displayName, node) => {
	const actions = actionsOf(node);

	it('has operations to check', () => {
		expect(actions.length).toBeGreaterThan(0);
	});

	it('every action reads as a verb and its object in sentence case', () => {
		const wrong = actions.flatMap((a) => problemsOf(a, node.description.displayName).map((problem) => `${a.resource}.${a.value} "${a.action}" ${problem}`));
		expect(wrong).toEqual([]);
	});

	it('every action is unique within the node', () => {
		const seen = new Map<string, string>();
		const duplicates: string[] = [];
		for (const a of actions) {
			const key = (a.action ?? '').toLowerCase();
			if (seen.has(key)) duplicates.push(`"${a.action}": ${seen.get(key)} and ${a.resource}.${a.value}`);
			seen.set(key, `${a.resource}.${a.value}`);
		}
		expect(duplicates).toEqual([]);
	});
});

describe('the checks themselves', () => {
	const check = (action: string, name = 'Create') => problemsOf({ resource: 'r', value: 'v', name, action });

	it('accepts verb + object in sentence case, with acronyms, names and the inferred marker', () => {
		expect(check('Create a report package (inferred)')).toEqual([]);
		expect(check('Send an invoice over Peppol', 'Send over Peppol')).toEqual([]);
		expect(check('Deliver a CT600 to HMRC (inferred)')).toEqual([]);
	});

	it('refuses bare names, "Resource: Operation", nouns first and title case', () => {
		expect(check('Create (inferred)')).toEqual(expect.arrayContaining(['has no object after the verb', 'only repeats the operation name']));
		expect(check('Balance Sheet (inferred)', 'Balance Sheet')).toEqual(expect.arrayContaining(['does not start with a verb of the list ("Balance")', 'only repeats the operation name']));
		expect(check('Report Package: Create (inferred)')).toEqual(expect.arrayContaining(['reads "Resource: Operation"']));
		expect(check('Download Packing Slip of an invoice')).toEqual(['is not in sentence case ("Packing")', 'is not in sentence case ("Slip")']);
		expect(check('')).toEqual(['has no action']);
	});
});

describe('Semansys: the order of its resources', () => {
	const values = semansysResources.map((r) => r.value);
	const isGuess = (r: (typeof semansysResources)[number]) => (r.operations as SemansysDescriptor[]).every((op) => op.endpoint && !op.endpoint.confirmed);
	const resourceProperty = new Semansys().description.properties.find((p) => p.name === 'resource')!;

	it('offers validation, rendering, delivery and status first, the guesses (all operations inferred) after the confirmed ones, Custom API Call last', () => {
		expect(values.slice(0, 4)).toEqual(['validation', 'rendering', 'delivery', 'status']);
		expect(values[values.length - 1]).toBe('customApiCall');
		const rest = semansysResources.slice(0, -1);
		const firstGuess = rest.findIndex(isGuess);
		expect(firstGuess).toBeGreaterThan(3);
		expect(rest.slice(firstGuess).every(isGuess)).toBe(true);
		expect(rest.slice(firstGuess).map((r) => r.value)).toEqual(expect.arrayContaining(['reportPackage', 'reportChat']));
	});

	it('lists the resources in that order and defaults to Validation, the first one', () => {
		expect((resourceProperty.options as INodePropertyOptions[]).map((o) => o.value)).toEqual(values);
		expect(resourceProperty.default).toBe('validation');
	});
});
