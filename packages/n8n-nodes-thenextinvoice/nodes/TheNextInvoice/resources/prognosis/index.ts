import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';

const getPrognosis = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get the prognosis',
	description: 'Read the financial forecast of the company. Returns it with exists: true, or exists: false when none has been set.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'GET', path: '/prognosis' }),
	output: (answer) => (answer && typeof answer === 'object' ? { exists: true, ...answer } : { exists: false }),
});

/** Monthly figures: "1000, 1200.50, 900" in the UI, or an array of numbers from an expression. */
const figures = z.preprocess(
	(value) =>
		typeof value === 'string'
			? value
					.split(/[,;\s]+/)
					.filter(Boolean)
					.map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? Number(part) : part))
			: value,
	z.array(z.number({ invalid_type_error: 'must be numbers separated by commas' }).finite()).min(1, 'add at least one monthly figure'),
);

const figuresProperty = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	placeholder: '1000, 1000, 1200',
	description: 'Monthly figures from the start month on, separated by commas',
});

const savePrognosis = defineOperation({
	value: 'save',
	name: 'Save',
	action: 'Save the prognosis',
	description: 'Create or replace the financial forecast of the company (a company has at most one). Returns the forecast as TheNextInvoice answers it.',
	properties: [
		{ displayName: 'Start Month', name: 'start_month', type: 'number', typeOptions: { minValue: 1, maxValue: 12 }, default: 1, required: true, description: 'First month of the forecast (1–12)' },
		{ displayName: 'Start Year', name: 'start_year', type: 'number', typeOptions: { minValue: 2000 }, default: 2026, required: true, description: 'First year of the forecast' },
		figuresProperty('Revenue', 'revenue'),
		figuresProperty('Costs', 'costs'),
		figuresProperty('Debts', 'debts'),
	],
	schema: z.object({
		start_month: z.number().int('must be a whole number').min(1, 'must be 1 to 12').max(12, 'must be 1 to 12'),
		start_year: z.number().int('must be a whole number').min(1970, 'must be a year').max(2200, 'must be a year'),
		revenue: figures,
		costs: figures,
		debts: figures,
	}),
	// PUT (documented next to POST): it sets the one prognosis to these values, so a retry is harmless.
	request: (body) => ({ method: 'PUT', path: '/prognosis', body }),
});

export const prognosisResource: ResourceDescriptor = {
	value: 'prognosis',
	name: 'Prognosis',
	operations: [getPrognosis, savePrognosis],
};
