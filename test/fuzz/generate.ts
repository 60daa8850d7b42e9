/**
 * Generates invalid parameters for any operation of a node built from descriptors, from the node's own
 * description: for each parameter the operation shows, values of the wrong type, over-long strings, bad formats,
 * injection strings and huge collections. Deterministic (seeded), so a failure can be replayed.
 */
import type { INodeParameters, INodeProperties, INodeTypeDescription, NodeParameterValueType } from 'n8n-workflow';

export interface OperationUnderFuzz {
	resource: string;
	operation: string;
	/** The parameters the operation shows (without resource / operation / shared options). */
	properties: INodeProperties[];
}

/** Parameters every descriptor node adds; they are the framework's, not the operation's input. */
const SHARED = new Set(['resource', 'operation', 'authentication', 'requestOptions', 'batchItems', 'returnAll', 'limit']);

export function operationsOf(description: INodeTypeDescription): OperationUnderFuzz[] {
	const resources = description.properties.find((p) => p.name === 'resource')?.options as Array<{ value: string }>;
	const result: OperationUnderFuzz[] = [];
	for (const { value: resource } of resources) {
		const operationProperty = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
		for (const { value: operation } of (operationProperty?.options ?? []) as Array<{ value: string }>) {
			const properties = description.properties.filter((p) => {
				const show = p.displayOptions?.show;
				return !SHARED.has(p.name) && show?.resource?.includes(resource) && show?.operation?.includes(operation);
			});
			result.push({ resource, operation, properties });
		}
	}
	return result;
}

const INJECTIONS = ["'; DROP TABLE invoices; --", '<script>alert(1)</script>', '../../../../etc/passwd', '{{ $env.SECRET }}', '\u0000\uFFFF\uD800'];
const HUGE_STRING = 'x'.repeat(100_000);

/** Invalid values for one parameter, by its type. */
export function badValues(property: INodeProperties): Array<{ label: string; value: NodeParameterValueType }> {
	const common = [
		{ label: 'wrong type (object)', value: { nested: { deep: [1, 2, 3] } } as unknown as NodeParameterValueType },
		{ label: 'over-long string', value: HUGE_STRING },
		...INJECTIONS.map((value) => ({ label: `injection ${JSON.stringify(value).slice(0, 20)}`, value })),
	];
	switch (property.type) {
		case 'number':
			return [{ label: 'not a number', value: 'twelve' }, { label: 'negative huge', value: -1e308 }, { label: 'infinite', value: Number.POSITIVE_INFINITY }, ...common];
		case 'boolean':
			return [{ label: 'string for boolean', value: 'yes' }, ...common];
		case 'options':
			return [{ label: 'unknown option', value: 'not-an-option' }, ...common];
		case 'multiOptions':
			return [{ label: 'unknown options, many', value: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, { label: 'string for list', value: 'paid' }, ...common];
		case 'dateTime':
			return [{ label: 'impossible date', value: '2026-02-31T00:00:00' }, { label: 'words for date', value: 'next tuesday' }, ...common];
		case 'resourceLocator':
			return [
				{ label: 'injection in locator', value: { __rl: true, mode: 'id', value: "1 OR 1=1; --" } },
				{ label: 'empty locator', value: { __rl: true, mode: 'id', value: '' } },
				{ label: 'over-long locator', value: { __rl: true, mode: 'id', value: HUGE_STRING } },
				{ label: 'string for locator', value: '../../etc/passwd' },
			];
		case 'collection':
			return [{ label: 'unknown field', value: { notAField: 'x', another: { deep: true } } }, { label: 'string for collection', value: 'not an object' }, { label: 'over-long fields', value: Object.fromEntries(((property.options ?? []) as INodeProperties[]).map((o) => [o.name, HUGE_STRING])) }];
		case 'fixedCollection': {
			const first = (property.options?.[0] as { name?: string } | undefined)?.name ?? 'values';
			return [
				{ label: 'huge collection', value: { [first]: Array.from({ length: 5000 }, () => ({})) } },
				{ label: 'entries of the wrong type', value: { [first]: [{ x: 1 }, 'y', 3] } as unknown as NodeParameterValueType },
				{ label: 'string for collection', value: 'not an object' },
			];
		}
		case 'json':
			return [{ label: 'broken JSON', value: '{"a": [1, 2,' }, { label: 'JSON of the wrong shape', value: '[[[[[]]]]]' }, { label: 'over-long JSON', value: JSON.stringify({ a: HUGE_STRING }) }];
		default:
			return [{ label: 'number for string', value: 12345 }, { label: 'empty (missing)', value: '' }, ...common];
	}
}

/** The seeded generator the sandboxes' fault schedules use: the same seed gives the same cases. */
export { seededRandom as seeded } from '../sandbox/framework/seeded';

export interface FuzzCase {
	label: string;
	parameters: INodeParameters;
}

/**
 * Up to `perOperation` cases for one operation: every parameter gets at least one bad value when there is room,
 * the rest are picked at random. Each case: the operation's defaults with one parameter made bad.
 */
export function casesFor(op: OperationUnderFuzz, perOperation: number, random: () => number): FuzzCase[] {
	const base: INodeParameters = { resource: op.resource, operation: op.operation };
	const all = op.properties.flatMap((property) => badValues(property).map((bad) => ({ property, bad })));
	if (all.length === 0) return [];
	const picked = new Set<number>();
	// One per parameter first (in order), then random ones.
	let offset = 0;
	for (const property of op.properties) {
		const count = badValues(property).length;
		if (picked.size < perOperation && count) picked.add(offset + Math.floor(random() * count));
		offset += count;
	}
	while (picked.size < Math.min(perOperation, all.length)) picked.add(Math.floor(random() * all.length));
	return [...picked].map((index) => {
		const { property, bad } = all[index];
		return { label: `${op.resource}.${op.operation} · ${property.displayName} · ${bad.label}`, parameters: { ...base, [property.name]: bad.value } };
	});
}

/**
 * Valid mode switches: for each options parameter that shows or hides other parameters of the operation (e.g.
 * "Receiver Given As": ID or JSON object), one case per value other than the default. A mode the node offers must
 * run (or be refused with a clear message), never fail inside n8n because a hidden parameter was read.
 */
export function modeCases(op: OperationUnderFuzz): FuzzCase[] {
	const base: INodeParameters = { resource: op.resource, operation: op.operation };
	const switches = op.properties.filter(
		(property) => property.type === 'options' && op.properties.some((other) => other !== property && (other.displayOptions?.show?.[property.name] || other.displayOptions?.hide?.[property.name])),
	);
	return switches.flatMap((property) =>
		((property.options ?? []) as Array<{ value: NodeParameterValueType }>)
			.filter((option) => option.value !== property.default)
			.map((option) => ({ label: `${op.resource}.${op.operation} · ${property.displayName} = ${String(option.value)}`, parameters: { ...base, [property.name]: option.value } })),
	);
}
