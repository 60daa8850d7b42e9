import { z } from 'zod';

import { templateOperations } from '../companySettings/common';

const required = z.string().trim().min(1, 'must not be empty');

export const emailTemplates = templateOperations({
	path: '/settings/email/text',
	noun: 'Template',
	searchListMethod: 'searchEmailTemplates',
	article: 'an e-mail template',
	plural: 'e-mail templates',
	fields: ['subject', 'name', 'text'],
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Template name' },
		{ displayName: 'Subject', name: 'subject', type: 'string', default: '', required: true, placeholder: 'Invoice {invoicenumber}', description: 'Placeholders such as {invoicenumber} are filled in at send time' },
		{ displayName: 'Text', name: 'templateText', type: 'string', typeOptions: { rows: 5 }, default: '', required: true, description: 'E-mail body (HTML allowed); placeholders such as {paymentlink} are filled in at send time' },
	],
	shape: { name: required, subject: required, templateText: required },
	// `text` is the invoice's texts collection elsewhere in the node.
	rename: { templateText: 'text' },
});
