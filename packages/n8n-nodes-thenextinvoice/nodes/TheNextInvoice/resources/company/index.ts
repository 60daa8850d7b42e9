import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { getAllOperation } from '../../helpers';

export const listCompanies = getAllOperation('Get many companies', 'The companies the user has access to', '/company');

export const companyResource: ResourceDescriptor = {
	value: 'company',
	name: 'Company',
	operations: [listCompanies],
};
