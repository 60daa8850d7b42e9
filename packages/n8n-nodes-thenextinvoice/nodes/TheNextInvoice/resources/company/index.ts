import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { getAllOperation } from '../../helpers';

export const listCompanies = getAllOperation('Get many companies', 'List the companies the user of the credential has access to. Returns one item per company with its ID and name.', '/company');

export const companyResource: ResourceDescriptor = {
	value: 'company',
	name: 'Company',
	operations: [listCompanies],
};
