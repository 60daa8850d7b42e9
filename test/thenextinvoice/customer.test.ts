import type { INodeParameters } from 'n8n-workflow';

import { idLocator, useTni } from './setup';

const SEEDED = 230;
const f = useTni({ seedCustomers: SEEDED });

const customerParams = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'create',
	companyname: 'Bakkerij Jansen B.V.',
	person: false,
	email: 'info@bakkerij-jansen.nl',
	address: 'Dorpsstraat 12',
	postalcode: '1234AB',
	city: 'Utrecht',
	country: 'nl',
	...extra,
});
const stored = (id: unknown) => f.sandbox.state.customers.get(Number(id));
const body = () => f.lastRequest()!.body as Record<string, unknown>;

describe('TheNextInvoice customer', () => {
	it('creates a customer with the required fields and every additional field', async () => {
		const { json, error } = await f.run(
			customerParams({
				additionalFields: {
					ccaddress: 'boekhouding@bakkerij-jansen.nl',
					companycontact: 'Piet Jansen',
					debnumber: 'D-1001',
					iban: 'nl91 abna 0417 1643 00',
					option_currency: 'eur',
					option_expiration: 30,
					option_extratext: 'Bedankt!',
					option_extratextbottom: 'Tot ziens',
					option_language: 'en',
					optionalfield_1: 'one',
					optionalfield_2: 'two',
					phone: '+31612345678',
					vatnumber: 'NL 8574.94454.B01',
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /customer']);
		expect(body()).toEqual({
			companyname: 'Bakkerij Jansen B.V.',
			person: false,
			email: 'info@bakkerij-jansen.nl',
			address: 'Dorpsstraat 12',
			postalcode: '1234AB',
			city: 'Utrecht',
			country: 'NL',
			ccaddress: 'boekhouding@bakkerij-jansen.nl',
			companycontact: 'Piet Jansen',
			debnumber: 'D-1001',
			iban: 'NL91ABNA0417164300',
			option_currency: 'EUR',
			option_expiration: 30,
			option_extratext: 'Bedankt!',
			option_extratextbottom: 'Tot ziens',
			option_language: 'en',
			optionalfield_1: 'one',
			optionalfield_2: 'two',
			phone: '+31612345678',
			vatnumber: 'NL857494454B01',
		});
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: expect.any(Number), companyname: 'Bakkerij Jansen B.V.', iban: 'NL91ABNA0417164300' });
		expect(stored(json[0].id)?.fields).toMatchObject({ companyname: 'Bakkerij Jansen B.V.', debnumber: 'D-1001' });
	});

	it('gets, updates only the given fields (the rest is sent back unchanged) and deletes a customer', async () => {
		const created = await f.run(customerParams({ companyname: 'Update Me B.V.', additionalFields: { companycontact: 'Anna', phone: '020-1234567' } }));
		const id = created.json[0].id as number;

		const got = await f.run({ resource: 'customer', operation: 'get', customerId: idLocator(id) });
		expect(f.apiCalls().at(-1)).toBe(`GET /customer/${id}`);
		expect(got.json[0]).toMatchObject({ id: String(id), companyname: 'Update Me B.V.', companycontact: 'Anna', person: '0' });

		f.sandbox.clearRequests();
		const updated = await f.run({ resource: 'customer', operation: 'update', customerId: idLocator(id), updateFields: { city: 'Amersfoort', person: true } });
		expect(updated.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /customer/${id}`, `PUT /customer/${id}`]);
		expect(body()).toEqual({
			companyname: 'Update Me B.V.',
			companycontact: 'Anna',
			address: 'Dorpsstraat 12',
			postalcode: '1234AB',
			city: 'Amersfoort',
			country: 'NL',
			email: 'info@bakkerij-jansen.nl',
			phone: '020-1234567',
			person: true,
		});
		expect(updated.json[0]).toMatchObject({ id, city: 'Amersfoort', companycontact: 'Anna', person: true });
		expect(stored(id)?.fields).toMatchObject({ city: 'Amersfoort', companycontact: 'Anna', phone: '020-1234567', person: true });

		f.sandbox.clearRequests();
		const deleted = await f.run({ resource: 'customer', operation: 'delete', customerId: idLocator(id) });
		expect(f.apiCalls()).toEqual([`DELETE /customer/${id}`]);
		expect(deleted.json).toEqual([{ customerId: id, deleted: true }]);
		expect(stored(id)).toBeUndefined();

		const missing = await f.run({ resource: 'customer', operation: 'get', customerId: idLocator(id) });
		expect(missing.error?.message).toMatch(/Customer does not exist/);
	});

	it('works per item: ids from expressions, a missing customer becomes an error item with Continue On Fail', async () => {
		const a = Number(f.sandbox.control.createCustomer({ companyname: 'Item A' }).id);
		const b = Number(f.sandbox.control.createCustomer({ companyname: 'Item B' }).id);
		const { items, error } = await f.run(
			{ resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ id: a }, { id: 999999 }, { id: b }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`GET /customer/${a}`, 'GET /customer/999999', `GET /customer/${b}`]);
		expect(items.map((i) => [i.json.companyname ?? i.json.error, i.pairedItem])).toEqual([
			['Item A', { item: 0 }],
			[expect.stringMatching(/Customer does not exist/), { item: 1 }],
			['Item B', { item: 2 }],
		]);
	});

	it('refuses bad input with the field and item named, and sends nothing', async () => {
		const cases: Array<[INodeParameters, RegExp]> = [
			[customerParams({ email: 'not-an-email' }), /item 0: "Email": must be an e-mail address/],
			[customerParams({ country: 'Netherlands' }), /"Country Code": must be a two-letter country code/],
			[customerParams({ companyname: '  ' }), /"Name": must not be empty/],
			[customerParams({ additionalFields: { iban: 'NL91ABNA0417164301' } }), /"Additional Fields" › IBAN: is not a valid IBAN/],
			[customerParams({ additionalFields: { iban: '12345' } }), /"Additional Fields" › IBAN: must be an IBAN/],
			[customerParams({ additionalFields: { ccaddress: 'x@' } }), /"Additional Fields" › CC Email: must be an e-mail address/],
			[customerParams({ additionalFields: { option_currency: 'euro' } }), /Invoice Currency: must be a 3-letter currency code/],
			[{ resource: 'customer', operation: 'update', customerId: '5', updateFields: {} }, /"Update Fields": add at least one field to change/],
			[{ resource: 'customer', operation: 'update', customerId: '5', updateFields: { email: 'nope' } }, /"Update Fields" › Email: must be an e-mail/],
			[{ resource: 'customer', operation: 'get', customerId: 'abc' }, /"Customer": must be a positive whole number/],
		];
		for (const [parameters, message] of cases) {
			const { error } = await f.run(parameters);
			expect(error?.message).toMatch(message);
		}
		expect(f.apiCalls()).toEqual([]);
	});

	it('Get Many: Return All pages through the search (limit 100, counts as strings), Limit stops early', async () => {
		const all = await f.run({ resource: 'customer', operation: 'getAll', term: 'Seed Customer', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(SEEDED);
		expect(new Set(all.json.map((c) => c.id)).size).toBe(SEEDED);
		expect(all.json[0]).toMatchObject({ companyname: 'Seed Customer 00001' });
		expect(f.sandbox.requests.map((r) => [r.path, r.query])).toEqual([
			['/api/v1/customer/search', { term: 'Seed Customer', page: '1', limit: '100' }],
			['/api/v1/customer/search', { term: 'Seed Customer', page: '2', limit: '100' }],
			['/api/v1/customer/search', { term: 'Seed Customer', page: '3', limit: '100' }],
		]);

		f.sandbox.clearRequests();
		const some = await f.run({ resource: 'customer', operation: 'getAll', term: '', returnAll: false, limit: 7 });
		expect(some.json.map((c) => c.companyname)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `Seed Customer 0000${i}`));
		expect(f.sandbox.requests.map((r) => r.query)).toEqual([{ page: '1', limit: '7' }]);

		const badLimit = await f.run({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 0 });
		expect(badLimit.error?.message).toMatch(/"Limit" must be a whole number of at least 1/);
	});

	it('List All: one GET /customer with the term; Limit keeps the first records', async () => {
		const all = await f.run({ resource: 'customer', operation: 'listAll', term: 'Seed Customer 0001', returnAll: true });
		expect(f.apiCalls()).toEqual(['GET /customer']);
		expect(f.lastRequest()!.query).toEqual({ term: 'Seed Customer 0001' });
		expect(all.json.map((c) => c.companyname)).toEqual([...Array(10).keys()].map((i) => `Seed Customer 0001${i}`));

		const some = await f.run({ resource: 'customer', operation: 'listAll', term: '', returnAll: false, limit: 3 });
		expect(f.lastRequest()!.query).toEqual({});
		expect(some.json).toHaveLength(3);
	});

	it('checks a VAT number (country prefix, spaces and dots removed); unknown numbers answer found: false', async () => {
		const found = await f.run({ resource: 'customer', operation: 'checkVat', countryCode: 'nl', vatNumber: 'NL 8574.94454 B01' });
		expect(f.apiCalls()).toEqual(['GET /customer/checkvat']);
		expect(f.lastRequest()!.query).toEqual({ countryCode: 'NL', vatNumber: '857494454B01' });
		expect(found.json).toEqual([{ found: true, name: 'Thenextinvoice b.v.', street: 'Condensatorweg 00054', zip: '1014AX', city: 'Amsterdam' }]);

		const unknown = await f.run({ resource: 'customer', operation: 'checkVat', countryCode: 'DE', vatNumber: '999999999' });
		expect(unknown.error).toBeUndefined();
		expect(unknown.json).toEqual([{ found: false, countryCode: 'DE', vatNumber: '999999999' }]);

		f.sandbox.clearRequests();
		const bad = await f.run({ resource: 'customer', operation: 'checkVat', countryCode: 'Germany', vatNumber: '123' });
		expect(bad.error?.message).toMatch(/"Country Code": must be a two-letter country code/);
		const empty = await f.run({ resource: 'customer', operation: 'checkVat', countryCode: 'NL', vatNumber: ' . ' });
		expect(empty.error?.message).toMatch(/"VAT Number": must be a VAT number/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('looks up the Chamber of Commerce by number or by name', async () => {
		const byNumber = await f.run({ resource: 'customer', operation: 'checkCoc', searchBy: 'number', number: '1234 5678' });
		expect(f.lastRequest()!.query).toEqual({ number: '12345678' });
		expect(byNumber.json[0]).toMatchObject({ found: true, name: 'Thenextinvoice b.v.', zip: '1014AX' });

		const byName = await f.run({ resource: 'customer', operation: 'checkCoc', searchBy: 'name', name: 'thenextinvoice' });
		expect(f.lastRequest()!.query).toEqual({ name: 'thenextinvoice' });
		expect(byName.json[0]).toMatchObject({ found: true, city: 'Amsterdam' });

		const none = await f.run({ resource: 'customer', operation: 'checkCoc', searchBy: 'number', number: '87654321' });
		expect(none.json).toEqual([{ found: false, number: '87654321' }]);
		expect(f.apiCalls()).toEqual(['GET /customer/checkcoc', 'GET /customer/checkcoc', 'GET /customer/checkcoc']);

		f.sandbox.clearRequests();
		const bad = await f.run({ resource: 'customer', operation: 'checkCoc', searchBy: 'number', number: '123' });
		expect(bad.error?.message).toMatch(/"CoC Number": must be 8 digits/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('lists duplicate groups and merges duplicates into a master customer', async () => {
		const ids = [1, 2, 3].map((i) => Number(f.sandbox.control.createCustomer({ companyname: 'Dubbel B.V.', email: `d${i}@example.com` }).id));
		const groups = await f.run({ resource: 'customer', operation: 'getDuplicates' });
		expect(f.apiCalls()).toEqual(['GET /customer/duplicates']);
		const group = groups.json.find((g) => (g.customers as Array<{ companyname: string }>)[0].companyname === 'Dubbel B.V.');
		expect(group).toMatchObject({ count: 3 });
		expect((group!.customers as Array<{ id: string }>).map((c) => Number(c.id))).toEqual(ids);

		f.sandbox.clearRequests();
		const [master, ...others] = ids;
		const merged = await f.run({ resource: 'customer', operation: 'merge', customerId: idLocator(master), mergeIds: `${others[0]}, ${others[1]},${others[0]}` });
		expect(merged.error).toBeUndefined();
		expect(f.apiCalls()).toEqual([`PUT /customer/merge/${master}`]);
		expect(f.lastRequest()!.body).toEqual(others);
		expect(merged.json).toEqual([{ customerId: master, mergedIds: others, merged: true }]);
		expect(others.map((id) => stored(id))).toEqual([undefined, undefined]);
		expect(stored(master)).toBeDefined();

		f.sandbox.clearRequests();
		const self = await f.run({ resource: 'customer', operation: 'merge', customerId: idLocator(master), mergeIds: `${master},7` });
		expect(self.error?.message).toMatch(/"Customer IDs to Merge": must not contain the master customer ID/);
		const none = await f.run({ resource: 'customer', operation: 'merge', customerId: idLocator(master), mergeIds: ' , ' });
		expect(none.error?.message).toMatch(/"Customer IDs to Merge": give at least one customer ID/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('imports customers from a JSON array in one request; a bad row stops the import before sending', async () => {
		const rows = [
			{ companyname: 'Import A', address: 'Street 1', postalcode: '1111AA', city: 'Amsterdam', country: 'nl', email: 'a@example.com', person: false },
			{ companyname: 'Import B', address: 'Street 2', postalcode: '2222BB', city: 'Rotterdam', country: 'NL', email: 'b@example.com', person: true, iban: 'NL91ABNA0417164300' },
		];
		const imported = await f.run({ resource: 'customer', operation: 'import', customers: JSON.stringify(rows) });
		expect(imported.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /customer/import']);
		expect(f.lastRequest()!.body).toEqual([{ ...rows[0], country: 'NL' }, rows[1]]);
		expect(imported.json).toHaveLength(2);
		expect(imported.json.map((r) => stored(r.id)?.fields.companyname)).toEqual(['Import A', 'Import B']);

		f.sandbox.clearRequests();
		const badRow = await f.run({ resource: 'customer', operation: 'import', customers: JSON.stringify([rows[0], { ...rows[1], email: 'b-at-example' }]) });
		expect(badRow.error?.message).toMatch(/"Customers \(JSON\)" › entry 2 › email: must be an e-mail address/);
		const typo = await f.run({ resource: 'customer', operation: 'import', customers: JSON.stringify([{ ...rows[0], compnyname: 'x' }]) });
		expect(typo.error?.message).toMatch(/Unrecognized key.*compnyname/);
		const empty = await f.run({ resource: 'customer', operation: 'import', customers: '[]' });
		expect(empty.error?.message).toMatch(/add at least one customer/);
		const notJson = await f.run({ resource: 'customer', operation: 'import', customers: '{"companyname": "x"}' });
		expect(notJson.error?.message).toMatch(/must be a JSON array of customer objects/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('verifies a customer on Peppol; without Peppol enabled the API answers 403', async () => {
		const id = Number(f.sandbox.control.createCustomer({ companyname: 'Peppol B.V.', vatnumber: 'NL857494454B01' }).id);
		const disabled = await f.run({ resource: 'customer', operation: 'verifyPeppol', customerId: idLocator(id) });
		expect(disabled.error?.message).toMatch(/Peppol is not enabled/);

		f.sandbox.state.settings.get(f.sandbox.companyIds[0])!.peppol.enabled = true;
		try {
			f.sandbox.clearRequests();
			const { json } = await f.run({ resource: 'customer', operation: 'verifyPeppol', customerId: idLocator(id) });
			expect(f.apiCalls()).toEqual([`GET /customer/verifypeppol/${id}`]);
			expect(json[0]).toMatchObject({ customerId: id, registered: true, participant: '9944:NL857494454B01' });
		} finally {
			f.sandbox.state.settings.get(f.sandbox.companyIds[0])!.peppol.enabled = false;
		}
	});
});
