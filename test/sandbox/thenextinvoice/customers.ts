/** /customer: list, paginated search (numbers as strings), CRUD, VAT/CoC lookup, duplicates, merge, import, Peppol check. */
import { isPlainObject, type SandboxRoute } from '../framework';
import {
	BASE_PATH,
	badRequest,
	companyOf,
	countCreate,
	EMAIL_PATTERN,
	fail,
	findOwned,
	includesIgnoreCase,
	jsonArrayBody,
	jsonBody,
	notFound,
	ofCompany,
	ok,
	pageOf,
	queryInt,
	settingsOf,
	validate,
	type FieldRule,
	type StoredCustomer,
	type TheNextInvoiceContext,
} from './context';
import { addCustomerRecord, customerFields, publicCustomer } from './state';

const CUSTOMER = `${BASE_PATH}/customer`;

const CUSTOMER_RULES: Record<string, FieldRule> = {
	companyname: { type: 'string', required: true },
	companycontact: { type: 'string', nullable: true },
	address: { type: 'string', required: true },
	postalcode: { type: 'string', required: true },
	city: { type: 'string', required: true },
	country: { type: 'string', required: true, pattern: /^[A-Za-z]{2}$/ },
	email: { type: 'string', required: true, pattern: EMAIL_PATTERN },
	ccaddress: { type: 'string', nullable: true },
	debnumber: { type: 'string', nullable: true },
	vatnumber: { type: 'string', nullable: true },
	phone: { type: 'string', nullable: true },
	iban: { type: 'string', nullable: true },
	optionalfield_1: { type: 'string', nullable: true },
	optionalfield_2: { type: 'string', nullable: true },
	person: { type: 'boolean', required: true },
	option_expiration: { type: 'number', nullable: true },
	option_extratext: { type: 'string', nullable: true },
	option_extratextbottom: { type: 'string', nullable: true },
	option_language: { type: 'string', nullable: true },
	option_currency: { type: 'string', nullable: true },
};

/** Documented lookups that resolve (everything else is a 404). */
const VAT_REGISTER: Record<string, Record<string, string>> = {
	NL857494454B01: { name: 'Thenextinvoice b.v.', street: 'Condensatorweg 00054', zip: '1014AX', city: 'Amsterdam' },
	DE123456789: { name: 'Beispiel GmbH', street: 'Hauptstrasse 1', zip: '10115', city: 'Berlin' },
};
const COC_REGISTER = [{ number: '12345678', name: 'Thenextinvoice b.v.', street: 'Condensatorweg 54', zip: '1014AX', city: 'Amsterdam' }];

function matchesTerm(customer: StoredCustomer, term: string | undefined): boolean {
	if (!term) return true;
	return includesIgnoreCase(customer.fields.companyname, term) || includesIgnoreCase(customer.fields.companycontact, term);
}

