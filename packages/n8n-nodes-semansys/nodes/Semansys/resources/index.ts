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

/**
 * One resource per branch of the Semansys reference tree, in the order users work: validate, render, deliver and
 * follow the delivery first (Validation is the node's default resource); then the other resources with confirmed
 * operations; then the guesses, whose operations are all inferred; Custom API Call last.
 */
export const resources: ResourceDescriptor[] = [
	validationResource,
	renderingResource,
	deliveryResource,
	statusResource,
	inputImportResource,
	taxonomyResource,
	instanceResource,
	hmrcResource,
	customerCornerResource,
	reportPackageResource,
	reportChatResource,
	customApiCallResource,
];
