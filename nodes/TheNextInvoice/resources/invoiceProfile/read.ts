import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationDescriptor, OperationRun } from '../../../shared/operations';
import type { RequestSpec } from '../../../shared/transport/request';
import { asNodeError, send, wholeListOutput, wholeListProperties, wholeListSchema } from './common';
import { PROFILE_PATH, profileReadId, profileReadIdProperty } from './fields';
import { parseDataUri } from './multipart';

const is401 = (error: unknown) => error instanceof NodeApiError && error.httpCode === '401';

/** Whether the credential works: GET /company answers for every user with access to a company. */
async function credentialWorks(run: OperationRun<unknown>): Promise<boolean> {
	try {
		await send(run, { method: 'GET', path: '/company' });
		return true;
	} catch {
		return false;
	}
}

/**
 * The profile read endpoints (list, get, logo) answer 401, not 404, for a profile that does not exist
 * (documented). A 401 is only reported as "not found" when the credential works for another request;
 * otherwise it is the authentication error it looks like.
 */
export async function readProfile(run: OperationRun<unknown>, spec: RequestSpec): Promise<{ found: true; body: unknown } | { found: false }> {
	try {
		return { found: true, body: await send(run, spec) };
	} catch (error) {
		if (is401(error) && (await credentialWorks(run))) return { found: false };
		throw asNodeError(run, error);
	}
}

function profileNotFound(run: OperationRun<unknown>, id: string, path: string): NodeOperationError {
	return new NodeOperationError(run.context.getNode(), `TheNextInvoice: profile ${id} not found`, {
		itemIndex: run.itemIndex,
		description: `GET ${path} answered HTTP 401, which TheNextInvoice uses for an unknown profile on its read endpoints (the credential works for other requests). Check the Profile ID.`,
	});
}

export const listProfiles: OperationDescriptor<{ returnAll: boolean; limit?: number }> = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many invoice profiles',
	description: 'The sender profiles of the company',
	properties: wholeListProperties,
	schema: z.object(wholeListSchema),
	run: async (run) => {
		const answer = await readProfile(run, { method: 'GET', path: PROFILE_PATH });
		// 401 with a working credential: the company has no profiles.
		return answer.found ? wholeListOutput(answer.body, run.input) : [];
	},
};

export const getProfile: OperationDescriptor<{ profileId: string }> = {
	value: 'get',
	name: 'Get',
	action: 'Get an invoice profile',
	description: 'Retrieve one profile with all its settings',
	properties: [profileReadIdProperty],
	schema: z.object({ profileId: profileReadId }),
	run: async (run) => {
		const path = `${PROFILE_PATH}/${run.input.profileId}`;
		const answer = await readProfile(run, { method: 'GET', path });
		if (!answer.found) throw profileNotFound(run, run.input.profileId, path);
		return answer.body as IDataObject;
	},
};

const LOGO_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

/**
 * GET /settings/profile/{id}.{type} answers the logo as a base64 data URI. The node returns the file's
 * facts and its base64 content (`data`), ready for the "Convert to File" node.
 */
export const downloadLogo: OperationDescriptor<{ profileId: string; type: string }> = {
	value: 'downloadLogo',
	name: 'Download Logo',
	action: 'Download the logo of an invoice profile',
	description: 'The logo of a profile, decoded from the data URI TheNextInvoice returns',
	properties: [
		profileReadIdProperty,
		{
			displayName: 'Logo Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'From Profile', value: 'auto', description: 'Read the stored logo name (e.g. 1.png) from the profile first' },
				{ name: 'GIF', value: 'gif' },
				{ name: 'JPG', value: 'jpg' },
				{ name: 'PNG', value: 'png' },
				{ name: 'SVG', value: 'svg' },
			],
			default: 'auto',
			description: 'File extension of the stored logo',
		},
	],
	schema: z.object({ profileId: profileReadId, type: z.enum(['auto', 'gif', 'jpg', 'png', 'svg']).default('auto') }),
	run: async (run) => {
		const { profileId: id, type } = run.input;
		let extension = type;
		let logoId = id;
		if (type === 'auto') {
			const path = `${PROFILE_PATH}/${id}`;
			const profile = await readProfile(run, { method: 'GET', path });
			if (!profile.found) throw profileNotFound(run, id, path);
			const logo = (profile.body as IDataObject)?.logo;
			const match = typeof logo === 'string' ? /^(\d+)\.([a-z0-9]+)$/i.exec(logo) : null;
			if (!match) throw new NodeOperationError(run.context.getNode(), `TheNextInvoice: profile ${id} has no logo`, { itemIndex: run.itemIndex });
			[, logoId, extension] = match;
		}
		const path = `${PROFILE_PATH}/${logoId}.${extension}`;
		const answer = await readProfile(run, { method: 'GET', path });
		if (!answer.found) throw profileNotFound(run, id, path);
		const file = parseDataUri(answer.body);
		if (!file) throw new NodeOperationError(run.context.getNode(), 'TheNextInvoice: the logo answer was not a base64 data URI', { itemIndex: run.itemIndex });
		const fileName = `profile-${logoId}-logo.${LOGO_TYPES[file.mimeType] ?? extension}`;
		return { profileId: logoId === 'default' ? id : Number(logoId), fileName, mimeType: file.mimeType, fileSize: file.data.length, data: file.data.toString('base64') };
	},
};
