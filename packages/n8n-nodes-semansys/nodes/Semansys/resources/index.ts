import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { customApiCallResource } from './customApiCall';
import { customerCornerResource } from './customerCorner';
import { deliveryResource } from './delivery';
import { hmrcResource } from './hmrc';
import { inputImportResource } from './inputImport';
import { instanceResource } from './instance';
import { renderingResource } from './rendering';
import { reportChatResource } from './reportChat';
import { reportPackageResource } from './reportPackage';
import { statusResource } from './status';
import { taxonomyResource } from './taxonomy';
import { validationResource } from './validation';

/** One resource per branch of the Semansys reference tree, in its order, then Custom API Call. */
export const resources: ResourceDescriptor[] = [
	reportPackageResource,
	instanceResource,
	reportChatResource,
	customerCornerResource,
	deliveryResource,
	statusResource,
	hmrcResource,
	inputImportResource,
	taxonomyResource,
	validationResource,
	renderingResource,
	customApiCallResource,
];
