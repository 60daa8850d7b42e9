import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';

export const getPreferences = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get the preferences',
	description: 'Read the preferences of the current company and user. Returns the package, add-ons, language and user data.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'GET', path: '/preferences' }),
});

export const updatePreferences = defineOperation<{ language: string }>({
	value: 'update',
	name: 'Update',
	action: 'Update the preferences',
	description: 'Set the user\'s preferred language (nl, en, de or fr). Returns the full preferences after the change.',
	properties: [
		{ displayName: 'Language', name: 'language', type: 'string', default: 'EN', required: true, placeholder: 'EN', description: 'Preferred UI language as a two-letter code, e.g. EN or NL' },
	],
	schema: z.object({ language: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a two-letter language code such as EN') }),
	request: (body) => ({ method: 'PUT', path: '/preferences', body }),
});

export const preferencesResource: ResourceDescriptor = {
	value: 'preferences',
	name: 'Preferences',
	operations: [getPreferences, updatePreferences],
};
