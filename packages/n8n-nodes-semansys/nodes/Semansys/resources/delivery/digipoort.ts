import { compact } from '../../fields';
import { semansysOperation } from '../../operation';
import { deliveryFields, deliveryProperties, reportFile } from './fields';

export const deliverDigipoort = semansysOperation({
	value: 'digipoort',
	name: 'Deliver to Digipoort',
	action: 'Deliver a report to Digipoort',
	description: 'Deliver a report (e.g. a Jaarrekening to the KvK) through Digipoort; it reaches an authority, so it is never repeated blindly. Returns the delivery receipt with its kenmerk, the ID to ask Status → Digipoort about.',
	endpoint: { method: 'POST', path: '/delivery/digipoort', confirmed: true },
	files: [reportFile],
	properties: deliveryProperties('Digipoort', 'Jaarrekening', 'KvK'),
	fields: deliveryFields,
	request: (input, files) => ({
		body: compact({
			certificateId: input.certificateId,
			fileName: input.fileName ?? files.report.fileName,
			content: files.report.value,
			identifier: input.identifier,
			messageType: input.messageType,
			nameOfStakeholder: input.nameOfStakeholder,
			typeOfSender: input.typeOfSender,
		}),
	}),
});
