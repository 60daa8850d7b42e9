import type { ResourceDescriptor } from '../../shared/operations';
import { companySettingsResource } from './companySettings';
import { invoiceResource } from './invoice';
import { sessionResource } from './session';

/** Resources in the order the node shows them. */
export const resources: ResourceDescriptor[] = [
	companySettingsResource,
	invoiceResource,
	sessionResource,
];
