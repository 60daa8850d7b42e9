import { z } from 'zod';

import { defineOperation } from '@n8n-nodes-eu-finance/shared/operations';
import { PROFILE_PATH, profileId, profileIdProperty } from './fields';
import { binaryInputProperty } from '../../fields';
import { multipartBody } from '../../files';

export const uploadLogo = defineOperation<{ profileId: string; binaryPropertyName: string }>({
	value: 'uploadLogo',
	name: 'Upload Logo',
	action: 'Upload the logo of an invoice profile',
	description: 'Replace the logo of a profile with a PNG, JPEG, GIF or SVG file from a binary property. Returns profileId and logoUploaded: true.',
	properties: [
		profileIdProperty,
		binaryInputProperty('the logo'),
	],
	schema: z.object({ profileId, binaryPropertyName: z.string().trim().min(1, 'must not be empty') }),
	request: async ({ profileId: id, binaryPropertyName }, tools) => {
		const file = await tools.binary(binaryPropertyName);
		const { body, contentType } = multipartBody({}, file);
		// PUT (documented next to POST): replacing the logo twice leaves the same logo, so retries are safe.
		return { method: 'PUT', path: `${PROFILE_PATH}/${id}/logo`, rawBody: body, headers: { 'Content-Type': contentType } };
	},
	output: (_answer, { profileId: id }) => ({ profileId: Number(id), logoUploaded: true }),
});

export const deleteLogo = defineOperation<{ profileId: string }>({
	value: 'deleteLogo',
	name: 'Delete Logo',
	action: 'Delete the logo of an invoice profile',
	description: 'Remove the logo of a sender profile by its ID. Returns profileId and logoDeleted: true.',
	properties: [profileIdProperty],
	schema: z.object({ profileId }),
	request: ({ profileId: id }) => ({ method: 'DELETE', path: `${PROFILE_PATH}/${id}/logo` }),
	output: (_answer, { profileId: id }) => ({ profileId: Number(id), logoDeleted: true }),
});
