/** The CONFIRMED endpoints, field by field, through the node against the sandbox. */
import { binaryBytes, file, INSTANCE, withInstance, useSemansys, type SemansysFixture } from './setup';

const fixture = useSemansys();
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('Semansys Customer Corner (confirmed)', () => {
	it('Invite User sends email, invitedBy and role; the empty 200 becomes a confirmation', async () => {
		const { json, error } = await f.run({ resource: 'customerCorner', operation: 'inviteUser', email: 'new.user@example.com', invitedBy: 'Anna', role: 'user' });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/customer-corner/send', body: { email: 'new.user@example.com', invitedBy: 'Anna', role: 'user' } });
		expect(json).toEqual([{ invited: true, email: 'new.user@example.com' }]);
		expect(f.sandbox.state.invitations.at(-1)).toEqual({ email: 'new.user@example.com', invitedBy: 'Anna', role: 'user' });

		const minimal = await f.run({ resource: 'customerCorner', operation: 'inviteUser', email: 'b@example.nl', invitedBy: '', role: '' });
		expect(minimal.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ email: 'b@example.nl' });
	});

	it('Invite User checks the e-mail address before sending', async () => {
		const { error } = await f.run({ resource: 'customerCorner', operation: 'inviteUser', email: 'not-an-address' });
		expect(error?.message).toBe('Invalid input in item 0: "Email": must be an e-mail address');
		expect(f.apiCalls()).toEqual([]);
	});

	it('Check User posts the user as a bare JSON string', async () => {
		const { json, error } = await f.run({ resource: 'customerCorner', operation: 'checkUser', user: 'someone@example.com' });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/customer-corner/users', rawBody: '"someone@example.com"' });
		expect(f.sandbox.state.checkedUsers).toContain('someone@example.com');
		expect(json).toEqual([{ user: 'someone@example.com', checked: true }]);
	});

	it('Get Files: one item per stored file; Get File History', async () => {
		const a = f.sandbox.control.storeFile('a.xbrl', INSTANCE);
		const b = f.sandbox.control.storeFile('b.pdf', '%PDF-1.4');
		const { json, error } = await f.run({ resource: 'customerCorner', operation: 'getFiles', fileIds: `${a}, ${b}` });
		expect(error).toBeUndefined();
		expect(f.lastRequest()!.path).toBe(`/api/customer-corner/file/${a},${b}`);
		expect(f.lastRequest()!.query).toEqual({ 'fileIds[0]': a, 'fileIds[1]': b });
		expect(json.map((x) => [x.id, x.name, x.type, x.size])).toEqual([
			[a, 'a.xbrl', '.xbrl', Buffer.byteLength(INSTANCE)],
			[b, 'b.pdf', '.pdf', 8],
		]);
		expect(json[0].sha256).toMatch(/^[0-9a-f]{64}$/);

		await f.run({ resource: 'inputImport', operation: 'hashSingleFile', fileSource: 'fileId', fileFileId: a });
		const history = await f.run({ resource: 'customerCorner', operation: 'getFileHistory', fileId: a });
		expect(f.lastRequest()!.path).toBe(`/api/customer-corner/file/${a}/history`);
		expect(history.json).toEqual([{ id: expect.any(String), fileId: a, action: 'Used', atTime: expect.any(String), properties: [] }]);

		const bad = await f.run({ resource: 'customerCorner', operation: 'getFiles', fileIds: `${a}, 42` });
		expect(bad.error?.message).toMatch(/"File IDs" › entry 2: must be a file ID \(UUID\)/);
	});
});

