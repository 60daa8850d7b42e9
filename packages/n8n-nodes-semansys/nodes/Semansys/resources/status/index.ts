import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, optionalText, requiredText, stringProperty } from '../../fields';
import { semansysOperation } from '../../operation';

const certificateProperty = stringProperty('Certificate ID', 'certificateId', 'ID of the certificate used for the delivery; empty uses the system certificate');

// Status questions change nothing, so they may be repeated after a failed connection.
const getDigipoortStatus = semansysOperation({
	value: 'digipoort',
	name: 'Get Digipoort Status',
	action: 'Get the status of a Digipoort delivery',
	description: 'The process statuses of a delivery to Digipoort (getStatussenProcesResponse)',
	endpoint: { method: 'POST', path: '/status/digipoort', confirmed: true },
	properties: [stringProperty('Identifier', 'identifier', 'ID of the delivered instance (the kenmerk of the delivery receipt)', { required: true }), certificateProperty],
	fields: { identifier: requiredText, certificateId: optionalText },
	request: (input) => ({ body: compact({ identifier: input.identifier, certificateId: input.certificateId }), idempotent: true }),
});

const getSbrNexusStatus = semansysOperation({
	value: 'sbrNexus',
	name: 'Get SBR Nexus Status',
	action: 'Get the status of an SBR Nexus delivery',
	description: 'The process statuses of a delivery to SBR Nexus',
	endpoint: { method: 'POST', path: '/status/sbr-nexus', confirmed: true },
	properties: [
		stringProperty('Identifier', 'identifier', 'The delivery identifier, e.g. "BTP-210…"', { required: true }),
		certificateProperty,
		stringProperty('ID of Supplier', 'idOfSupplier', 'Mandatory when the system certificate is used'),
	],
	fields: { identifier: requiredText, certificateId: optionalText, idOfSupplier: optionalText },
	request: (input) => ({ body: compact({ identifier: input.identifier, certificateId: input.certificateId, idOfSupplier: input.idOfSupplier }), idempotent: true }),
});

const getHmrcStatus = semansysOperation({
	value: 'hmrc',
	name: 'Get HMRC Status',
	action: 'Get the status of an HMRC submission',
	description: 'The status of a submission to HMRC (message, acceptedTime)',
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
