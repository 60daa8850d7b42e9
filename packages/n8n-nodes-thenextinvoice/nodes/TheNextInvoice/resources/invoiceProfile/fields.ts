import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { recordId, recordLocator } from '../../fields';

export const PROFILE_PATH = '/settings/profile';

export const profileIdProperty = recordLocator('Profile', 'profileId', 'searchProfiles');

/** Read endpoints also accept the literal `default` for the company's default profile. */
export const profileReadIdProperty = recordLocator('Profile', 'profileId', 'searchProfiles', {
	description: 'The profile; by ID also "default" for the default profile',
	placeholder: 'default',
	idPattern: '^\\s*([1-9]\\d*|default)\\s*$',
});

export const profileId = recordId;
export const profileReadId = z.coerce
	.string()
	.trim()
	.refine((value) => value === 'default' || /^[1-9]\d*$/.test(value), 'must be a positive whole number or "default"');

export const language = z
	.string()
	.trim()
	.regex(/^[a-z]{2}$/i, 'must be a two-letter language code such as nl')
	.transform((value) => value.toLowerCase());

export const basicProfileProperties: INodeProperties[] = [
	{ displayName: 'Expiration (Days)', name: 'expiration', type: 'number', typeOptions: { minValue: 0 }, default: 14, description: 'Invoice due period in days' },
	{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'nl', description: 'Default language of the invoices, a two-letter code' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the profile' },
];

/** The answer of a profile mutation is the profile id. */
export const profileResult = (answer: unknown, id: string | number, extra: Record<string, boolean> = {}) => ({
	profileId: Number(typeof answer === 'number' || (typeof answer === 'string' && /^\d+$/.test(answer)) ? answer : id),
	...extra,
});
