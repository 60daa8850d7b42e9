import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { countryCode, countryCodeProperty, optional, optionalUuid, text } from '../../fields';

/** Organization fields that are optional on create and all optional on update. */
export const organizationDetailFields: INodeProperties[] = [
	{ displayName: 'Billing Address ID', name: 'billing_address_id', type: 'string', default: '', description: 'UUID of a billing address' },
	{ displayName: 'Contact Person ID', name: 'contact_person_id', type: 'string', default: '', description: 'UUID of the user who is the contact person for policy' },
	{ displayName: 'Display Name', name: 'display_name', type: 'string', default: '' },
	{ displayName: 'Economy ID', name: 'economy_id', type: 'string', default: '', description: 'Wirtschafts-Identifikationsnummer (Germany)' },
	{
		displayName: 'Managed By Organization ID',
		name: 'managed_by_organization_id',
		type: 'string',
		default: '',
		description: 'UUID of the managing organization; setting it creates a managed organization',
	},
	{ displayName: 'State', name: 'state', type: 'string', default: '', description: 'Federal state' },
	{ displayName: 'Tax Number', name: 'tax_number', type: 'string', default: '' },
	{ displayName: 'VAT ID', name: 'vat_id', type: 'string', default: '' },
	{ displayName: 'Address Line 2', name: 'address_line2', type: 'string', default: '' },
];

export const organizationDetailSchema = {
	billing_address_id: optional(optionalUuid),
	contact_person_id: optional(optionalUuid),
	display_name: optional(z.string()),
	economy_id: optional(z.string()),
	managed_by_organization_id: optional(optionalUuid),
	state: optional(z.string()),
	tax_number: optional(z.string()),
	vat_id: optional(z.string()),
	address_line2: optional(z.string()),
};

/** The address fields create requires; on update they are optional. */
export const organizationAddressFields = (required: boolean): INodeProperties[] => [
	{ displayName: 'Address Line 1', name: 'address_line1', type: 'string', default: '', required },
	{ displayName: 'ZIP', name: 'zip', type: 'string', default: '', required },
	{ displayName: 'Town', name: 'town', type: 'string', default: '', required },
	countryCodeProperty(required),
];

export const organizationAddressSchema = { address_line1: text, zip: text, town: text, country_code: countryCode };

export const billingOptionsProperty: INodeProperties = {
	displayName: 'Billing Options',
	name: 'billing_options',
	type: 'collection',
	placeholder: 'Add billing option',
	default: {},
	description: 'Lets this organization be billed to another organization',
	options: [
		{ displayName: 'Bill To Organization ID', name: 'bill_to_organization', type: 'string', default: '', description: 'UUID of the organization that receives the bill' },
		{ displayName: 'GLN', name: 'gln', type: 'string', default: '', description: 'Global Location Number, 13 digits' },
		{ displayName: 'Withhold Billing', name: 'withhold_billing', type: 'boolean', default: false, description: 'Whether to withhold billing' },
	],
};

export const billingOptionsSchema = z
	.object({
		bill_to_organization: optional(optionalUuid),
		gln: optional(z.string().regex(/^\d{13}$/, 'must be 13 digits')),
		withhold_billing: z.boolean().optional(),
	})
	.default({})
	.transform((options) => (Object.values(options).some((v) => v !== undefined) ? options : undefined));

export const organizationName = z.string().trim().min(3, 'must be at least 3 characters');
