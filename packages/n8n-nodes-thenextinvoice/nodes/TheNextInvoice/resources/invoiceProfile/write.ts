import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optional } from '../../fields';
import { onRecord, type RecordKey, type RecordOperationSpec } from '../../helpers';
import { jsonObject } from './common';
import { basicProfileProperties, language, PROFILE_PATH, profileId, profileIdProperty, profileResult } from './fields';

const text = z.string().trim().min(1, 'must not be empty');
const atLeastOne = (fields: IDataObject) => Object.keys(fields).length > 0;
const ADD_ONE = 'add at least one field to change';

const basicSchema = {
	expiration: z.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
	language: optional(language),
	name: optional(text),
};

const profileKey: RecordKey = { property: profileIdProperty, schema: profileId };

/** A change of one profile: the answer is the profile id. */
const profileChange = <T extends z.ZodRawShape>(spec: Omit<RecordOperationSpec<T>, 'output'>) =>
	onRecord(profileKey, { ...spec, output: (answer, id) => profileResult(answer, id, { success: true }) });

export const createProfile = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an invoice profile',
	description: 'Create a sender profile with default settings; set its sender, texts and layout with the other operations. Returns profileId.',
	properties: [{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, options: basicProfileProperties }],
	schema: z.object({ additionalFields: z.object(basicSchema).default({}).transform((fields) => compact(fields as IDataObject)) }),
	request: ({ additionalFields }) => ({ method: 'POST', path: PROFILE_PATH, body: additionalFields }),
	output: (answer) => ({ profileId: Number(answer) }),
});

