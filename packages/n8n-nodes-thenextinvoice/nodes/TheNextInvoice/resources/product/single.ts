import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, recordId } from '../../fields';
import { send } from '../customer/common';
import { description, descriptionProperty, price, priceProperty, productIdProperty, productReferenceProperties, referenceId } from './fields';

const byId = z.object({ productId: recordId });

export const getProduct = defineOperation<{ productId: string }>({
	value: 'get',
	name: 'Get',
	action: 'Get a product',
	description: 'Read one product by its ID. Returns the product with its name, price, VAT code and ledger.',
	properties: [productIdProperty],
	schema: byId,
	request: ({ productId }) => ({ method: 'GET', path: `/product/${productId}` }),
});

export const deleteProduct = defineOperation<{ productId: string }>({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a product',
	description: 'Delete one product by its ID. Returns productId and deleted: true.',
	properties: [productIdProperty],
	schema: byId,
	request: ({ productId }) => ({ method: 'DELETE', path: `/product/${productId}` }),
	output: (_body, { productId }) => ({ productId: Number(productId), deleted: true }),
});

export const createProduct = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a product',
	description: 'Create a product with name, price (in EUR, excluding VAT), VAT code and ledger. Returns the fields sent with created: true and the message of the API (it does not tell the new ID).',
	properties: [
		descriptionProperty,
		priceProperty,
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, options: productReferenceProperties },
	],
	schema: z
		.object({ description, price, additionalFields: z.object({ vat_id: referenceId, ledgernumber_id: referenceId }).default({}) })
		.transform(({ additionalFields, ...fields }) => ({ ...fields, vat_id: additionalFields.vat_id ?? null, ledgernumber_id: additionalFields.ledgernumber_id ?? null })),
	// No idempotency key for products: a create whose outcome is unknown is reported, not repeated.
	request: (body) => ({ method: 'POST', path: '/product', body }),
	output: (answer, body) => ({ ...body, created: true, ...(typeof answer === 'string' ? { message: answer } : (answer as IDataObject)) }),
});

const updateFieldOptions = [
	{ ...descriptionProperty, required: false },
	...productReferenceProperties,
	{ ...priceProperty, required: false },
].sort((a, b) => a.displayName.localeCompare(b.displayName));

/**
 * PUT /product/{id} takes the whole product (description and price required; VAT code and ledger go
 * back to none when left out), so the node reads the product and sends it back with the changes.
 */
export const updateProduct = defineOperation<{ productId: string; updateFields: IDataObject }>({
	value: 'update',
	name: 'Update',
	action: 'Update a product',
	description: 'Change the given fields of a product; the others keep their values (the node reads the product, then sends it back whole). Returns the product after the change.',
	properties: [productIdProperty, { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add field', default: {}, options: updateFieldOptions }],
	schema: z.object({
		productId: recordId,
		updateFields: z
			.object({
				description: z.preprocess((v) => (v === '' ? undefined : v), description.optional()),
				price: price.optional(),
				vat_id: referenceId,
				ledgernumber_id: referenceId,
			})
			.default({})
			.transform((fields) => compact(fields as IDataObject))
			.refine((fields) => Object.keys(fields).length > 0, 'add at least one field to change'),
	}),
	run: async (run) => {
		const { productId, updateFields } = run.input;
		const current = ((await send(run, { method: 'GET', path: `/product/${productId}` })) ?? {}) as IDataObject;
		const body: IDataObject = {
			description: current.description,
			price: current.price === undefined || current.price === null ? current.price : Number(current.price),
			vat_id: current.vat_id ?? null,
			ledgernumber_id: current.ledgernumber_id ?? null,
			...updateFields,
		};
		const answer = await send(run, { method: 'PUT', path: `/product/${productId}`, body });
		return answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as IDataObject) : { id: Number(productId), ...body };
	},
});
