import { randomUUID } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import { startTheNextInvoiceSandbox, type TheNextInvoiceSandbox } from '../sandbox/thenextinvoice';
import { tniClient } from '../sandbox/thenextinvoice/test-client';

describe('TheNextInvoice sandbox: invoices', () => {
	let sandbox: TheNextInvoiceSandbox;
	let api: AxiosInstance;
	let customerId: number;
	let vat21: number;
	let ledger: number;
	let profile: number;

	const invoiceBody = (overrides: Record<string, unknown> = {}) => ({
		discount: 0,
		includesVat: false,
		lines: [
			{ description: 'Product 1', ledger, price: 100, quantity: 1, vat: vat21 },
			{ description: 'Description-only line', ledger: null, price: null, quantity: null, vat: null },
		],
		meta: { currency: 'EUR', dueDate: '2030-05-27', language: 'nl', sendDate: '2026-03-28' },
		receiver: customerId,
		sender: profile,
		status: 0,
		text: { bottom: 'Thank you for your order.', footer: '', top: 'This invoice is for item 1425' },
		type: '',
		...overrides,
	});

	beforeEach(async () => {
		sandbox = await startTheNextInvoiceSandbox();
		api = tniClient(sandbox);
		customerId = Number(sandbox.control.createCustomer({ companyname: 'ACME B.V.', phone: '+31612345678' }).id);
		vat21 = (await api.get('/settings/vatcodes')).data.data.find((v: any) => v.factor === 1.21).id;
		ledger = (await api.get('/settings/ledgernumbers')).data.data[0].id;
		profile = [...sandbox.state.profiles.values()].find((p) => p.companyId === sandbox.companyIds[0])!.id;
	});
	afterEach(() => sandbox.close());

	it('creates a draft (receiver/sender/calculated null) and finalizes it with the next number', async () => {
		const created = await api.post('/invoice', invoiceBody());
		expect(created.status).toBe(200);
		expect(created.data).toEqual({ success: true, data: expect.any(Number) });
		const id = created.data.data;

		const draft = (await api.get(`/invoice/${id}`)).data.data;
		expect(draft).toMatchObject({ id, company: sandbox.companyIds[0], number: null, status: 0, type: '', receiver: null, sender: null, calculated: null });
		expect(draft.lines).toHaveLength(2);

		expect((await api.post(`/invoice/${id}/send`)).data).toEqual({ success: true, data: id });
		const finalized = (await api.get(`/invoice/${id}`)).data.data;
		expect(finalized).toMatchObject({ status: 1, receiver: customerId, sender: profile });
		expect(finalized.number).toMatch(/^\d{9}$/);
		expect(finalized.calculated).toEqual({ totalExclVat: 100, totalInclVat: 121, discountApplied: 0, vatApplied: 21, vatTotals: { '21': 21 } });
		expect((await api.put(`/invoice/${id}`, invoiceBody())).status).toBe(500); // finalized invoices cannot be updated
		expect((await api.post(`/invoice/${id}/send`)).status).toBe(400);

		const second = (await api.post('/invoice', invoiceBody({ status: 1 }))).data.data;
		expect(Number((await api.get(`/invoice/${second}`)).data.data.number)).toBe(Number(finalized.number) + 1);
		expect(sandbox.stats.creates.invoice).toBe(2);
	});

	it('returns the same invoice for a repeated creationToken (no duplicate)', async () => {
		const creationToken = randomUUID();
		const first = await api.post('/invoice', invoiceBody({ creationToken }));
		const again = await api.post('/invoice', invoiceBody({ creationToken, discount: 50 }));
		expect(again.status).toBe(200);
		expect(again.data.data).toBe(first.data.data);
		expect((await api.get('/invoice/search', { params: { type: 'draft' } })).data.data.total_items).toBe(1);
		expect(sandbox.stats.creates.invoice).toBe(1);
		expect((await api.post('/invoice', invoiceBody({ creationToken: randomUUID() }))).data.data).not.toBe(first.data.data);
	});

	it('lets a client retry a create whose answer was lost without a duplicate (dropAfterHandling + creationToken)', async () => {
		sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/v1/invoice' } });
		const creationToken = randomUUID();
		await expect(api.post('/invoice', invoiceBody({ creationToken, status: 1 }))).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect(sandbox.state.invoices.size).toBe(1); // committed although the client saw no answer
		const retried = await api.post('/invoice', invoiceBody({ creationToken, status: 1 }));
		expect(retried.data).toEqual({ success: true, data: [...sandbox.state.invoices.keys()][0] });
		expect(sandbox.state.invoices.size).toBe(1);
	});

	it('validates the invoice body with 400 in the envelope', async () => {
		const invalid = await api.post('/invoice', invoiceBody({ receiver: 999999, lines: [{ description: 'x', ledger: null, price: 1, quantity: 1, vat: null }] }));
		expect(invalid.status).toBe(400);
		expect(invalid.data).toEqual({ success: false, error: { code: 400, message: expect.stringContaining('receiver 999999') } });
		expect((await api.post('/invoice', { discount: 0 })).status).toBe(400);
		expect((await api.post('/invoice', invoiceBody({ type: 'X' }))).status).toBe(400);
	});

	it('paginates invoice search with numeric keys and applies the documented filters', async () => {
		const ids: number[] = [];
		for (let i = 0; i < 25; i++) ids.push((await api.post('/invoice', invoiceBody({ status: 1, lines: [{ description: `Item ${i}`, ledger, price: 10 * (i + 1), quantity: 1, vat: vat21 }] }))).data.data);
		const page1 = (await api.get('/invoice/search')).data.data;
		expect(Object.keys(page1).sort()).toEqual(['current', 'first', 'items', 'last', 'limit', 'next', 'previous', 'total_items'].sort());
		expect(page1).toMatchObject({ current: 1, first: 1, previous: 1, next: 2, last: 2, limit: 20, total_items: 25 });
		expect(page1.items).toHaveLength(20);
		const page2 = (await api.get('/invoice/search', { params: { page: 2 } })).data.data;
		expect(page2).toMatchObject({ current: 2, previous: 1, next: 2, last: 2 });
		expect(page2.items).toHaveLength(5);
		expect((await api.get('/invoice/search', { params: { limit: 101 } })).status).toBe(400);

		const reversed = (await api.get('/invoice/search', { params: { order: 'amount', reverse: true, limit: 3 } })).data.data.items;
		expect(reversed.map((i: any) => i.calculated.totalExclVat)).toEqual([250, 240, 230]);
		const byAmount = (await api.get('/invoice/search', { params: { minamount: 100, maxamount: 150 } })).data.data;
		expect(byAmount.items.map((i: any) => i.calculated.totalInclVat)).toEqual([108.9, 121, 133.1, 145.2]);
		expect((await api.get('/invoice/search', { params: { term: 'Item 7' } })).data.data.total_items).toBe(1);

		sandbox.control.markPaid(ids[0]);
		sandbox.control.markPastDue(ids[1]);
		const search = (status: string) => api.get('/invoice/search', { params: { status } });
		expect((await search('paid')).data.data.items.map((i: any) => i.id)).toEqual([ids[0]]);
		expect((await search('pastdue')).data.data.items.map((i: any) => i.id)).toEqual([ids[1]]);
		expect((await search('paid,pastdue')).data.data.total_items).toBe(2);
		expect((await search('open')).data.data.total_items).toBe(24);
		expect((await search('open,paid,pastdue,credit,credited,booked')).status).toBe(400); // at most 5
		expect((await search('bogus')).status).toBe(400);

		const totals = await api.get('/invoice/totals', { params: { status: 'paid' } });
		expect(totals.data).toEqual({ success: true, data: { EUR: { amount_incl: 12.1, amount_excl: 10 } } });
		expect((await api.get('/invoice/totals', { params: { type: 'quotation' } })).status).toBe(404);
	});

	it('finds drafts of a customer by customer_id although receiver is null', async () => {
		const other = Number(sandbox.control.createCustomer({ companyname: 'Other' }).id);
		await api.post('/invoice', invoiceBody());
		await api.post('/invoice', invoiceBody({ receiver: other }));
		const drafts = (await api.get('/invoice/search', { params: { type: 'draft', customer_id: customerId } })).data.data;
		expect(drafts.total_items).toBe(1);
		expect(drafts.items[0].receiver).toBeNull();
	});

	it('runs bulk actions on comma-separated ids and 404s (changing nothing) on an unknown id', async () => {
		const ids = [];
		for (let i = 0; i < 3; i++) ids.push((await api.post('/invoice', invoiceBody({ status: 1 }))).data.data);
		const booked = await api.post(`/invoice/${ids.join(',')}/book`);
		expect(booked.data).toEqual({ success: true, data: 'Updated the booking queue' });
		expect((await api.get('/invoice/search', { params: { status: 'booked' } })).data.data.total_items).toBe(3);
		expect((await api.post(`/invoice/${ids[0]},${ids[1]}/remind`)).status).toBe(200);
		expect((await api.get(`/invoice/${ids[0]}/status`)).data.data.reminder).toEqual({ status: true, count: '1', time: expect.any(String) });

		expect((await api.delete(`/invoice/${ids[0]},999999`)).status).toBe(404);
		expect((await api.get(`/invoice/${ids[0]}`)).status).toBe(200);
		expect((await api.delete(`/invoice/${ids[0]},${ids[1]}`)).data).toEqual({ success: true, data: 'Invoice(s) deleted' });
		expect((await api.get(`/invoice/${ids[0]}`)).status).toBe(404);
		expect((await api.get('/invoice/search')).data.data.total_items).toBe(1);
		expect((await api.delete('/invoice/1,abc')).status).toBe(400);

		expect((await api.post(`/invoice/${ids[2]}/approve`)).status).toBe(400); // not a quotation
		const quotation = sandbox.control.createInvoice({}, { kind: 'quotation' });
		expect((await api.post(`/invoice/${quotation.id}/approve`)).data.data).toBe('Invoice(s) approved');
		expect((await api.post(`/invoice/${ids[2]}/queue`, { subject: 'Invoice {invoicenumber}' })).status).toBe(400);
		expect((await api.post(`/invoice/${ids[2]}/queue`, { subject: 'S', body: 'B' })).data.data).toBe('Invoices added to queue');
		const batch = await api.post(`/invoice/${ids[2]}/sepa`, { date: '2026-12-01' });
		expect(batch.data.data).toMatchObject({ id: expect.any(Number), date: '2026-12-01', invoices: [ids[2]] });
		expect((await api.post(`/invoice/${ids[2]}/sepa`, { date: 'tomorrow' })).status).toBe(400);
	});

	it('credits, registers and removes payments, comments and reports the status', async () => {
		const id = (await api.post('/invoice', invoiceBody({ status: 1 }))).data.data;
		const credit = await api.post(`/invoice/${id}/credit`);
		expect(credit.status).toBe(201);
		const creditInvoice = (await api.get(`/invoice/${credit.data.data}`)).data.data;
		expect(creditInvoice).toMatchObject({ type: 'C', status: 1, calculated: { totalInclVat: -121 } });
		expect((await api.post(`/invoice/${id}/credit`)).status).toBe(400);
		expect((await api.get('/invoice/search', { params: { status: 'credited' } })).data.data.items[0].id).toBe(id);

		const other = (await api.post('/invoice', invoiceBody({ status: 1 }))).data.data;
		const method = (await api.get('/settings/paymentmethods')).data.data[0].id;
		expect((await api.post(`/invoice/${other}/payment`, { method, date: '2026-04-16' })).status).toBe(201);
		expect((await api.post(`/invoice/${other}/payment`, { method, date: '2026-04-16' })).status).toBe(409);
		expect((await api.post(`/invoice/${other}/payment`, { method: 999, date: '2026-04-16' })).status).toBe(404);
		const comment = await api.post(`/invoice/${other}/comment`, { message: 'This is a nice comment' });
		expect(comment.data.data).toEqual({ id: expect.any(Number), invoice_id: other, user_id: 1, time: expect.any(String), message: 'This is a nice comment' });
		const status = (await api.get(`/invoice/${other}/status`)).data.data;
		expect(status.invoice).toEqual({ state: 'paid' });
		expect(status.payment).toEqual({ status: true, message: 'Bank transfer', time: '2026-04-16 00:00:00' });
		expect(status.comments.comments[0]).toMatchObject({ user: { id: 1 }, message: 'This is a nice comment' });
		expect(Object.keys(status)).toEqual(['invoice', 'booking', 'mail', 'comments', 'sepa', 'collection', 'payment', 'reminder', 'recurring', 'quotation']);
		expect((await api.delete(`/invoice/${other}/payment`)).status).toBe(200);
		expect((await api.delete(`/invoice/${other}/payment`)).status).toBe(409);
		expect((await api.get(`/invoice/${other}/payment-url`)).data.data).toMatch(/^thenextinvoice\.com\/t\/[a-z0-9]+$/);
	});

	it('mails with base64 attachments, sends SMS/Peppol only when enabled, sets tracking numbers', async () => {
		const id = (await api.post('/invoice', invoiceBody({ status: 1 }))).data.data;
		const mail = await api.post(`/invoice/${id}/send/mail`, {
			subject: 'Invoice {invoicenumber}',
			body: '<p>Dear {companyname}</p>',
			attachments: { content: Buffer.from('order confirmation').toString('base64'), filename: 'Order confirmation.txt' },
		});
		expect(mail.data).toEqual({ success: true, data: id });
		expect((await api.post(`/invoice/${id}/send/mail`, { subject: 's', body: 'b', attachments: { content: '***', filename: 'x' } })).status).toBe(400);
		const attachmentId = sandbox.state.invoices.get(id)!.attachments[0].id;
		const attachment = await api.get(`/invoice/${id}/attachment/${attachmentId}`, { responseType: 'arraybuffer' });
		expect(attachment.headers['content-type']).toBe('text/plain');
		expect(Buffer.from(attachment.data).toString()).toBe('order confirmation');
		expect((await api.get(`/invoice/${id}/status`)).data.data.mail.events.map((e: any) => e.event)).toEqual(['queued', 'delivered']);

		expect((await api.post(`/invoice/${id}/send/sms`)).status).toBe(403);
		sandbox.state.settings.get(sandbox.companyIds[0])!.sms.enabled = true;
		expect((await api.post(`/invoice/${id}/send/sms`)).data.data).toBe('Sent');
		expect((await api.post(`/invoice/${id}/send/peppol`)).status).toBe(403);
		expect((await api.post(`/invoice/${id}/resend`)).data.data).toBe('Resent');
		expect((await api.post(`/invoice/${id}/tracking-number`, {})).status).toBe(400);
		expect((await api.post(`/invoice/${id}/tracking-number`, { tracking_number: '3SABC' })).data.data).toBe('Tracking number saved');
		expect((await api.post('/invoice/syncpayments')).data.data).toBe('Invoice payments are being synced');
	});

	it('downloads PDF, packing slip, UBL, ZIP and CSV with content type and file name', async () => {
		const id = (await api.post('/invoice', invoiceBody({ status: 1 }))).data.data;
		const draft = (await api.post('/invoice', invoiceBody())).data.data;
		const number = (await api.get(`/invoice/${id}`)).data.data.number;
		const get = (path: string) => api.get(path, { responseType: 'arraybuffer' });

		const pdf = await get(`/invoice/${id}/view`);
		expect(pdf.status).toBe(200);
		expect(pdf.headers['content-type']).toBe('application/pdf');
		expect(pdf.headers['content-disposition']).toBe(`inline; filename="invoice-${number}.pdf"`);
		expect(Buffer.from(pdf.data).subarray(0, 8).toString()).toBe('%PDF-1.4');
		expect(Buffer.from(pdf.data).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
		const sendPdf = await api.post(`/invoice/${id}/send/pdf`, undefined, { responseType: 'arraybuffer' });
		expect(sendPdf.headers['content-disposition']).toBe(`attachment; filename="invoice-${number}.pdf"`);
		expect((await get(`/invoice/${id}/packing-slip`)).headers['content-type']).toBe('application/pdf');

		const ubl = await get(`/invoice/${id}/ubl?peppol=true`);
		expect(ubl.headers['content-type']).toBe('application/xml');
		expect(Buffer.from(ubl.data).toString()).toContain('peppol.eu:2017:poacc:billing:3.0');
		const draftUbl = await api.get(`/invoice/${draft}/ubl`);
		expect(draftUbl.status).toBe(400);
		expect(draftUbl.data).toEqual({ success: false, error: { code: 400, message: 'Cannot generate UBL from a draft' } });

		const zip = await get(`/invoice/${id},${draft}/zip`);
		expect(zip.headers['content-type']).toBe('application/zip');
		expect(zip.headers['content-disposition']).toBe('attachment; filename="invoices.zip"');
		const bytes = Buffer.from(zip.data);
		expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
		expect(bytes.readUInt16LE(bytes.length - 12)).toBe(2); // two entries in the central directory

		const csv = await api.get('/invoice/csv', { params: { status: 'open' } });
		expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
		expect(csv.headers['content-disposition']).toBe('attachment; filename="invoices.csv"');
		const rows = String(csv.data).trim().split('\r\n');
		expect(rows[0].split(';')).toContain('amount_incl');
		expect(rows).toHaveLength(2);
		expect((await get('/invoice/999999/view')).status).toBe(404);
	});
});
