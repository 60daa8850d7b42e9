import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { addressVerificationResource } from './addressVerification';
import { analyticsResource } from './analytics';
import { attachmentResource } from './attachment';
import { companyResource } from './company';
import { companySettingsResource } from './companySettings';
import { companyUserResource } from './companyUser';
import { customApiCallResource } from './customApiCall';
import { customerResource } from './customer';
import { emailResource } from './email';
import { integrationResource } from './integration';
import { invoiceResource } from './invoice';
import { invoiceProfileResource } from './invoiceProfile';
import { ledgerNumberResource } from './ledgerNumber';
import { notificationResource } from './notification';
import { paymentMethodResource } from './paymentMethod';
import { preferencesResource } from './preferences';
import { productResource } from './product';
import { prognosisResource } from './prognosis';
import { sepaBatchResource } from './sepaBatch';
import { sessionResource } from './session';
import { smsResource } from './sms';
import { twoFactorResource } from './twoFactor';
import { vatCodeResource } from './vatCode';

/** Resources in the order the node shows them, Custom API Call last. */
export const resources: ResourceDescriptor[] = [
	addressVerificationResource,
	analyticsResource,
	attachmentResource,
	companyResource,
	companySettingsResource,
	companyUserResource,
	customerResource,
	emailResource,
	integrationResource,
	invoiceProfileResource,
	invoiceResource,
	ledgerNumberResource,
	notificationResource,
	paymentMethodResource,
	preferencesResource,
	productResource,
	prognosisResource,
	sepaBatchResource,
	sessionResource,
	smsResource,
	twoFactorResource,
	vatCodeResource,
	customApiCallResource,
];
