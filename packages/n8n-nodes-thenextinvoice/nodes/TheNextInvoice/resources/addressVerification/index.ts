import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation, type OperationRun, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import type { RequestSpec } from '@n8n-nodes-eu-finance/shared/transport/request';
import { asNodeError } from '@n8n-nodes-eu-finance/shared/transport/errors';
import { idProperty, recordId, recordLocator } from '../../fields';
import { send } from '../invoiceProfile/common';
import { getAllOperation } from '../../helpers';

const PATH = '/settings/verification';

/**
 * Here 429 is a rule, not a busy server: a verification is already pending, the resend cooldown (a week)
 * runs, or the attempts are used up. Waiting and retrying cannot help, so these requests are sent once.
 */
async function sendOnce(run: OperationRun<unknown>, spec: RequestSpec): Promise<unknown> {
	const settings = { ...run.settings, retry: { ...run.settings.retry, maxAttempts: 1 } };
	try {
		return await send({ ...run, settings }, spec);
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '429') {
			error.description = `${error.description ?? ''}. TheNextInvoice refuses this verification step for now (already pending, resend cooldown, or no attempts left); see Get Many for can_resend and cooldown_remaining`;
		}
		throw asNodeError(run.context.getNode(), error, run.itemIndex);
	}
}

const verificationIdProperty = idProperty('Verification ID', 'verificationId', 'ID of the verification (see Get Many), not the profile ID');

const listVerifications = getAllOperation('Get many address verifications', 'List the postal address verifications of the sender profiles. Returns one item per verification with its status (pending, sent, verified or invalid).', PATH);

const initiateVerification = defineOperation<{ profileId: string }>({
	value: 'initiate',
	name: 'Initiate',
	action: 'Initiate an address verification',
	description: 'Send a letter with a code to the sender address of a profile (needs its VAT number and address). Returns the new verification with its ID and status.',
	properties: [recordLocator('Profile', 'profileId', 'searchProfiles', { description: 'The invoice profile whose address is verified' })],
	schema: z.object({ profileId: recordId }),
	run: async (run) => (await sendOnce(run, { method: 'POST', path: `${PATH}/${run.input.profileId}/initiate` })) as IDataObject,
});

const confirmVerification = defineOperation<{ verificationId: string; code: string }>({
	value: 'confirm',
	name: 'Confirm',
	action: 'Confirm an address verification',
	description: 'Confirm the postal address of a profile with the 8-character code from the letter. Returns the verification with its new status.',
	properties: [verificationIdProperty, { displayName: 'Code', name: 'code', type: 'string', default: '', required: true, placeholder: 'AB3DEF7H', description: 'The 8-character code from the letter' }],
	schema: z.object({
		verificationId: recordId,
		code: z
			.string()
			.trim()
			.transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
			.refine((value) => /^[A-Z0-9]{8}$/.test(value), 'must be the 8-character code from the letter'),
	}),
	run: async (run) => (await sendOnce(run, { method: 'POST', path: `${PATH}/${run.input.verificationId}/confirm`, body: { code: run.input.code } })) as IDataObject,
});

const resendVerification = defineOperation<{ verificationId: string }>({
	value: 'resend',
	name: 'Resend',
	action: 'Resend an address verification letter',
	description: 'Send a new letter with a new code for a verification (after the cooldown). Returns the verification as TheNextInvoice answers it.',
	properties: [verificationIdProperty],
	schema: z.object({ verificationId: recordId }),
	run: async (run) => (await sendOnce(run, { method: 'POST', path: `${PATH}/${run.input.verificationId}/resend` })) as IDataObject,
});

export const addressVerificationResource: ResourceDescriptor = {
	value: 'addressVerification',
	name: 'Address Verification',
	operations: [confirmVerification, listVerifications, initiateVerification, resendVerification],
};
