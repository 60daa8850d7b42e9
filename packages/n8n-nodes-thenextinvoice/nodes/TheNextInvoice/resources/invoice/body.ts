import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { jsonObject } from '@n8n-nodes-eu-finance/shared/validation';
import { compact, isoDate, optional } from '../../fields';

/** Receiver and sender: an id from the account, or a full object as JSON. */
const partyProperties = (party: 'receiver' | 'sender', label: string, searchMethod: string): INodeProperties[] => [
	{
		displayName: `${label} Given As`,
		name: `${party}Mode`,
		type: 'options',
		options: [
			{ name: 'ID', value: 'id' },
			{ name: 'Full Object (JSON)', value: 'object' },
		],
		default: 'id',
	},
	{
		displayName: label,
		name: party,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		displayOptions: { show: { [`${party}Mode`]: ['id'] } },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: searchMethod, searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '123' },
		],
	},
	{
		displayName: `${label} Object`,
		name: `${party}Object`,
		type: 'json',
		default: '{}',
		displayOptions: { show: { [`${party}Mode`]: ['object'] } },
		description: `The full ${party} object as documented by TheNextInvoice`,
	},
];

export const invoiceBodyProperties: INodeProperties[] = [
	...partyProperties('receiver', 'Receiver (Customer)', 'searchCustomers'),
	...partyProperties('sender', 'Sender (Invoice Profile)', 'searchProfiles'),
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add line',
		default: {},
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '' },
					{ displayName: 'Description Only', name: 'descriptionOnly', type: 'boolean', default: false, description: 'Whether the line is text only (no quantity, price, VAT or ledger)' },
					{
						displayName: 'Ledger Name or ID',
						name: 'ledger',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getLedgerNumbers' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { numberPrecision: 4 }, default: 1 },
					{
						displayName: 'VAT Code Name or ID',
						name: 'vat',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getVatCodes' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
				],
			},
		],
	},
	{
		displayName: 'Meta',
		name: 'meta',
		type: 'collection',
		placeholder: 'Add meta field',
		default: {},
		options: [
			{ displayName: 'Currency', name: 'currency', type: 'string', default: 'EUR' },
			{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
			{ displayName: 'Language', name: 'language', type: 'options', options: [{ name: 'Dutch', value: 'nl' }, { name: 'English', value: 'en' }, { name: 'German', value: 'de' }, { name: 'French', value: 'fr' }], default: 'nl' },
			{ displayName: 'Send Date', name: 'sendDate', type: 'dateTime', default: '' },
		],
	},
	{
		displayName: 'Texts',
		name: 'text',
		type: 'collection',
		placeholder: 'Add text',
		default: {},
		options: [
			{ displayName: 'Bottom', name: 'bottom', type: 'string', typeOptions: { rows: 2 }, default: '' },
			{ displayName: 'Footer', name: 'footer', type: 'string', typeOptions: { rows: 2 }, default: '' },
			{ displayName: 'Top', name: 'top', type: 'string', typeOptions: { rows: 2 }, default: '' },
		],
	},
	{
		displayName: 'Options',
		name: 'invoiceOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{ displayName: 'Discount (%)', name: 'discount', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 0 },
			{ displayName: 'Finalize', name: 'finalize', type: 'boolean', default: false, description: 'Whether to create a finalized invoice instead of a draft' },
			{ displayName: 'Prices Include VAT', name: 'includesVat', type: 'boolean', default: false, description: 'Whether the prices include VAT' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Regular', value: '' },
					{ name: 'Credit', value: 'C' },
					{ name: 'Automatic Collection', value: 'I' },
				],
				default: '',
			},
		],
	},
];

const idValue = z.coerce.string().trim().regex(/^[1-9]\d*$/, 'must be a positive whole number').transform(Number);
const partyObject = jsonObject.refine((o) => Object.keys(o).length > 0, 'must not be empty');
const lineSchema = z
	.object({
		description: z.string().trim().min(1, 'must not be empty'),
		descriptionOnly: z.boolean().default(false),
		quantity: z.number().optional(),
		price: z.number().optional(),
		vat: z.union([z.string(), z.number()]).optional(),
		ledger: z.union([z.string(), z.number()]).optional(),
	})
	.superRefine((line, issue) => {
		if (line.descriptionOnly) return;
		if (line.vat === undefined || line.vat === '') issue.addIssue({ code: 'custom', path: ['vat'], message: 'choose a VAT code (or mark the line Description Only)' });
		if (line.ledger === undefined || line.ledger === '') issue.addIssue({ code: 'custom', path: ['ledger'], message: 'choose a ledger (or mark the line Description Only)' });
	})
	.transform((line) =>
		line.descriptionOnly
			? { description: line.description, quantity: null, price: null, vat: null, ledger: null }
			: { description: line.description, quantity: line.quantity ?? 1, price: line.price ?? 0, vat: Number(line.vat), ledger: Number(line.ledger) },
	);

export const invoiceBodySchema = {
	receiverMode: z.enum(['id', 'object']),
	receiver: z.unknown(),
	receiverObject: z.unknown(),
	senderMode: z.enum(['id', 'object']),
	sender: z.unknown(),
	senderObject: z.unknown(),
	lines: z.object({ line: z.array(lineSchema).min(1, 'add at least one line') }).default({ line: [] }),
	meta: z
		.object({ currency: optional(z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code')), dueDate: optional(isoDate), language: optional(z.string()), sendDate: optional(isoDate) })
		.default({}),
	text: z.object({ bottom: optional(z.string()), footer: optional(z.string()), top: optional(z.string()) }).default({}),
	invoiceOptions: z
		.object({ discount: z.number().min(0).max(100).default(0), finalize: z.boolean().default(false), includesVat: z.boolean().default(false), type: z.enum(['', 'C', 'I']).default('') })
		.default({}),
};

type BodyInput = { [K in keyof typeof invoiceBodySchema]: z.infer<(typeof invoiceBodySchema)[K]> };

/** Checks the receiver/sender (id or object) and builds the documented invoice object. */
export const invoiceBody = z.object(invoiceBodySchema).transform((input, issue) => {
	const party = (mode: 'id' | 'object', id: unknown, object: unknown, field: string) => {
		const parsed = mode === 'id' ? idValue.safeParse(id) : partyObject.safeParse(object);
		if (!parsed.success) {
			issue.addIssue({ code: 'custom', path: [mode === 'id' ? field : `${field}Object`], message: parsed.error.issues[0]?.message ?? 'invalid' });
			return z.NEVER;
		}
		return parsed.data;
	};
	const { invoiceOptions, meta, text, lines } = input as BodyInput;
	return {
		discount: invoiceOptions.discount,
		includesVat: invoiceOptions.includesVat,
		lines: lines.line,
		meta: compact(meta),
		receiver: party(input.receiverMode, input.receiver, input.receiverObject, 'receiver'),
		sender: party(input.senderMode, input.sender, input.senderObject, 'sender'),
		status: invoiceOptions.finalize ? 1 : 0,
		text: compact(text),
		type: invoiceOptions.type,
	};
});
