import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optional } from '../../fields';

export const LEDGER_PATH = '/settings/ledgernumbers';
export const LEDGER_FIELDS = ['name', 'ledgernumber', 'costcenter'] as const;

export const ledgerIdProperty: INodeProperties = {
	displayName: 'Ledger Number Name or ID',
	name: 'ledgerId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLedgerNumbers' },
	default: '',
	required: true,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Human-readable name, e.g. Revenue' };

export const optionalLedgerProperties: INodeProperties[] = [
	{ displayName: 'Cost Center', name: 'costcenter', type: 'string', default: '', placeholder: 'KPL0001', description: 'Cost center code for the bookkeeping software' },
	{ displayName: 'Ledger Number', name: 'ledgernumber', type: 'string', default: '', placeholder: '8000', description: 'Code for the bookkeeping software, e.g. 4000 or 8010' },
];

export const name = z.string().trim().min(1, 'must not be empty');
export const optionalLedgerSchema = { costcenter: optional(z.string().trim()), ledgernumber: optional(z.string().trim()) };
