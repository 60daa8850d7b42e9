import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { requiredText, stringProperty } from '../../fields';
import { semansysOperation } from '../../operation';
import { answerFile } from '../../files';

const AMOUNTS = [
	['Tax Chargeable', 'taxChargeable'],
	['Net Corporation Tax Chargeable', 'netCorporationTaxChargeable'],
	['Tax Payable', 'taxPayable'],
	['Profits Before Other Deductions', 'profitsBeforeOtherDeductions'],
	['Profits Before Donations and Group Relief', 'profitsBeforeDonationsAndGroupRelief'],
	['Total Reliefs and Deductions', 'totalReliefsAndDeductions'],
	['Losses Brought Forward', 'lossesBroughtForward'],
	['Net Profits', 'netProfits'],
	['Financial Year Profit', 'financialYearProfit'],
	['Financial Year Tax Rate', 'financialYearTaxRate'],
] as const;

// Semansys documents these as integer enums without naming the values.
const ENUMS = [
	['Return Type', 'returnType'],
	['Sender', 'sender'],
	['Company Type', 'companyType'],
	['Chargeable Profits Currency', 'chargeableProfitsCurrency'],
] as const;

const numberProperty = (displayName: string, name: string, description?: string): INodeProperties => ({ displayName, name, type: 'number', default: 0, description });
const date = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date such as 2025-12-31').transform((value) => value.slice(0, 10));
const integer = z.number().int('must be a whole number');

export const buildCt600 = semansysOperation({
	value: 'buildCt600',
	name: 'Build CT600',
	action: 'Build a CT600 corporation tax return',
	description: 'Build a CT600 form from the figures of a company tax return',
	endpoint: { method: 'POST', path: '/hmrc/build-ct600', confirmed: true },
	properties: [
		stringProperty('Company Name', 'companyName', '', { required: true }),
		stringProperty('Reference', 'reference', 'Company reference', { required: true }),
		stringProperty('UTR', 'utrValue', 'Unique Taxpayer Reference of the company', { required: true }),
		stringProperty('Period From', 'periodFrom', 'First day of the period covered (YYYY-MM-DD)', { required: true }),
		stringProperty('Period To', 'periodTo', 'Last day of the period covered (YYYY-MM-DD)', { required: true }),
		numberProperty('Chargeable Profits', 'chargeableProfitsValue'),
		...ENUMS.map(([label, name]) => numberProperty(label, name, 'Integer code as defined by Semansys')),
		...AMOUNTS.map(([label, name]) => numberProperty(label, name)),
	],
	fields: {
		companyName: requiredText,
		reference: requiredText,
		utrValue: requiredText,
		periodFrom: date,
		periodTo: date,
		chargeableProfitsValue: z.number(),
		...Object.fromEntries(ENUMS.map(([, name]) => [name, integer])),
		...Object.fromEntries(AMOUNTS.map(([, name]) => [name, z.number()])),
	},
	request: (input) => ({
		body: {
			companyName: input.companyName,
			reference: input.reference,
			periodCovered: { from: input.periodFrom, to: input.periodTo },
			chargeableProfits: { currency: input.chargeableProfitsCurrency, value: input.chargeableProfitsValue },
			...Object.fromEntries(AMOUNTS.map(([, name]) => [name, input[name]])),
			returnType: input.returnType,
			sender: input.sender,
			companyType: input.companyType,
			utrValue: input.utrValue,
		},
		// Building a form changes nothing at Semansys.
		idempotent: true,
	}),
	// The page names the answer only "CT600 form": an XML document in xmlDoc becomes binary data.
	answerFiles: [answerFile('xmlDoc')],
});