export function customerRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { customers } = ctx.state;
	const list = (companyId: number, term: string | undefined) => ofCompany(customers, companyId).filter((c) => matchesTerm(c, term));

	return [
		{
			method: 'GET',
			path: CUSTOMER,
			handler: (req) => ok(list(companyOf(ctx, req), req.query.term).map(publicCustomer)),
		},
		{
			method: 'GET',
			path: `${CUSTOMER}/search`,
			handler: (req) => {
				const limit = queryInt(req.query, 'limit', 50, 1, 100);
				const page = queryInt(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
				// order=id&reverse=true (newest first), as the trigger asks; otherwise the stored order.
				const matching = list(companyOf(ctx, req), req.query.term);
				if (req.query.order === 'id') matching.sort((a, b) => (req.query.reverse === 'true' ? b.id - a.id : a.id - b.id));
				const result = pageOf(matching, page, limit);
				// The vendor sends the pagination numbers of this endpoint as strings.
				return ok({
					current: String(result.current),
					first: String(result.first),
					items: result.items.map(publicCustomer),
					last: String(result.last),
					limit: String(result.limit),
					next: String(result.next),
					previous: String(result.previous),
					total_items: String(result.totalItems),
				});
			},
		},
		{
			method: 'GET',
			path: `${CUSTOMER}/checkvat`,
			handler: (req) => {
				const { countryCode, vatNumber } = req.query;
				if (!countryCode || !/^[A-Za-z]{2}$/.test(countryCode) || !vatNumber) throw badRequest('countryCode and vatNumber are required');
				const found = VAT_REGISTER[`${countryCode.toUpperCase()}${vatNumber.toUpperCase().replace(/\s+/g, '')}`];
				if (!found) throw notFound('VAT code not found');
				return ok({ ...found });
			},
		},
		{
			method: 'GET',
			path: `${CUSTOMER}/checkcoc`,
			handler: (req) => {
				const { number, name } = req.query;
				if (!number && !name) throw badRequest('No name or number given');
				const found = COC_REGISTER.find((entry) => (number ? entry.number === number : includesIgnoreCase(entry.name, name)));
				if (!found) throw notFound('Company not found');
				return ok({ name: found.name, street: found.street, zip: found.zip, city: found.city });
			},
		},
		{
			method: 'GET',
			path: `${CUSTOMER}/duplicates`,
			handler: (req) => {
				const groups = new Map<string, StoredCustomer[]>();
				for (const customer of ofCompany(customers, companyOf(ctx, req))) {
					const key = String(customer.fields.companyname ?? '').trim().toLowerCase();
					groups.set(key, [...(groups.get(key) ?? []), customer]);
				}
				return ok([...groups.values()].filter((group) => group.length > 1).map((group) => group.map(publicCustomer)));
			},
		},
		{
			method: 'POST',
			path: `${CUSTOMER}/import`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const rows = jsonArrayBody(req);
				if (rows.length === 0) throw badRequest('Nothing to import');
				// Transactional: validate every row before storing any.
				rows.forEach((row, index) => {
					if (!isPlainObject(row)) throw badRequest(`Row ${index + 1}: must be an object`);
					try {
						validate(row, CUSTOMER_RULES);
					} catch (error) {
						throw badRequest(`Row ${index + 1}: ${(error as Error).message}`);
					}
				});
				const ids = rows.map((row) => {
					countCreate(ctx, 'customer');
					return addCustomerRecord(ctx, companyId, row as Record<string, unknown>).id;
				});
				return ok(ids.map((id) => ({ id })));
			},
		},
		{
			method: 'PUT',
			path: `${CUSTOMER}/merge/:id`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				const master = findOwned(customers, companyId, req.params.id, 'Customer does not exist');
				const ids = jsonArrayBody(req);
				if (!ids.every((id) => Number.isSafeInteger(Number(id)) && Number(id) > 0)) throw badRequest('The body must be an array of customer ids');
				const merged = ids.map((id) => findOwned(customers, companyId, String(id), `Customer ${String(id)} does not exist`));
				for (const customer of merged) {
					if (customer.id === master.id) continue;
					for (const invoice of ctx.state.invoices.values()) {
						if (invoice.customerId !== customer.id) continue;
						invoice.customerId = master.id;
						if (invoice.receiver === customer.id) invoice.receiver = master.id;
					}
					customers.delete(customer.id);
				}
				return ok('Customers merged');
			},
		},
		{
			method: 'GET',
			path: `${CUSTOMER}/verifypeppol/:id`,
			handler: (req) => {
				const companyId = companyOf(ctx, req);
				if (!settingsOf(ctx, companyId).peppol.enabled) throw fail(403, 'Peppol is not enabled');
				const customer = findOwned(customers, companyId, req.params.id, 'Customer does not exist');
				const vat = String(customer.fields.vatnumber ?? '').replace(/\s+/g, '');
				const registered = vat !== '';
				return ok({
					id: customer.id,
					registered,
					participant: registered ? `9944:${vat.toUpperCase()}` : null,
				});
			},
		},
		{
			method: 'GET',
			path: `${CUSTOMER}/:id`,
			handler: (req) => ok(publicCustomer(findOwned(customers, companyOf(ctx, req), req.params.id, 'Customer does not exist'))),
		},
		{
			method: 'POST',
			path: CUSTOMER,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, CUSTOMER_RULES);
				const customer = addCustomerRecord(ctx, companyOf(ctx, req), body);
				countCreate(ctx, 'customer');
				return ok({ id: customer.id });
			},
		},
		{
			method: 'PUT',
			path: `${CUSTOMER}/:id`,
			handler: (req) => {
				const customer = findOwned(customers, companyOf(ctx, req), req.params.id, 'Customer does not exist');
				const body = jsonBody(req);
				validate(body, CUSTOMER_RULES);
				// Properties that are not sent fall back to their defaults (vendor doc).
				customer.fields = customerFields(body);
				return ok({ id: customer.id });
			},
		},
		{
			method: 'DELETE',
			path: `${CUSTOMER}/:id`,
			handler: (req) => {
				const customer = findOwned(customers, companyOf(ctx, req), req.params.id, 'Customer does not exist');
				customers.delete(customer.id);
				return ok('Customer has been removed');
			},
		},
	];
}
