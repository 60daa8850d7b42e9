import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { templateOperations } from '../companySettings/common';

/** An SMS text must link to the payment page or the invoice. */
export const SMS_PLACEHOLDERS = ['{paymentlink}', '{betaallink}', '{viewinvoice}', '{bekijkfactuur}'];

const required = z.string().trim().min(1, 'must not be empty');

export const smsTemplates = templateOperations({
	path: '/settings/sms/text',
	noun: 'Template',
	searchListMethod: 'searchSmsTemplates',
	article: 'an SMS template',
	plural: 'SMS templates',
	fields: ['name', 'text'],
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Template name' },
		{
			displayName: 'Text',
			name: 'templateText',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'Please pay via {paymentlink}',
			description: 'Must contain {paymentlink}, {betaallink}, {viewinvoice} or {bekijkfactuur}',
		},
	],
	shape: { name: required, templateText: required },
	// `text` is the invoice's texts collection elsewhere in the node.
	rename: { templateText: 'text' },
	check: {
		parameter: 'templateText',
		problem: (body: IDataObject) => {
			if (typeof body.text !== 'string') return undefined;
			const lower = body.text.toLowerCase();
			return SMS_PLACEHOLDERS.some((p) => lower.includes(p)) ? undefined : `must contain a payment or invoice link placeholder (${SMS_PLACEHOLDERS.join(', ')})`;
		},
	},
});
