import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

export const apiKeyStatusOptions: INodePropertyOptions[] = [
	{ name: 'Enabled', value: 'enabled' },
	{ name: 'Disabled', value: 'disabled' },
];

export const apiKeyStatusProperty = (defaultValue: string): INodeProperties => ({
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: apiKeyStatusOptions,
	 
	default: defaultValue,
});

export const apiKeyStatus = z.enum(['enabled', 'disabled']);

/**
 * fiskaly returns an API key's secret only when the key is created. It is a credential, so it is
 * left out of n8n's output unless the user asks for it (e.g. to store it in a vault right away).
 */
export function withoutSecret(answer: unknown, includeSecret = false): IDataObject {
	const { secret, ...rest } = answer as IDataObject;
	return includeSecret && secret !== undefined ? { ...rest, secret } : rest;
}
