import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optional } from '../../fields';

export const VAT_PATH = '/settings/vatcodes';
export const VAT_FIELDS = ['name', 'code', 'factor', 'type'] as const;

/** The documented table of VAT code types. */
export const VAT_TYPES = [
	{ name: 'Exempt', value: 'exempt' },
	{ name: 'Export Outside EU', value: 'EBU' },
	{ name: 'High', value: 'high' },
	{ name: 'Intra-Community Goods', value: 'ICPG' },
	{ name: 'Intra-Community Services', value: 'ICPS' },
	{ name: 'Low', value: 'low' },
	{ name: 'No VAT', value: 'none' },
];
const TYPE_VALUES = ['high', 'low', 'exempt', 'none', 'ICPS', 'ICPG', 'EBU'] as const;

export const vatIdProperty: INodeProperties = {
	displayName: 'VAT Code Name or ID',
	name: 'vatCodeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getVatCodes' },
	default: '',
	required: true,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Human-readable name, e.g. 21% BTW' };
export const factorProperty: INodeProperties = {
	displayName: 'Factor',
	name: 'factor',
	type: 'number',
	typeOptions: { numberPrecision: 4, minValue: 1, maxValue: 2 },
	default: 1.21,
	required: true,
	description: 'Multiplier for the VAT: 1.21 means 21% VAT, 1 means no VAT',
};
export const typeProperty: INodeProperties = { displayName: 'Type', name: 'type', type: 'options', options: VAT_TYPES, default: 'high', required: true, description: 'Kind of VAT code' };
export const codeProperty: INodeProperties = { displayName: 'Code', name: 'code', type: 'string', default: '', placeholder: 'VH', description: 'Code for the bookkeeping software, e.g. VL or VH' };

export const name = z.string().trim().min(1, 'must not be empty');
export const factor = z
	.number({ invalid_type_error: 'must be a number' })
	.min(1, 'must be a multiplier of at least 1 (1.21 means 21% VAT)')
	.max(2, 'must be a multiplier such as 1.21 for 21% VAT, not a percentage');
export const vatType = z.enum(TYPE_VALUES, { errorMap: () => ({ message: `must be one of ${TYPE_VALUES.join(', ')}` }) });
export const code = optional(z.string().trim());
