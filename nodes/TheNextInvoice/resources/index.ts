import type { ResourceDescriptor } from '../../shared/operations';
import { attachmentResource } from './attachment';
import { companySettingsResource } from './companySettings';
import { emailResource } from './email';
import { invoiceResource } from './invoice';
import { sessionResource } from './session';
import { smsResource } from './sms';

/** Resources in the order the node shows them. */
export const resources: ResourceDescriptor[] = [
	attachmentResource,
	companySettingsResource,
	emailResource,
	invoiceResource,
	sessionResource,
	smsResource,
];
