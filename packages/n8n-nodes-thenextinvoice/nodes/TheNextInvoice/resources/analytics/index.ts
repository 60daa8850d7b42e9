import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';

/** `{ labels, values }` (12 periods, oldest first) as one item per period. */
function periods(answer: unknown): IDataObject[] {
	const { labels, values } = (answer ?? {}) as { labels?: unknown[]; values?: unknown[] };
	if (!Array.isArray(labels) || !Array.isArray(values)) return [];
	return labels.map((label, index) => ({ period: label as string, turnover: (values[index] ?? null) as number | null }));
}

const turnover = defineOperation<{ interval: 'month' | 'year' }>({
	value: 'getTurnover',
	name: 'Get Turnover',
	action: 'Get the turnover',
	description: 'Sum the turnover of the last 12 months or years. Returns one item per period, oldest first (amounts in the company currency).',
	properties: [
		{
			displayName: 'Interval',
			name: 'interval',
			type: 'options',
			options: [
				{ name: 'Month', value: 'month' },
				{ name: 'Year', value: 'year' },
			],
			default: 'month',
		},
	],
	schema: z.object({ interval: z.enum(['month', 'year']) }),
	request: ({ interval }) => ({ method: 'GET', path: `/analytics/turnover/${interval}` }),
	output: periods,
});

const topCustomers = defineOperation<{ count: number }>({
	value: 'getTopCustomers',
	name: 'Get Top Customers',
	action: 'Get the top customers',
	description: 'Rank the customers by turnover within the last year. Returns one item per customer, highest turnover first (amounts in the company currency).',
	properties: [{ displayName: 'Number of Customers', name: 'count', type: 'number', typeOptions: { minValue: 1, maxValue: 50 }, default: 10, description: 'How many customers to return (1–50)' }],
	schema: z.object({ count: z.number().int('must be a whole number').min(1, 'must be 1 to 50').max(50, 'must be 1 to 50') }),
	request: ({ count }) => ({ method: 'GET', path: `/analytics/customers/${count}` }),
	output: (answer) => (Array.isArray(answer) ? (answer as IDataObject[]) : []),
});

export const analyticsResource: ResourceDescriptor = {
	value: 'analytics',
	name: 'Analytics',
	operations: [topCustomers, turnover],
};
