import type { ResourceDescriptor } from '../../../shared/operations';
import { getAllOperation } from '../../helpers';

export const listCompanies = getAllOperation('Get many companies', 'The companies the user has access to', '/company');

export const companyResource: ResourceDescriptor = {
	value: 'company',
	name: 'Company',
	operations: [listCompanies],
};
