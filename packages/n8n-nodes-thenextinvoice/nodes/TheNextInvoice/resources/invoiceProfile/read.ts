import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, fetchList, FileResult, listLimit, type OperationRun } from '@n8n-nodes-eu-finance/shared/operations';
import type { RequestSpec } from '@n8n-nodes-eu-finance/shared/transport/request';
import { asNodeError } from '@n8n-nodes-eu-finance/shared/transport/errors';
import { binaryOutputProperty, binaryOutputSchema } from '../../fields';
import { send } from './common';
import { PROFILE_PATH, profileReadId, profileReadIdProperty } from './fields';
import { parseDataUri } from '../../files';
import { wholeList } from '../../helpers';

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
type ProfileAnswer = { found: true; body: unknown } | { found: false };

export async function readProfile(run: OperationRun<unknown>, spec: RequestSpec): Promise<ProfileAnswer> {
	return await unlessUnknownProfile<ProfileAnswer>(run, async () => ({ found: true, body: await send(run, spec) }), { found: false });
}

/** Runs `read`; a 401 while the credential works means the profile (or any profile) does not exist: `missing`. */
async function unlessUnknownProfile<T>(run: OperationRun<unknown>, read: () => Promise<T>, missing: T): Promise<T> {
	try {
		return await read();
	} catch (error) {
		if (is401(error) && (await credentialWorks(run))) return missing;
		throw asNodeError(run.context.getNode(), error, run.itemIndex);
	}
}

function profileNotFound(run: OperationRun<unknown>, id: string, path: string): NodeOperationError {
	return new NodeOperationError(run.context.getNode(), `TheNextInvoice: profile ${id} not found`, {
		itemIndex: run.itemIndex,
		description: `GET ${path} answered HTTP 401, which TheNextInvoice uses for an unknown profile on its read endpoints (the credential works for other requests). Check the Profile ID.`,
	});
}

const profilesList = () => wholeList(PROFILE_PATH);

export const listProfiles = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many invoice profiles',
	description: 'List the sender profiles of the company. Returns one item per profile with its ID, name and whether it is the default.',
	properties: [],
	schema: z.object({}),
	list: profilesList,
	// 401 with a working credential: the company has no profiles.
	run: async (run) => {
		const { context, api, itemIndex, settings } = run;
		const limit = listLimit(context, itemIndex);
		return await unlessUnknownProfile(run, async () => await fetchList(context, api, profilesList(), { limit, itemIndex, settings }), []);
	},
});

export const getProfile = defineOperation<{ profileId: string }>({
	value: 'get',
	name: 'Get',
	action: 'Get an invoice profile',
	description: 'Read one sender profile by its ID. Returns the profile with all its settings (sender, texts, layout, send settings).',
	properties: [profileReadIdProperty],
	schema: z.object({ profileId: profileReadId }),
	run: async (run) => {
		const path = `${PROFILE_PATH}/${run.input.profileId}`;
		const answer = await readProfile(run, { method: 'GET', path });
		if (!answer.found) throw profileNotFound(run, run.input.profileId, path);
		return answer.body as IDataObject;
	},
});

const LOGO_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

/**
 * GET /settings/profile/{id}.{type} answers the logo as a base64 data URI inside the JSON envelope; the node
 * decodes it into n8n binary data with the logo's own media type.
 */
export const downloadLogo = defineOperation<{ profileId: string; type: string; binaryPropertyName: string }>({
	value: 'downloadLogo',
	name: 'Download Logo',
	action: 'Download the logo of an invoice profile',
	description: 'The logo of a profile as binary data (decoded from the data URI TheNextInvoice returns)',
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
		binaryOutputProperty,
	],
	schema: z.object({ profileId: profileReadId, type: z.enum(['auto', 'gif', 'jpg', 'png', 'svg']).default('auto'), ...binaryOutputSchema }),
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
		return new FileResult(file.data, fileName, file.mimeType, { profileId: logoId === 'default' ? id : Number(logoId) });
	},
});