describe('Semansys Delivery and Status (confirmed)', () => {
	it('Digipoort: the report goes base64 in content with every documented field; the receipt comes back; Status asks by kenmerk', async () => {
		const delivered = await f.run(
			{ resource: 'delivery', operation: 'digipoort', reportBinaryProperty: 'data', identifier: '12345678', messageType: 'Jaarrekening', nameOfStakeholder: 'KvK', typeOfSender: 'Intermediar', fileName: '', certificateId: '' },
			{ input: withInstance() },
		);
		expect(delivered.error).toBeUndefined();
		const sent = f.lastRequest()!;
		expect(sent).toMatchObject({ method: 'POST', path: '/api/delivery/digipoort' });
		expect(sent.body).toEqual({ fileName: 'jaarrekening-2025.xbrl', content: b64(INSTANCE), identifier: '12345678', messageType: 'Jaarrekening', nameOfStakeholder: 'KvK', typeOfSender: 'Intermediar' });
		const kenmerk = (delivered.json[0].aanleverResponse as { kenmerk: string }).kenmerk;
		expect(f.sandbox.state.deliveries.get(kenmerk)?.content.toString()).toBe(INSTANCE);

		const status = await f.run({ resource: 'status', operation: 'digipoort', identifier: kenmerk, certificateId: 'cert-1' });
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/status/digipoort', body: { identifier: kenmerk, certificateId: 'cert-1' } });
		const returned = (status.json[0].getStatussenProcesResponse as { getStatussenProcesReturn: Array<{ statuscode: string }> }).getStatussenProcesReturn;
		expect(returned.map((s) => s.statuscode)).toEqual(['100', '200']);
	});

	it('SBR Nexus: documented fields and attachments from binary fields; Status with idOfSupplier', async () => {
		const delivered = await f.run(
			{
				resource: 'delivery',
				operation: 'sbrNexus',
				identifier: '123456782',
				messageType: 'Inkomstenbelasting',
				nameOfStakeholder: 'Bank',
				typeOfSender: 'Accountant',
				idOfStakeholder: '00000000123456780000',
				typeOfStakeholder: 'ID-ontvanger',
				idOfSupplier: 'SUP-1',
				attachmentFields: 'letter',
				fileName: 'ib-2025.xbrl',
			},
			{ input: withInstance({ letter: file('Dear bank', 'letter.txt', 'text/plain') }) },
		);
		expect(delivered.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({
			fileName: 'ib-2025.xbrl',
			content: b64(INSTANCE),
			identifier: '123456782',
			messageType: 'Inkomstenbelasting',
			nameOfStakeholder: 'Bank',
			idOfStakeholder: '00000000123456780000',
			typeOfStakeholder: 'ID-ontvanger',
			typeOfSender: 'Accountant',
			idOfSupplier: 'SUP-1',
			attachments: [{ name: 'letter.txt', content: b64('Dear bank') }],
		});
		const kenmerk = (delivered.json[0].aanleverResponse as { kenmerk: string }).kenmerk;
		expect(kenmerk).toMatch(/^BTP-/);
		const status = await f.run({ resource: 'status', operation: 'sbrNexus', identifier: kenmerk, idOfSupplier: 'SUP-1' });
		expect(f.lastRequest()!.body).toEqual({ identifier: kenmerk, idOfSupplier: 'SUP-1' });
		expect(status.json[0].errorMessage).toBeNull();
	});

	it('a missing binary field is named before anything is sent', async () => {
		const { error } = await f.run({ resource: 'delivery', operation: 'digipoort', reportBinaryProperty: 'nope', identifier: '1', messageType: 'Jaarrekening', nameOfStakeholder: 'KvK', typeOfSender: 'Accountant' }, { input: withInstance() });
		expect(error?.message).toMatch(/nope/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('HMRC status asks by correlationId (after an inferred HMRC delivery)', async () => {
		const delivered = await f.run({ resource: 'delivery', operation: 'hmrc', fileBinaryProperty: 'data', body: '{"utr": "1234567890"}', query: '{}' }, { input: withInstance() });
		expect(delivered.error).toBeUndefined();
		const correlationId = delivered.json[0].correlationId as string;
		const { json } = await f.run({ resource: 'status', operation: 'hmrc', correlationId });
		expect(f.lastRequest()).toMatchObject({ path: '/api/status/hmrc', body: { correlationId } });
		expect(json[0]).toEqual({ message: 'Submission accepted', acceptedTime: expect.any(String) });
	});
});

describe('Semansys HMRC, Instance, Input Import, Taxonomy (confirmed)', () => {
	/** The documented amount fields go into the body under their own names. */
	const amounts = {
		taxChargeable: 9500,
		netCorporationTaxChargeable: 9500,
		taxPayable: 9500,
		profitsBeforeOtherDeductions: 50000,
		profitsBeforeDonationsAndGroupRelief: 50000,
		totalReliefsAndDeductions: 0,
		lossesBroughtForward: 0,
		netProfits: 50000,
		financialYearProfit: 50000,
		financialYearTaxRate: 19,
	};
	const ct600 = {
		resource: 'hmrc',
		operation: 'buildCt600',
		companyName: 'Example Ltd',
		reference: 'REF-1',
		utrValue: '1234567890',
		periodFrom: '2025-01-01',
		periodTo: '2025-12-31T00:00:00',
		chargeableProfitsValue: 50000,
		chargeableProfitsCurrency: 1,
		returnType: 0,
		sender: 1,
		companyType: 0,
		...amounts,
	};

	it('Build CT600 sends the documented structure; Embed IRmark signs it, the XML comes back as binary', async () => {
		const built = await f.run(ct600);
		expect(built.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({
			companyName: 'Example Ltd',
			reference: 'REF-1',
			periodCovered: { from: '2025-01-01', to: '2025-12-31' },
			chargeableProfits: { currency: 1, value: 50000 },
			...amounts,
			returnType: 0,
			sender: 1,
			companyType: 0,
			utrValue: '1234567890',
		});
		const xml = built.items[0].binary!.xml;
		expect(xml.mimeType).toBe('application/xml');
		expect(built.json[0].xmlDoc).toBe('binary:xml');
		const ct600Doc = binaryBytes(xml).toString();
		expect(ct600Doc).toContain('<CompanyName>Example Ltd</CompanyName>');

		const signed = await f.run({ resource: 'hmrc', operation: 'embedIrmark', ct600BinaryProperty: 'xml' }, { input: [{ $binary: { xml: file(ct600Doc, 'ct600.xml') } }] });
		expect(signed.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ xmlDoc: b64(ct600Doc) });
		expect(signed.json[0]).toMatchObject({ irMark: expect.any(String), xmlDoc: 'binary:xml', originalXmlDoc: 'binary:originalXml' });
		expect(binaryBytes(signed.items[0].binary!.xml).toString()).toContain(`<IRmark Type="generic">${signed.json[0].irMark as string}</IRmark>`);
		expect(binaryBytes(signed.items[0].binary!.originalXml).toString()).toBe(ct600Doc);
		expect(signed.items[0].binary!.xml.fileName).toBe('ct600.xml');
	});

	it('Build CT600 checks dates and integer codes before sending', async () => {
		const { error } = await f.run({ ...ct600, periodTo: '31-12-2025', returnType: 1.5 });
		expect(error?.message).toBe('Invalid input in item 0: "Period To": must be a date such as 2025-12-31');
		expect(error?.description).toMatch(/"Return Type": must be a whole number/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('Compare sends master and child from two binary fields', async () => {
		const changed = INSTANCE.replace('>125000<', '>130000<');
		const { json, error } = await f.run(
			{ resource: 'instance', operation: 'compare', masterBinaryProperty: 'master', childBinaryProperty: 'child' },
			{ input: [{ $binary: { master: file(INSTANCE), child: file(changed) } }] },
		);
		expect(error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ filesToBeCompared: { master: b64(INSTANCE), child: b64(changed) } });
		expect(json[0]).toMatchObject({ validationType: 'Compare', compareResult: 'Different', messages: [{ messageText: 'kvk-i:Revenue (FY2025)', pair: { first: '125000', second: '130000' } }] });
	});

	it('Hash of Single File: content, name and extension from the binary file (or given)', async () => {
		const { json } = await f.run({ resource: 'inputImport', operation: 'hashSingleFile', fileBinaryProperty: 'data' }, { input: withInstance() });
		expect(f.lastRequest()!.body).toEqual({ idOrBase64Content: b64(INSTANCE), fileName: 'jaarrekening-2025', fileExtension: 'xbrl' });
		expect(json[0]).toMatchObject({ hashResult: { isReportingPackageHashValid: true, fileList: ['jaarrekening-2025.xbrl'] } });
		await f.run({ resource: 'inputImport', operation: 'hashSingleFile', fileBinaryProperty: 'data', fileName: 'pkg', fileExtension: 'zip' }, { input: withInstance() });
		expect(f.lastRequest()!.body).toMatchObject({ fileName: 'pkg', fileExtension: 'zip' });
	});

	it('Instance Data: schemaRef and base64Content; the facts come back as data rows', async () => {
		const schemaRef = 'https://www.nltaxonomie.nl/kvk/2024/entrypoints/kvk-rpt-jaarverantwoording-2024-nlgaap-micro.xsd';
		const { json, error } = await f.run({ resource: 'inputImport', operation: 'instanceData', instanceBinaryProperty: 'data', schemaRef }, { input: withInstance() });
		expect(error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ schemaRef, base64Content: b64(INSTANCE) });
		expect(json[0].entrypointFromInstance).toBe(schemaRef);
		expect((json[0].dataRows as Array<{ concept: string; value: string }>).map((r) => [r.concept, r.value])).toEqual([
			['kvk-i:Revenue', '125000'],
			['kvk-i:Equity', '40000'],
			['kvk-i:LegalEntityName', 'Voorbeeld BV'],
		]);
	});

	it('Report Extension: JSON body, isHashed in the query, the package Content as binary zip', async () => {
		const body = { extensionsData: { taxonomyExtensionMetaData: { targetNamespaceURI: 'http://example.com/ext', namespacePrefix: 'ext', baseTaxonomyEntryPoint: 'https://x/entry.xsd' }, extensionLinkRoles: [] } };
		const { json, items, error } = await f.run({ resource: 'taxonomy', operation: 'reportExtension', body: JSON.stringify(body), isHashed: true });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/taxonomy/report-extension', query: { isHashed: 'true' }, body });
		expect(items[0].binary!.data.mimeType).toBe('application/zip');
		expect(binaryBytes(items[0].binary!.data).subarray(0, 2).toString()).toBe('PK');
		expect(json[0].ReportingPackageHash).toMatch(/^[0-9a-f]{64}$/);

		const bad = await f.run({ resource: 'taxonomy', operation: 'reportExtension', body: '{"extensionsData": ' });
		expect(bad.error?.message).toBe('Invalid input in item 0: "Body (JSON)": must be valid JSON');
		const refused = await f.run({ resource: 'taxonomy', operation: 'reportExtension', body: '{"extensionsData": {}}' });
		expect(refused.error?.httpCode).toBe('400');
		expect(refused.error?.message).toBe('Semansys: extensionsData.taxonomyExtensionMetaData: is required');
	});
});

describe('Semansys operations confirmed by the second pass over the published pages', () => {
	const sha256 = (text: string) => require('node:crypto').createHash('sha256').update(text).digest('hex') as string;

	it('Check Hash Codes sends the required file name and extension (from the binary file), an optional hash, and answers at once', async () => {
		const { json, error } = await f.run({ resource: 'validation', operation: 'hashCodes', packageBinaryProperty: 'data', providedHash: sha256(INSTANCE) }, { input: withInstance() });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({
			method: 'POST',
			path: '/api/validation/hash-codes',
			body: { idOrBase64Content: Buffer.from(INSTANCE).toString('base64'), fileName: 'jaarrekening-2025', fileExtension: '.xbrl', providedHash: sha256(INSTANCE) },
		});
		expect(json[0]).toMatchObject({ hashResult: { reportingPackageHash: sha256(INSTANCE), isReportingPackageHashValid: true, fileList: ['jaarrekening-2025.xbrl'] } });
		expect(f.sandbox.requests.filter((r) => r.path.includes('/validation/status'))).toEqual([]);

		const wrong = await f.run({ resource: 'validation', operation: 'hashCodes', packageBinaryProperty: 'data', fileName: 'package', fileExtension: '.xbr', providedHash: 'not-the-hash' }, { input: withInstance() });
		expect(f.lastRequest()!.body).toMatchObject({ fileName: 'package', fileExtension: '.xbr' });
		expect(wrong.json[0]).toMatchObject({ hashResult: { isReportingPackageHashValid: false } });
	});

	it('Check Hash Codes with a Customer Corner file ID and no file name is refused by Semansys with the field named', async () => {
		const id = f.sandbox.control.storeFile('p.xbri', INSTANCE);
		const { error } = await f.run({ resource: 'validation', operation: 'hashCodes', packageSource: 'fileId', packageFileId: id });
		expect(error?.message).toMatch(/fileName: is required/);
	});

	it('Set User Role sends the e-mail address and the role as a number, and names the role', async () => {
		const { json, error } = await f.run({ resource: 'customerCorner', operation: 'setUserRole', email: 'clerk@example.nl', role: 4 });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/customer-corner/user-role', body: { email: 'clerk@example.nl', role: 4 } });
		expect(json[0]).toEqual({ email: 'clerk@example.nl', role: 4, roleName: 'Guest', message: 'Role 4 set for clerk@example.nl' });
		expect(f.sandbox.state.userRoles.get('clerk@example.nl')).toBe(4);
		const bad = await f.run({ resource: 'customerCorner', operation: 'setUserRole', email: 'clerk@example.nl', role: 9 });
		expect(bad.error?.message).toMatch(/"Role": must be a role from 1 to 5/);
	});

	it('Type of Sender takes any text ("intermediar, accountant etc."), and is still required', async () => {
		const base = { resource: 'delivery', operation: 'digipoort', reportBinaryProperty: 'data', identifier: '12345678', messageType: 'Jaarrekening', nameOfStakeholder: 'KvK' };
		const other = await f.run({ ...base, typeOfSender: 'Fiscalist' }, { input: withInstance() });
		expect(other.error).toBeUndefined();
		expect(f.lastRequest()!.body).toMatchObject({ typeOfSender: 'Fiscalist' });
		const empty = await f.run({ ...base, typeOfSender: ' ' }, { input: withInstance() });
		expect(empty.error?.message).toMatch(/"Type of Sender": /);
	});

	it('Get Delivery Messages: one item per message type, with its receivers and entry points', async () => {
		const { json, error } = await f.run({ resource: 'customerCorner', operation: 'getDeliveryMessages' });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'GET', path: '/api/customer-corner/delivery/messages' });
		expect(json.map((m) => `${m.portal}: ${m.name}`)).toEqual(['Digipoort: Jaarrekening', 'Digipoort: VPB-aangifte', 'SBR Nexus: Inkomstenbelasting', 'SBR Nexus: Kredietrapportage']);
		expect(json[1]).toMatchObject({ receivers: [expect.objectContaining({ name: 'Belastingdienst' })], entryPoints: [expect.objectContaining({ entrypoint: expect.stringContaining('.xsd') })] });
	});
});
