import type { AxiosInstance } from 'axios';
import { parseMultipart } from '../sandbox/framework';
import { startTheNextInvoiceSandbox, type TheNextInvoiceSandbox } from '../sandbox/thenextinvoice';
import { tniClient } from '../sandbox/thenextinvoice/test-client';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');

function multipart(files: { field: string; filename: string; type: string; data: Buffer }[], fields: Record<string, string> = {}) {
	const boundary = '----tni-sandbox-boundary';
	const chunks: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	for (const file of files) {
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
		chunks.push(file.data, Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

describe('framework parseMultipart', () => {
	it('parses fields and binary files, and rejects malformed bodies', () => {
		const { body, headers } = multipart([{ field: 'file', filename: 'my logo.png', type: 'image/png', data: PNG }], { note: 'x\r\ny' });
		const parts = parseMultipart(headers['Content-Type'], body)!;
		expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
			['note', undefined, undefined],
			['file', 'my logo.png', 'image/png'],
		]);
		expect(parts[0].data.toString()).toBe('x\r\ny');
		expect(parts[1].data.equals(PNG)).toBe(true);
		expect(parseMultipart('application/json', body)).toBeUndefined();
		expect(parseMultipart(headers['Content-Type'], body.subarray(0, body.length - 10))).toBeUndefined();
	});
});

describe('TheNextInvoice sandbox: settings, profiles, e-mail, SMS, attachments', () => {
	let sandbox: TheNextInvoiceSandbox;
	let api: AxiosInstance;

	beforeEach(async () => {
		sandbox = await startTheNextInvoiceSandbox();
		api = tniClient(sandbox);
	});
	afterEach(() => sandbox.close());

	it('reads and updates numbers, debit ledger, SEPA creditor, payment messages, Peppol and SMS', async () => {
		expect((await api.put('/settings/numbers', { invoice: '202600100' })).data.data.invoice).toBe('202600100');
		const invoice = sandbox.control.createInvoice();
		expect(invoice.number).toBe('202600100');
		expect((await api.get('/settings/numbers')).data.data.invoice).toBe('202600101');

		expect((await api.get('/settings/ledgernumberdebit')).data.data).toEqual({ ledgerNumber: 1000 });
		expect((await api.put('/settings/ledgernumberdebit', { ledgerNumber: 1300 })).data.data).toEqual({ ledgerNumber: 1300 });
		expect((await api.put('/settings/ledgernumberdebit', {})).status).toBe(400);

		expect((await api.put('/settings/sepa', { creditor_name: 'ACME B.V.', iban: 'NL00BANK0123456789', creditor_identifier: 'NL98ZZZ999999990000' })).status).toBe(400);
		const sepa = await api.put('/settings/sepa', { creditor_name: 'ACME B.V.', iban: 'NL91ABNA0417164300', creditor_identifier: 'NL98ZZZ999999990000' });
		expect(sepa.data.data).toBe('SEPA information updated');
		expect((await api.get('/settings/sepa')).data.data).toMatchObject({ company_id: sandbox.companyIds[0], iban: 'NL91ABNA0417164300' });
		expect((await api.put('/settings/sepa', { creditor_name: '', iban: '', creditor_identifier: '' })).status).toBe(200);

		expect((await api.put('/settings/payment', { message: 'Pay {invoicenumber}' })).status).toBe(400);
		expect((await api.put('/settings/payment', { message: 'Pay', success_message: 'Thanks' })).data.data).toEqual({ message: 'Pay', success_message: 'Thanks' });
		expect((await api.put('/settings/peppol', { enabled: true })).data.data).toEqual({ id: expect.any(Number), company_id: sandbox.companyIds[0], enabled: true });
		expect((await api.put('/settings/sms', { enabled: 'yes' })).status).toBe(400);
		expect((await api.get('/settings/sms/count')).data.data).toEqual({ last: 0, current: 0, total: 0 });
	});

	it('stores one terms & conditions document uploaded as multipart/form-data', async () => {
		expect((await api.head('/settings/termsandconditions')).status).toBe(404);
		expect((await api.get('/settings/termsandconditions')).status).toBe(404);
		const pdf = Buffer.from('%PDF-1.4\n%terms\n%%EOF\n');
		const upload = multipart([{ field: 'file', filename: 'terms.pdf', type: 'application/pdf', data: pdf }]);
		expect((await api.post('/settings/termsandconditions', upload.body, { headers: upload.headers })).status).toBe(200);
		expect((await api.head('/settings/termsandconditions')).status).toBe(200);
		const download = await api.get('/settings/termsandconditions', { responseType: 'arraybuffer' });
		expect(download.headers['content-type']).toBe('application/pdf');
		expect(download.headers['content-disposition']).toBe('attachment; filename="terms.pdf"');
		expect(Buffer.from(download.data).equals(pdf)).toBe(true);

		const two = multipart([
			{ field: 'file', filename: 'a.pdf', type: 'application/pdf', data: pdf },
			{ field: 'file2', filename: 'b.pdf', type: 'application/pdf', data: pdf },
		]);
		expect((await api.post('/settings/termsandconditions', two.body, { headers: two.headers })).status).toBe(400);
		expect((await api.post('/settings/termsandconditions', { file: 'x' })).status).toBe(400);
		expect((await api.delete('/settings/termsandconditions')).status).toBe(200);
		expect((await api.head('/settings/termsandconditions')).status).toBe(404);
	});

	it('manages profiles: 401 for unknown reads, 404 for unknown mutations, 403 for deleting the default', async () => {
		const profiles = (await api.get('/settings/profile')).data.data;
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({ name: 'Default Profile', default: true, logo: null, expiration: 14, peppol_verified: false });
		expect((await api.get('/settings/profile/default')).data.data.id).toBe(profiles[0].id);

		const id = (await api.post('/settings/profile', {})).data.data;
		expect(id).toEqual(expect.any(Number));
		expect((await api.put(`/settings/profile/${id}`, { name: 'Shop', expiration: 30 })).data.data).toBe(id);
		const sender = { companyName: 'Shop B.V.', address: 'Street 1', postalCode: '1011AB', city: 'Amsterdam', country: 'NL', email: 'shop@example.com', config: { showVat: true } };
		expect((await api.put(`/settings/profile/${id}/sender`, { ...sender, country: 'nl' })).status).toBe(400);
		expect((await api.put(`/settings/profile/${id}/sender`, sender)).data.data).toBe(id);
		expect((await api.put(`/settings/profile/${id}/text`, { footer: 'Footer' })).data.data).toBe(id);
		expect((await api.put(`/settings/profile/${id}/invoice`, { logo_position: 'center', margin_global: 10, margin_header: 5, sender_position: 'left' })).data.data).toBe(id);
		expect((await api.put(`/settings/profile/${id}/invoice`, { logo_position: 'top', margin_global: 10, margin_header: 5, sender_position: 'left' })).status).toBe(400);
		expect((await api.put(`/settings/profile/${id}/sending`, { email_text_id: 999 })).status).toBe(400);
		expect((await api.get(`/settings/profile/${id}`)).data.data).toMatchObject({ name: 'Shop', expiration: 30, companyName: 'Shop B.V.', footer: 'Footer', logo_position: 'center' });

		const unknownRead = await api.get('/settings/profile/9999');
		expect(unknownRead.status).toBe(401);
		expect(unknownRead.data).toEqual({ success: false, error: { code: 401, message: expect.any(String) } });
		expect((await api.get('/settings/profile/9999.png')).status).toBe(401);
		expect((await api.put('/settings/profile/9999', { name: 'x' })).status).toBe(404);
		expect((await api.delete('/settings/profile/9999')).status).toBe(404);

		expect((await api.delete(`/settings/profile/${profiles[0].id}`)).status).toBe(403);
		expect((await api.post(`/settings/profile/${id}/default`)).data.data).toBe(id);
		expect((await api.delete(`/settings/profile/${profiles[0].id}`)).status).toBe(200);
		expect((await api.delete(`/settings/profile/${id}`)).status).toBe(403);
	});

	it('uploads, serves (data URI) and removes a profile logo; rejects other media types with 415', async () => {
		const id = (await api.get('/settings/profile/default')).data.data.id;
		expect((await api.get(`/settings/profile/${id}.png`)).status).toBe(404);
		const logo = multipart([{ field: 'file', filename: 'logo.png', type: 'image/png', data: PNG }]);
		expect((await api.post(`/settings/profile/${id}/logo`, logo.body, { headers: logo.headers })).data.data).toBe(id);
		expect((await api.get(`/settings/profile/${id}`)).data.data.logo).toBe(`${id}.png`);
		expect((await api.get('/company')).data.data[0].logo).toBe(`${id}.png`);
		expect((await api.get(`/settings/profile/${id}.png`)).data.data).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
		const text = multipart([{ field: 'file', filename: 'logo.txt', type: 'text/plain', data: Buffer.from('hello') }]);
		expect((await api.put(`/settings/profile/${id}/logo`, text.body, { headers: text.headers })).status).toBe(415);
		expect((await api.delete(`/settings/profile/${id}/logo`)).status).toBe(200);
		expect((await api.get(`/settings/profile/${id}.png`)).status).toBe(404);
	});

	it('adds and verifies e-mail addresses, manages e-mail and SMS templates and attachments', async () => {
		const address = (await api.post('/settings/email/address', { type: 'from', email: 'new@example.com' })).data.data;
		expect(address).toEqual({ id: expect.any(Number), type: 'from', email: 'new@example.com', verified: false });
		expect((await api.post('/settings/email/address', { type: 'bcc', email: 'x@example.com' })).status).toBe(400);
		const key = sandbox.control.emailVerificationKey(address.id);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect((await api.post('/settings/email/verify', { email: 'new@example.com', key: 'wrong', company: sandbox.companyIds[0] })).status).toBe(400);
		expect((await api.post('/settings/email/verify', { email: 'new@example.com', key, company: sandbox.companyIds[0] })).status).toBe(200);
		expect((await api.get('/settings/email/address')).data.data[0].verified).toBe(true);
		expect((await api.delete(`/settings/email/address/${address.id}/cc`)).status).toBe(404);
		expect((await api.delete(`/settings/email/address/${address.id}/from`)).status).toBe(200);

		const template = (await api.post('/settings/email/text', { subject: 'Invoice {invoicenumber}', name: 'Default', text: '<p>Dear</p>' })).data.data;
		expect(template).toEqual({ id: expect.any(Number), subject: 'Invoice {invoicenumber}', name: 'Default', text: '<p>Dear</p>' });
		expect((await api.put(`/settings/email/text/${template.id}`, { subject: 's', name: 'n', text: 't' })).data.data.subject).toBe('s');
		expect((await api.get(`/settings/email/text/${template.id}`)).data.data.name).toBe('n');
		expect((await api.delete(`/settings/email/text/${template.id}`)).status).toBe(200);
		expect((await api.get(`/settings/email/text/${template.id}`)).status).toBe(404);

		expect((await api.post('/settings/sms/text', { name: 'Reminder', text: 'Please pay' })).status).toBe(400);
		const sms = (await api.post('/settings/sms/text', { name: 'Reminder', text: 'Please pay via {paymentlink}' })).data.data;
		expect(sms).toEqual({ id: expect.any(Number), name: 'Reminder', text: 'Please pay via {paymentlink}' });
		expect((await api.get('/settings/sms/text')).data.data).toHaveLength(1);

		const attachment = await api.post('/settings/attachments', { name: 'General terms', filename: 'terms.pdf', content: Buffer.from('%PDF').toString('base64') });
		expect(attachment.data.data).toEqual({ id: expect.any(Number), name: 'General terms', filename: 'terms.pdf' });
		expect((await api.post('/settings/attachments', { name: 'x', filename: 'x.pdf', content: 'not base64!' })).status).toBe(400);
		expect((await api.put(`/settings/attachments/${attachment.data.data.id}`, { filename: 'new.pdf' })).status).toBe(400);
		expect((await api.put(`/settings/attachments/${attachment.data.data.id}`, { name: 'Terms' })).data.data.name).toBe('Terms');
		expect((await api.put(`/settings/profile/default/sending`, { email_attachment_id: attachment.data.data.id, sms_text_id: sms.id })).status).toBe(200);
		expect((await api.delete(`/settings/attachments/${attachment.data.data.id}`)).status).toBe(200);
		expect((await api.delete(`/settings/attachments/${attachment.data.data.id}`)).status).toBe(404);
	});
});
