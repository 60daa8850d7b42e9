import { customApiCallResource as sharedCustomApiCall } from '@n8n-nodes-eu-finance/shared/customApiCall';
import type { OperationDescriptor, ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';

/** The shared Custom API Call; Semansys' writes often answer with an empty body, which is an empty item here. */
const shared = sharedCustomApiCall({ vendorName: 'Semansys', examplePath: '/validation/status/292134BE13008671', allowEmptyBody: true });
const [sharedCall] = shared.operations;

/**
 * Like every Semansys operation, the input item's files stay on the output item, so a reporting chain (validate,
 * render, deliver) can use the report again after a Custom API Call.
 */
const call: OperationDescriptor = {
	...sharedCall,
	execute: async (run) => {
		const items = await sharedCall.execute!(run);
		const kept = run.context.getInputData()[run.itemIndex]?.binary;
		if (!kept) return items;
		return items.map((item) => ({ ...item, binary: { ...kept, ...item.binary } }));
	},
};

export const customApiCallResource: ResourceDescriptor = { ...shared, operations: [call] };
