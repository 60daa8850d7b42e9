import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { recordId } from '../../fields';
import { answerFields } from '../customer/common';
import { getAllOperation } from '../../helpers';

const PATH = '/settings/paymentmethods';
const paymentMethodId: INodeProperties = {
	displayName: 'Payment Method Name or ID',
	name: 'paymentMethodId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPaymentMethods' },
	default: '',
	required: true,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Human-readable name, e.g. Bank transfer' };
const name = z.string().trim().min(1, 'must not be empty');

export const listPaymentMethods = getAllOperation('Get many payment methods', 'List the payment methods of the company. Returns one item per method with its ID and name, the IDs Register Payment takes.', PATH);

export const createPaymentMethod = defineOperation<{ name: string }>({
	value: 'create',
	name: 'Create',
	action: 'Create a payment method',
	description: 'Add a payment method by name (e.g. Bank transfer). Returns the new payment method as TheNextInvoice answers it.',
	properties: [nameProperty],
	schema: z.object({ name }),
	request: (body) => ({ method: 'POST', path: PATH, body }),
});

export const updatePaymentMethod = defineOperation<{ paymentMethodId: string; name: string }>({
	value: 'update',
	name: 'Update',
	action: 'Rename a payment method',
	description: 'Rename a payment method by its ID. Returns its ID and new name.',
	properties: [paymentMethodId, nameProperty],
	schema: z.object({ paymentMethodId: recordId, name }),
	request: ({ paymentMethodId: id, name: newName }) => ({ method: 'PUT', path: `${PATH}/${id}`, body: { name: newName } }),
	output: (answer, { paymentMethodId: id, name: newName }) => ({ id: Number(id), name: newName, ...answerFields(answer) }),
});

/** Documented shape: DELETE /settings/paymentmethods?id={id} (the id in the query, not the path). */
export const deletePaymentMethod = defineOperation<{ paymentMethodId: string }>({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a payment method',
	description: 'Remove a payment method from the company by its ID. Returns paymentMethodId and deleted: true.',
	properties: [paymentMethodId],
	schema: z.object({ paymentMethodId: recordId }),
	request: ({ paymentMethodId: id }) => ({ method: 'DELETE', path: PATH, qs: { id } }),
	output: (answer, { paymentMethodId: id }) => ({ paymentMethodId: Number(id), deleted: true, ...answerFields(answer) }),
});
