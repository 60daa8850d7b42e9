import type { INodeProperties } from 'n8n-workflow';

import { optionalText, requiredText, stringProperty } from '../../fields';
import { fileInput } from '../../files';

/** Digipoort and SBR Nexus take the report as base64 `content` (no file ID documented). */
export const reportFile = fileInput('report', 'Report', false);

/** Free text: Semansys' page describes it as "intermediar, accountant etc.", so the two examples are not all. */
export const typeOfSenderProperty: INodeProperties = stringProperty('Type of Sender', 'typeOfSender', 'Who sends, e.g. "Accountant" or "Intermediar" (Semansys: "intermediar, accountant etc.")', {
	required: true,
	default: 'Accountant',
});

export const deliveryProperties = (messageTypeExample: string, stakeholderExample: string): INodeProperties[] => [
	stringProperty('Identifier', 'identifier', 'Identifier of the delivery (e.g. the KvK or BSN number it is about)', { required: true }),
	stringProperty('Message Type', 'messageType', `Berichtsoort, e.g. "${messageTypeExample}"`, { required: true, default: messageTypeExample }),
	stringProperty('Name of Stakeholder', 'nameOfStakeholder', `Receiving party, e.g. "${stakeholderExample}"`, { required: true, default: stakeholderExample }),
	typeOfSenderProperty,
	stringProperty('File Name', 'fileName', 'Name of the delivered file; empty uses the name of the binary file'),
	stringProperty('Certificate ID', 'certificateId', 'ID of a certificate stored in Customer Corner; empty uses the system certificate'),
];

export const deliveryFields = {
	identifier: requiredText,
	messageType: requiredText,
	nameOfStakeholder: requiredText,
	typeOfSender: requiredText,
	fileName: optionalText,
	certificateId: optionalText,
};
