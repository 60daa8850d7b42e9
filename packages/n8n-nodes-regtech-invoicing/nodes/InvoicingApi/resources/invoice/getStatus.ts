import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { simplifyStatus, statusPath } from '../../status';
import { customInvoiceId as customInvoiceIdSchema } from '../../values';
import { customInvoiceIdProperty } from './send';

const schema = z.object({ customInvoiceId: customInvoiceIdSchema, simplify: z.boolean().default(true) });

export const getInvoiceStatusOperation = defineOperation<z.output<typeof schema>>({
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of an invoice',
	description: 'Look up an invoice by its Custom Invoice ID. Returns its state (sent, delivered, opened or paid) and the ISO date of each event (null until it happens).',
	properties: [
		customInvoiceIdProperty,
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to return the current state (sent, delivered, opened, paid) and every event\'s date (null until it happens) instead of the raw answer',
		},
	],
	schema,
	request: ({ customInvoiceId }) => ({ method: 'GET', path: statusPath(customInvoiceId) }),
	output: (answer: IDataObject, { customInvoiceId, simplify }) => (simplify ? simplifyStatus(customInvoiceId, answer) : { customInvoiceId, ...answer }),
});
