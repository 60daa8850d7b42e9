import type { INodeProperties } from 'n8n-workflow';

import { optionalText, pickerProperty, requiredText, stringProperty } from '../../fields';
import { fileInput } from '../../files';

/** Digipoort and SBR Nexus take the report as base64 `content` (no file ID documented). */
export const reportFile = fileInput('report', 'Report', false);

/** Free text: Semansys' page describes it as "intermediar, accountant etc.", so the two examples are not all. */
export const typeOfSenderProperty: INodeProperties = stringProperty('Type of Sender', 'typeOfSender', 'Who sends, e.g. "Accountant" or "Intermediar" (Semansys: "intermediar, accountant etc.")', {
	required: true,
	default: 'Accountant',
});

/**
 * Message type and receiver are picked from Get Delivery Messages (the portal's message types and, for the chosen
 * type, its receivers) or typed in.
 */
export const deliveryProperties = (portal: 'Digipoort' | 'SbrNexus', messageTypeExample: string, stakeholderExample: string): INodeProperties[] => [
	stringProperty('Identifier', 'identifier', 'Identifier of the delivery (e.g. the KvK or BSN number it is about)', { required: true }),
	pickerProperty('Message Type', 'messageType', 'Berichtsoort: a message type of Get Delivery Messages, or typed in', `search${portal}MessageTypes`, {
		mode: 'name',
		displayName: 'By Name',
		placeholder: `e.g. ${messageTypeExample}`,
	}),
	pickerProperty('Name of Stakeholder', 'nameOfStakeholder', 'Receiving party: a receiver of the chosen message type, or typed in', `search${portal}Stakeholders`, {
		mode: 'name',
		displayName: 'By Name',
		placeholder: `e.g. ${stakeholderExample}`,
	}),
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