export const updateProfile = profileChange({
	value: 'update',
	name: 'Update',
	action: 'Update an invoice profile',
	description: 'Change the name, language or due period (in days) of a sender profile. Returns profileId and success: true.',
	properties: [{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add field', default: {}, options: basicProfileProperties }],
	shape: { updateFields: z.object(basicSchema).default({}).transform((fields) => compact(fields as IDataObject)).refine(atLeastOne, ADD_ONE) },
	request: (id, { updateFields }) => ({ method: 'PUT', path: `${PROFILE_PATH}/${id}`, body: updateFields }),
});

const requiredString = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({ displayName, name, type: 'string', default: '', required: true, ...extra });
const optionalString = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({ displayName, name, type: 'string', default: '', ...extra });

export const updateSender = profileChange({
	value: 'updateSender',
	name: 'Update Sender',
	action: 'Update the sender details of an invoice profile',
	description: 'Set the sender company, address and contact details printed on the invoices of a profile (stricter checks when Peppol is enabled). Returns profileId and success: true.',
	properties: [
		requiredString('Company Name', 'companyName'),
		requiredString('Address', 'address', { description: 'Street address' }),
		requiredString('Postal Code', 'postalCode'),
		requiredString('City', 'city'),
		requiredString('Country', 'country', { placeholder: 'NL', description: 'Two-letter ISO country code' }),
		requiredString('Email', 'email', { placeholder: 'name@email.com', description: 'Contact e-mail address' }),
		{
			displayName: 'PDF Display Config',
			name: 'config',
			type: 'json',
			default: '{}',
			required: true,
			description: 'Which sender fields to show on the PDF, as a JSON object',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				optionalString('Chamber of Commerce Number', 'coc'),
				optionalString('Contact Name', 'contact'),
				optionalString('Extra Line', 'extra', { description: 'Extra sender line' }),
				optionalString('IBAN', 'iban'),
				optionalString('Phone', 'phone'),
				optionalString('VAT Number', 'vatNumber'),
			],
		},
	],
	shape: {
		companyName: text,
		address: text,
		postalCode: text,
		city: text,
		country: z
			.string()
			.trim()
			.regex(/^[a-z]{2}$/i, 'must be a two-letter country code such as NL')
			.transform((value) => value.toUpperCase()),
		email: z.string().trim().email('must be an e-mail address'),
		config: jsonObject,
		additionalFields: z
			.object({ coc: optional(text), contact: optional(text), extra: optional(text), iban: optional(text), phone: optional(text), vatNumber: optional(text) })
			.default({}),
	},
	request: (id, { additionalFields, ...required }) => ({
		method: 'PUT',
		path: `${PROFILE_PATH}/${id}/sender`,
		body: compact({ ...required, ...additionalFields } as IDataObject),
	}),
});

const TEXTS: Array<[string, string, string]> = [
	['Invoice Bottom Text', 'extratextbottom', 'Text below the invoice lines'],
	['Invoice Footer', 'footer', 'Footer of the invoice'],
	['Invoice Top Text', 'extratext', 'Text above the invoice lines'],
	['Quotation Bottom Text', 'quotationextratextbottom', 'Text below the quotation lines'],
	['Quotation Footer', 'quotationfooter', 'Footer of the quotation'],
	['Quotation Top Text', 'quotationextratext', 'Text above the quotation lines'],
];

export const updateTexts = profileChange({
	value: 'updateTexts',
	name: 'Update Texts',
	action: 'Update the texts of an invoice profile',
	description: 'Set the top, bottom and footer texts of invoices and quotations of a profile. Returns profileId and success: true.',
	properties: [
		{
			displayName: 'Texts',
			name: 'texts',
			type: 'collection',
			placeholder: 'Add text',
			default: {},
			options: TEXTS.map(([displayName, name, description]) => ({ displayName, name, type: 'string', typeOptions: { rows: 3 }, default: '', description })),
		},
	],
	shape: {
		texts: z
			.object(Object.fromEntries(TEXTS.map(([, name]) => [name, z.string().optional()])))
			.default({})
			.transform((fields) => compact(fields as IDataObject))
			.refine(atLeastOne, 'add at least one text'),
	},
	request: (id, { texts }) => ({ method: 'PUT', path: `${PROFILE_PATH}/${id}/text`, body: texts }),
});

export const updateLayout = profileChange({
	value: 'updateLayout',
	name: 'Update Layout',
	action: 'Update the invoice layout of an invoice profile',
	description: 'Set the logo and sender positions and the margins of the invoice PDF of a profile. Returns profileId and success: true.',
	properties: [
		{
			displayName: 'Logo Position',
			name: 'logo_position',
			type: 'options',
			options: [
				{ name: 'Center', value: 'center' },
				{ name: 'Left', value: 'left' },
				{ name: 'Right', value: 'right' },
			],
			default: 'left',
			required: true,
		},
		{
			displayName: 'Sender Position',
			name: 'sender_position',
			type: 'options',
			options: [
				{ name: 'Left', value: 'left' },
				{ name: 'Right', value: 'right' },
			],
			default: 'right',
			required: true,
		},
		{ displayName: 'Global Margin (Mm)', name: 'margin_global', type: 'number', typeOptions: { minValue: 0 }, default: 20, required: true, description: 'Page margin in millimetres' },
		{ displayName: 'Header Margin (Mm)', name: 'margin_header', type: 'number', typeOptions: { minValue: 0 }, default: 20, required: true, description: 'Header margin in millimetres' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [{ displayName: 'Merge Email Attachments', name: 'merge_mail_attachments', type: 'boolean', default: false, description: 'Whether to merge e-mail attachments into the PDF' }],
		},
	],
	shape: {
		logo_position: z.enum(['center', 'left', 'right']),
		sender_position: z.enum(['left', 'right']),
		margin_global: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
		margin_header: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
		additionalFields: z.object({ merge_mail_attachments: z.boolean().optional() }).default({}),
	},
	request: (id, { additionalFields, ...layout }) => ({ method: 'PUT', path: `${PROFILE_PATH}/${id}/invoice`, body: compact({ ...layout, ...additionalFields } as IDataObject) }),
});

/** The profile's send settings: each links a record of the account, picked from a dropdown (or an ID by expression). */
const SENDING: Array<[string, string, string]> = [
	['Email Attachment Name or ID', 'email_attachment_id', 'getAttachments'],
	['Email CC Address Name or ID', 'email_cc_id', 'getEmailAddresses'],
	['Email From Address Name or ID', 'email_from_id', 'getEmailAddresses'],
	['Email Text Name or ID', 'email_text_id', 'getEmailTemplates'],
	['Quotation Email Attachment Name or ID', 'email_attachment_quotation_id', 'getAttachments'],
	['Quotation Email Text Name or ID', 'email_text_quotation_id', 'getEmailTemplates'],
	['Reminder Email Text Name or ID', 'email_text_reminder_id', 'getEmailTemplates'],
	['SMS Text Name or ID', 'sms_text_id', 'getSmsTemplates'],
];

/** 0 unlinks (null); ids are positive whole numbers. */
const linkId = z.preprocess(
	(value) => (value === '' || value === undefined ? undefined : typeof value === 'string' ? Number(value) : value),
	z
		.number({ invalid_type_error: 'must be an ID' })
		.int('must be a whole number')
		.min(0, 'must be 0 (unlink) or an ID')
		.transform((value) => (value === 0 ? null : value))
		.optional(),
);

export const updateSending = profileChange({
	value: 'updateSendSettings',
	name: 'Update Send Settings',
	action: 'Update the send settings of an invoice profile',
	description: 'Link the e-mail addresses, texts, SMS text and attachments used when sending from a profile. Returns profileId and success: true.',
	properties: [
		{
			displayName: 'Send Settings',
			name: 'sending',
			type: 'collection',
			placeholder: 'Add setting',
			default: {},
			options: SENDING.map(([displayName, name, method]) => ({
				displayName,
				name,
				type: 'options',
				typeOptions: { loadOptionsMethod: method },
				default: '',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. "Remove the Link" (0) unlinks.',
			})),
		},
	],
	shape: {
		sending: z
			.object(Object.fromEntries(SENDING.map(([, name]) => [name, linkId.optional()])))
			.default({})
			.refine((fields) => Object.values(fields).some((v) => v !== undefined), 'add at least one setting'),
	},
	request: (id, { sending }) => ({ method: 'PUT', path: `${PROFILE_PATH}/${id}/sending`, body: compact(sending as IDataObject) }),
});

export const makeDefault = profileChange({
	value: 'setDefault',
	name: 'Set as Default',
	action: 'Make an invoice profile the default',
	description: 'Make a sender profile the company default (used when an invoice names no sender). Returns profileId and success: true.',
	request: (id) => ({ method: 'POST', path: `${PROFILE_PATH}/${id}/default`, idempotent: true }),
});

export const deleteProfile = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an invoice profile',
	description: 'Delete a sender profile by its ID (the default profile cannot be deleted: make another one the default first). Returns profileId and deleted: true.',
	properties: [profileIdProperty],
	schema: z.object({ profileId }),
	request: ({ profileId: id }) => ({ method: 'DELETE', path: `${PROFILE_PATH}/${id}` }),
	output: (_answer, { profileId: id }) => ({ profileId: Number(id), deleted: true }),
});
