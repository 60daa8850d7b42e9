import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { recordLocator } from '../../fields';

export const productIdProperty = recordLocator('Product', 'productId', 'searchProducts');

export const descriptionProperty: INodeProperties = { displayName: 'Description', name: 'description', type: 'string', default: '', required: true, description: 'Product description (the name on invoice lines)' };
export const priceProperty: INodeProperties = { displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, required: true, description: 'Price of the product' };

/** VAT code and ledger: pick from the account's lists, or give an ID. */
export const productReferenceProperties: INodeProperties[] = [
	{
		displayName: 'Ledger Number Name or ID',
		name: 'ledgernumber_id',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLedgerNumbers' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'VAT Code Name or ID',
		name: 'vat_id',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVatCodes' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

export const description = z.string().trim().min(1, 'must not be empty');
export const price = z.number({ invalid_type_error: 'must be a number' }).finite();
/** An id from a list or an expression; empty means "none". */
export const referenceId = z.preprocess(
	(v) => (v === '' || v === null || v === undefined ? undefined : v),
	z.coerce.string().trim().regex(/^[1-9]\d*$/, 'must be a positive whole number').transform(Number).optional(),
);
