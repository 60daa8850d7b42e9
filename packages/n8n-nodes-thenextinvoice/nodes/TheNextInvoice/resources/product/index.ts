import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { searchProducts } from './search';
import { createProduct, deleteProduct, getProduct, updateProduct } from './single';

export const productResource: ResourceDescriptor = {
	value: 'product',
	name: 'Product',
	operations: [createProduct, deleteProduct, getProduct, searchProducts, updateProduct],
};
