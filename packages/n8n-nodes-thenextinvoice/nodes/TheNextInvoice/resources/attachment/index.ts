import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { createAttachment, deleteAttachment, listAttachments, updateAttachment } from './operations';

export const attachmentResource: ResourceDescriptor = {
	value: 'attachment',
	name: 'Attachment',
	operations: [createAttachment, deleteAttachment, listAttachments, updateAttachment],
};
