import { multipartBody } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/files';
import { uploadTerms } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/resources/companySettings/terms';
import type { RequestTools } from '@n8n-nodes-eu-finance/shared/operations';
import { parseMultipart } from '../sandbox/framework';
import { tniClient } from '../sandbox/thenextinvoice/test-client';
import { useTni } from './setup';

const f = useTni();
let company: number;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
});

const settings = () => f.sandbox.state.settings.get(company)!;
const op = (operation: string, parameters: Record<string, unknown> = {}) => f.run({ resource: 'companySetting', operation, ...parameters } as never);

/** Binary input cannot come through runNode (JSON items only): the request builder gets a fake file. */
const toolsWith = (file: { data: Buffer; fileName: string; mimeType: string }): RequestTools => ({
	binary: async (name) => {
		if (name !== 'data') throw new Error(`no binary property ${name}`);
		return file;
	},
	uuid: () => '00000000-0000-4000-8000-000000000000',
});

describe('TheNextInvoice company settings', () => {
	it('gets and updates the numbering (only the given numbers are sent)', async () => {
		const got = await op('getNumbering');
		expect(got.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/numbers']);
		expect(got.json[0]).toEqual({ ...settings().numbers });

		const updated = await op('updateNumbering', { updateFields: { invoice: ' 202700100 ' } });
		expect(updated.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', body: { invoice: '202700100' } });
		expect(f.lastRequest()!.body).not.toHaveProperty('quotation');
		expect(updated.json[0]).toMatchObject({ invoice: '202700100' });
		expect(settings().numbers.invoice).toBe('202700100');
	});

	it('refuses an empty numbering update before sending', async () => {
		const { error } = await op('updateNumbering', { updateFields: {} });
		expect(error?.message).toMatch(/Invalid input in item 0: "Update Fields": add at least one field to change/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('gets and updates the debit ledger number', async () => {
		expect((await op('getDebitLedger')).json[0]).toEqual({ ledgerNumber: settings().ledgerNumberDebit });
		const { json, error } = await op('updateDebitLedger', { ledgerNumber: 1300 });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', path: '/api/v1/settings/ledgernumberdebit', body: { ledgerNumber: 1300 } });
		expect(json[0]).toEqual({ ledgerNumber: 1300 });
		expect(settings().ledgerNumberDebit).toBe(1300);
		const bad = await op('updateDebitLedger', { ledgerNumber: 13.5 });
		expect(bad.error?.message).toMatch(/"Ledger Number": must be a whole number/);
	});

	it('updates the SEPA creditor: the values not given are kept (the PUT validates all three together)', async () => {
		const sepa = { creditor_name: 'Bakkerij Jansen B.V.', iban: 'NL91 ABNA 0417 1643 00', creditor_identifier: 'nl98zzz999999990000' };
		const first = await op('updateSepaCreditor', { updateFields: sepa });
		expect(first.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/sepa', 'PUT /settings/sepa']);
		const normalised = { creditor_name: 'Bakkerij Jansen B.V.', iban: 'NL91ABNA0417164300', creditor_identifier: 'NL98ZZZ999999990000' };
		expect(f.lastRequest()!.body).toEqual(normalised);
		expect(first.json[0]).toMatchObject({ ...normalised, message: 'SEPA information updated' });

		f.sandbox.clearRequests();
		const renamed = await op('updateSepaCreditor', { updateFields: { creditor_name: 'Jansen Brood B.V.' } });
		expect(renamed.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ ...normalised, creditor_name: 'Jansen Brood B.V.' });
		expect((await op('getSepaCreditor')).json[0]).toMatchObject({ ...normalised, creditor_name: 'Jansen Brood B.V.' });

		const cleared = await op('clearSepaCreditor');
		expect(cleared.error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ creditor_name: '', iban: '', creditor_identifier: '' });
		expect(settings().sepa).toMatchObject({ creditor_name: '', iban: '', creditor_identifier: '' });
	});

	it('rejects a mistyped IBAN and a long creditor name without sending', async () => {
		const iban = await op('updateSepaCreditor', { updateFields: { iban: 'NL92ABNA0417164300' } });
		expect(iban.error?.message).toMatch(/"Update Fields" › IBAN: is not a valid IBAN/);
		const name = await op('updateSepaCreditor', { updateFields: { creditor_name: 'x'.repeat(71) } });
		expect(name.error?.message).toMatch(/Creditor Name: must be at most 70 characters/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('updates one payment message and keeps the other (both are required by the PUT)', async () => {
		const before = await op('getPaymentMessages');
		expect(before.json[0]).toEqual({ ...settings().payment });
		f.sandbox.clearRequests();
		const { json, error } = await op('updatePaymentMessages', { updateFields: { success_message: 'Dank je wel!' } });
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/payment', 'PUT /settings/payment']);
		expect(f.lastRequest()!.body).toEqual({ message: before.json[0].message, success_message: 'Dank je wel!' });
		expect(json[0]).toEqual({ message: before.json[0].message, success_message: 'Dank je wel!' });
	});

	it('enables and disables Peppol', async () => {
		expect((await op('getPeppol')).json[0]).toMatchObject({ enabled: false });
		const on = await op('updatePeppol', { enabled: true });
		expect(on.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', path: '/api/v1/settings/peppol', body: { enabled: true } });
		expect(on.json[0]).toMatchObject({ enabled: true });
		expect(settings().peppol.enabled).toBe(true);
		await op('updatePeppol', { enabled: false });
		expect(settings().peppol.enabled).toBe(false);
	});

	it('uploads terms through the node from an input binary item (multipart "file")', async () => {
		const doc = Buffer.from('%PDF-1.4 terms through the node\n%%EOF');
		const input = [{ $binary: { data: { base64: doc.toString('base64'), fileName: 'terms.pdf', mimeType: 'application/pdf' } } }];
		const { json, error } = await f.run({ resource: 'companySetting', operation: 'uploadTerms', binaryPropertyName: 'data' }, { input });
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /settings/termsandconditions']);
		expect(f.lastRequest()!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(json[0]).toMatchObject({ uploaded: true });
		expect(settings().terms).toMatchObject({ filename: 'terms.pdf', contentType: 'application/pdf' });
		expect(settings().terms!.data.equals(doc)).toBe(true);
	});

	it('uploads terms as multipart (built by the node), downloads them as binary, deletes them', async () => {
		const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 255, 13, 10]), Buffer.from('\n%%EOF')]);
		const spec = await uploadTerms.request!({ binaryPropertyName: 'data' }, toolsWith({ data: pdf, fileName: 'algemene "voorwaarden".pdf', mimeType: 'application/pdf' }));
		expect(spec).toMatchObject({ method: 'POST', path: '/settings/termsandconditions' });
		expect(spec.headers!['Content-Type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
		// What the node sends, sent to the sandbox as is.
		const answer = await tniClient(f.sandbox).post(spec.path, spec.rawBody, { headers: spec.headers });
		expect(answer.status).toBe(200);
		expect(settings().terms).toMatchObject({ filename: 'algemene "voorwaarden".pdf', contentType: 'application/pdf' });
		expect(settings().terms!.data.equals(pdf)).toBe(true);

		f.sandbox.clearRequests();
		expect((await op('checkTerms')).json[0]).toEqual({ exists: true });
		expect(f.apiCalls()).toEqual(['HEAD /settings/termsandconditions']);
		f.sandbox.clearRequests();
		const { items, error } = await op('downloadTerms', { binaryPropertyName: 'terms' });
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/termsandconditions']);
		// The name TheNextInvoice gives in Content-Disposition (the uploaded one), quotes and all.
		expect(items[0].binary?.terms).toMatchObject({ mimeType: 'application/pdf', fileName: 'algemene "voorwaarden".pdf' });
		expect(Buffer.from(items[0].binary!.terms.data, 'base64').equals(pdf)).toBe(true);

		const deleted = await op('deleteTerms');
		expect(deleted.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: '/api/v1/settings/termsandconditions' });
		expect(deleted.json[0]).toMatchObject({ deleted: true });
		const none = await op('downloadTerms', { binaryPropertyName: 'data' });
		expect(none.error?.description).toMatch(/HTTP 404/);
		const check = await op('checkTerms');
		expect(check.error).toBeUndefined();
		expect(check.json[0]).toEqual({ exists: false });
	});

	it('multipartBody: text fields and one file, each boundary random', () => {
		const a = multipartBody({ note: 'hello' }, { data: Buffer.from('abc'), fileName: 'a.txt', mimeType: 'text/plain' });
		const b = multipartBody({}, { data: Buffer.from('abc'), fileName: 'a.txt', mimeType: '' });
		expect(a.contentType).not.toBe(b.contentType);
		const parts = parseMultipart(a.contentType, a.body)!;
		expect(parts.map((p) => [p.name, p.filename, p.contentType, p.data.toString()])).toEqual([
			['note', undefined, undefined, 'hello'],
			['file', 'a.txt', 'text/plain', 'abc'],
		]);
		expect(parseMultipart(b.contentType, b.body)![0].contentType).toBe('application/octet-stream');
	});
});
