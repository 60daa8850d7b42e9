/** /product: paginated search (page 0 = page 1), CRUD. */
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	findOwned,
	includesIgnoreCase,
	jsonBody,
	ofCompany,
	ok,
	pageOf,
	queryBool,
	queryInt,
	sortBy,
	validate,
	type FieldRule,
	type StoredProduct,
	type TheNextInvoiceContext,
} from './context';

const PRODUCT = `${BASE_PATH}/product`;

const RULES: Record<string, FieldRule> = {
	description: { type: 'string', required: true },
	price: { type: 'number', required: true },
	vat_id: { type: 'integer', nullable: true },
	ledgernumber_id: { type: 'integer', nullable: true },
};

const ORDERS: Record<string, (product: StoredProduct) => unknown> = {
	id: (product) => product.id,
	description: (product) => product.description.toLowerCase(),
	price: (product) => product.price,
};

export function publicProduct(product: StoredProduct): Record<string, unknown> {
	return {
		description: product.description,
		id: product.id,
		ledgernumber_id: product.ledgernumber_id,
		price: product.price,
		vat_id: product.vat_id,
	};
}

export function productRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { products } = ctx.state;

	function checkReferences(companyId: number, body: Record<string, unknown>): void {
		if (typeof body.vat_id === 'number' && ctx.state.vatCodes.get(body.vat_id)?.companyId !== companyId) {
			throw badRequest(`vat_id ${body.vat_id} does not exist`);
		}
		if (typeof body.ledgernumber_id === 'number' && ctx.state.ledgerNumbers.get(body.ledgernumber_id)?.companyId !== companyId) {
			throw badRequest(`ledgernumber_id ${body.ledgernumber_id} does not exist`);
		}
	}

	return [
		{
			method: 'GET',
			path: `${PRODUCT}/search`,
			handler: (req) => {
				const limit = queryInt(req.query, 'limit', 10, 1, 100);
				// Documented default 0; pages 0 and 1 are both the first page (the doc's page=1 example shows the first items).
				const page = Math.max(1, queryInt(req.query, 'page', 0, 0, Number.MAX_SAFE_INTEGER));
				const order = req.query.order || 'id';
				if (!ORDERS[order]) throw badRequest(`order must be one of ${Object.keys(ORDERS).join(', ')}`);
				const term = req.query.term;
				const matching = ofCompany(products, companyOf(ctx, req)).filter((p) => !term || includesIgnoreCase(p.description, term));
				const result = pageOf(sortBy(matching, ORDERS[order], queryBool(req.query, 'reverse')), page, limit);
				return ok({
					before: result.previous,
					current: result.current,
					first: result.first,
					items: result.items.map(publicProduct),
					last: result.last,
					limit: result.limit,
					next: result.next,
					total_items: result.totalItems,
					total_pages: result.totalPages,
				});
			},
		},
		{
			method: 'GET',
			path: `${PRODUCT}/:id`,
			handler: (req) => ok(publicProduct(findOwned(products, companyOf(ctx, req), req.params.id, 'Product does not exist'))),
		},
		{
			method: 'POST',
			path: PRODUCT,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const body = jsonBody(req);
				validate(body, RULES);
				checkReferences(companyId, body);
				const id = ctx.nextId('product');
				products.set(id, {
					companyId,
					id,
					description: body.description as string,
					price: body.price as number,
					vat_id: (body.vat_id as number | undefined) ?? null,
					ledgernumber_id: (body.ledgernumber_id as number | undefined) ?? null,
				});
				countCreate(ctx, 'product');
				// The vendor answers with a message, not the new id.
				return ok('Product has been created');
			},
		},
		{
			method: 'PUT',
			path: `${PRODUCT}/:id`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const product = findOwned(products, companyId, req.params.id, 'Product does not exist');
				const body = jsonBody(req);
				validate(body, RULES);
				checkReferences(companyId, body);
				Object.assign(product, {
					description: body.description,
					price: body.price,
					vat_id: body.vat_id ?? null,
					ledgernumber_id: body.ledgernumber_id ?? null,
				});
				return ok(publicProduct(product));
			},
		},
		{
			method: 'DELETE',
			path: `${PRODUCT}/:id`,
			handler: (req) => {
				const product = findOwned(products, companyOf(ctx, req), req.params.id, 'Product does not exist');
				products.delete(product.id);
				return ok('Product has been removed');
			},
		},
	];
}
