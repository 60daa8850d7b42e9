import { z } from 'zod';

import { defineOperation, type ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { answerFields } from '../invoiceProfile/common';

const PATH = '/settings/2fa';

const getStatus = defineOperation({
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the two-factor authentication status',
	description: 'Read the two-factor authentication status of the current user. Returns its status: disabled, connecting or enabled.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'GET', path: PATH }),
});

const beginEnrollment = defineOperation({
	value: 'beginEnrollment',
	name: 'Begin Enrollment',
	action: 'Begin two-factor enrollment',
	description: 'Start two-factor enrollment of the current user: generate a TOTP secret (409 when 2FA is already enabled). Returns the secret and the otpauth:// URI to show as a QR code.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'POST', path: PATH }),
});

const finishEnrollment = defineOperation<{ code: number }>({
	value: 'finishEnrollment',
	name: 'Finish Enrollment',
	action: 'Finish two-factor enrollment',
	description: 'Finish two-factor enrollment with a 6-digit code from the authenticator app. Returns enabled: true.',
	properties: [{ displayName: 'Code', name: 'code', type: 'string', default: '', required: true, placeholder: '123456', description: 'The 6-digit code the authenticator app shows now' }],
	schema: z.object({
		code: z.coerce
			.string()
			.trim()
			.regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app')
			.transform((value) => Number(value)),
	}),
	request: ({ code }) => ({ method: 'PUT', path: PATH, body: { code } }),
	output: (answer) => ({ enabled: true, ...answerFields(answer) }),
});

const disable = defineOperation({
	value: 'disable',
	name: 'Disable',
	action: 'Disable two-factor authentication',
	description: 'Turn off TOTP two-factor authentication for the current user. Returns disabled: true.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'DELETE', path: PATH }),
	output: (answer) => ({ disabled: true, ...answerFields(answer) }),
});

/** New codes invalidate the previous ones: never sent twice by a retry. */
const recoveryCodes = defineOperation({
	value: 'generateRecoveryCodes',
	name: 'Generate Recovery Codes',
	action: 'Generate two-factor recovery codes',
	description: 'Generate a fresh set of one-time two-factor recovery codes (the previous ones stop working). Returns recoveryCodes, a list.',
	properties: [],
	schema: z.object({}),
	request: () => ({ method: 'POST', path: `${PATH}/recovery`, idempotent: false }),
	output: (answer) => ({ recoveryCodes: Array.isArray(answer) ? (answer as string[]) : [] }),
});

export const twoFactorResource: ResourceDescriptor = {
	value: 'twoFactor',
	name: 'Two-Factor Authentication',
	operations: [beginEnrollment, disable, finishEnrollment, recoveryCodes, getStatus],
};
