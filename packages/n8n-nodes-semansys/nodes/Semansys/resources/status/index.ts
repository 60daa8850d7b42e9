import type { IDataObject } from 'n8n-workflow';

import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optionalText, requiredText, stringProperty } from '../../fields';
import { semansysOperation } from '../../operation';

const textOrNull = (value: unknown) => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : null);
const isObject = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The error of one process status. Semansys publishes two shapes: flat on the Digipoort status page
 * (`statusFoutcode: { foutcode, foutbeschrijving }`), nested on the SBR Nexus one
 * (`statusFoutcode: { foutType: { foutcode, foutbeschrijving } }`); both are read for either portal. Empty means none.
 */
export function statusError(status: IDataObject): { errorCode: string | null; errorDescription: string | null } {
	const foutcode = isObject(status.statusFoutcode) ? status.statusFoutcode : {};
	const fout = isObject(foutcode.foutType) ? foutcode.foutType : foutcode;
	return { errorCode: textOrNull(fout.foutcode), errorDescription: textOrNull(fout.foutbeschrijving) };
}

/**
 * The answer as it came, with `errorCode` and `errorDescription` added to every status of
 * `getStatussenProcesResponse.getStatussenProcesReturn` (one status or a list), next to its raw `statusFoutcode`.
 * The answer's own top-level `errorCode` / `errorMessage` (about the question, e.g. an unknown delivery) stay as they are.
 */
export function withStatusErrors(answer: unknown): IDataObject {
	if (!isObject(answer)) return answer as IDataObject;
	const response = answer.getStatussenProcesResponse;
	if (!isObject(response)) return answer;
	const statuses = response.getStatussenProcesReturn;
	const readable = (status: unknown) => (isObject(status) ? { ...status, ...statusError(status) } : status);
	const getStatussenProcesReturn = Array.isArray(statuses) ? statuses.map(readable) : isObject(statuses) ? readable(statuses) : statuses;
	return { ...answer, getStatussenProcesResponse: { ...response, getStatussenProcesReturn } as IDataObject };
}

const certificateProperty = stringProperty('Certificate ID', 'certificateId', 'ID of the certificate used for the delivery; empty uses the system certificate');

// Status questions change nothing, so they may be repeated after a failed connection.
const getDigipoortStatus = semansysOperation({
	value: 'digipoort',
	name: 'Get Digipoort Status',
	action: 'Get the status of a Digipoort delivery',
	description: 'Look up a delivery to Digipoort by its kenmerk. Returns its process statuses (getStatussenProcesResponse), each with its errorCode and errorDescription (null when it went fine).',
	endpoint: { method: 'POST', path: '/status/digipoort', confirmed: true },
	properties: [stringProperty('Identifier', 'identifier', 'ID of the delivered instance (the kenmerk of the delivery receipt)', { required: true }), certificateProperty],
	fields: { identifier: requiredText, certificateId: optionalText },
	request: (input) => ({ body: compact({ identifier: input.identifier, certificateId: input.certificateId }), idempotent: true }),
	output: withStatusErrors,
});

const getSbrNexusStatus = semansysOperation({
	value: 'sbrNexus',
	name: 'Get SBR Nexus Status',
	action: 'Get the status of an SBR Nexus delivery',
	description: 'Look up a delivery to SBR Nexus by its kenmerk. Returns its process statuses, each with its errorCode and errorDescription (null when it went fine).',
	endpoint: { method: 'POST', path: '/status/sbr-nexus', confirmed: true },
	properties: [
		stringProperty('Identifier', 'identifier', 'The delivery identifier, e.g. "BTP-210…"', { required: true }),
		certificateProperty,
		stringProperty('ID of Supplier', 'idOfSupplier', 'Mandatory when the system certificate is used'),
	],
	fields: { identifier: requiredText, certificateId: optionalText, idOfSupplier: optionalText },
	request: (input) => ({ body: compact({ identifier: input.identifier, certificateId: input.certificateId, idOfSupplier: input.idOfSupplier }), idempotent: true }),
	output: withStatusErrors,
});

const getHmrcStatus = semansysOperation({
	value: 'hmrc',
	name: 'Get HMRC Status',
	action: 'Get the status of an HMRC submission',
	description: 'Look up a CT600 submission to HMRC by its correlationId. Returns its status (message, acceptedTime).',
	endpoint: { method: 'POST', path: '/status/hmrc', confirmed: true },
	properties: [stringProperty('Correlation ID', 'correlationId', 'The correlation ID of the HMRC submission', { required: true })],
	fields: { correlationId: requiredText },
	request: ({ correlationId }) => ({ body: { correlationId }, idempotent: true }),
});

export const statusResource: ResourceDescriptor = {
	value: 'status',
	name: 'Status',
	operations: [getDigipoortStatus, getSbrNexusStatus, getHmrcStatus],
};
