import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact, optionalText, pickerProperty, requiredText, stringProperty } from '../../fields';
import { semansysOperation } from '../../operation';
import { deliveryFields, deliveryProperties, reportFile } from './fields';

const attachmentFields = z.preprocess(
	(value) => (typeof value === 'string' ? value.split(/[,\s]+/).filter(Boolean) : value ?? []),
	z.array(z.string()),
);

export const deliverSbrNexus = semansysOperation({
	value: 'sbrNexus',
	name: 'Deliver to SBR Nexus',
	action: 'Deliver a report to SBR Nexus',
	description: 'Deliver a report (e.g. Inkomstenbelasting data to a bank) through SBR Nexus; it reaches the receiver, so it is never repeated blindly. Returns the aanleverResponse with its kenmerk, the ID to ask Status → SBR Nexus about.',
	endpoint: { method: 'POST', path: '/delivery/sbr-nexus', confirmed: true },
	files: [reportFile],
	properties: [
		...deliveryProperties('SbrNexus', 'Inkomstenbelasting', 'Rabobank'),
		pickerProperty('ID of Stakeholder', 'idOfStakeholder', 'ID of the receiving party (e.g. the bank): the identity number of a receiver of the chosen message type, or typed in', 'searchSbrNexusStakeholderIds', {
			mode: 'id',
			displayName: 'By ID',
			placeholder: 'e.g. 00000000123456780000',
		}),
		stringProperty('Type of Stakeholder', 'typeOfStakeholder', 'Type of the receiver ID', { required: true, default: 'ID-ontvanger' }),
		stringProperty('ID of Supplier', 'idOfSupplier', 'Mandatory when the system certificate is used'),
		stringProperty('Attachment Binary Fields', 'attachmentFields', 'Input binary fields sent as attachments, separated by commas'),
	],
	fields: {
		...deliveryFields,
		idOfStakeholder: requiredText,
		typeOfStakeholder: requiredText,
		idOfSupplier: optionalText,
		attachmentFields,
	},
	request: async (input, files, tools) => {
		const attachments: IDataObject[] = [];
		for (const field of input.attachmentFields) {
			const file = await tools.binary(field);
			attachments.push({ name: file.fileName, content: file.data.toString('base64') });
		}
		return {
			body: compact({
				fileName: input.fileName ?? files.report.fileName,
				content: files.report.value,
				identifier: input.identifier,
				messageType: input.messageType,
				nameOfStakeholder: input.nameOfStakeholder,
				idOfStakeholder: input.idOfStakeholder,
				typeOfStakeholder: input.typeOfStakeholder,
				typeOfSender: input.typeOfSender,
				idOfSupplier: input.idOfSupplier,
				certificateId: input.certificateId,
				attachments: attachments.length ? attachments : undefined,
			}),
		};
	},
});
