import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { countryCodeProperty, optional, optionalUuid, text } from '../../fields';

export const billingAddressRequiredFields = (required: boolean): INodeProperties[] => [
	{ displayName: 'Recipient', name: 'recipient', type: 'string', default: '', required, description: 'E.g. the company name.' },
	{ displayName: 'Address Line 1', name: 'address_line1', type: 'string', default: '', required },
	{ displayName: 'ZIP', name: 'zip', type: 'string', default: '', required },
	{ displayName: 'Town', name: 'town', type: 'string', default: '', required },
	countryCodeProperty(required),
];

export const billingAddressOptionalFields: INodeProperties[] = [
	{ displayName: 'Address Line 2', name: 'address_line2', type: 'string', default: '' },
	{ displayName: 'Billing Contact ID', name: 'billing_contact_id', type: 'string', default: '', description: 'UUID of the user who handles billing' },
	{ displayName: 'Organization ID', name: 'organization_id', type: 'string', default: '', description: 'UUID of the organization the address belongs to' },
	{ displayName: 'Recipient Additions', name: 'recipient_additions', type: 'string', default: '', description: 'E.g. receiving branch or contact person.' },
	{ displayName: 'State', name: 'state', type: 'string', default: '', description: 'Federal state' },
	{ displayName: 'VAT ID', name: 'vat_id', type: 'string', default: '' },
];

export const billingAddressOptionalSchema = {
	address_line2: optional(z.string()),
	billing_contact_id: optional(optionalUuid),
	organization_id: optional(optionalUuid),
	recipient_additions: optional(z.string()),
	state: optional(z.string()),
	vat_id: optional(z.string()),
};

export const recipient = text;

export const billingAddressIdProperty: INodeProperties = {
	displayName: 'Billing Address ID',
	name: 'addressId',
	type: 'string',
	default: '',
	required: true,
	description: 'UUID of the billing address',
};
