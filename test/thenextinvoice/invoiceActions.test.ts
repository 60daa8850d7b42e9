/**
 * The invoice operations besides create / search / files: sending (e-mail with attachments, SMS, Peppol, resend,
 * queue), status and payment URL, payments, comments, tracking numbers, quotations, deletion, update and the
 * remaining files (packing slip, ZIP, attachment, generated PDF), each through the node against the sandbox.
 */
import { idLocator, useTni } from './setup';

const f = useTni();
let company: number;

beforeAll(() => {
	company = f.sandbox.companyIds[0];
});

/** A fresh finalized invoice (or `kind` quotation) for the first company, optionally to `receiver`. */
const newInvoice = (fields: Record<string, unknown> = {}, kind?: 'quotation') => Number(f.sandbox.control.createInvoice(fields, { kind }).id);
const stored = (id: number) => f.sandbox.state.invoices.get(id)!;
/** E-mails that went out for an invoice (each mail is queued once, then delivered). */
const mailsSent = (id: number) => stored(id).mailEvents.filter((event) => event.event === 'queued').length;
const invoiceOp = (operation: string, invoiceId: number | string, extra: Record<string, unknown> = {}) =>
	f.run({ resource: 'invoice', operation, invoiceId: idLocator(invoiceId), ...extra });

describe('TheNextInvoice invoice actions', () => {
	it('e-mails an invoice with attachments from binary properties; the status, ZIP and attachment download show them', async () => {
		const id = newInvoice();
		const pdf = Buffer.from('%PDF-1.4 general terms\n%%EOF');
		const input = [{ $binary: { terms: { base64: pdf.toString('base64'), fileName: 'terms.pdf', mimeType: 'application/pdf' } } }];
		const sent = await f.run({ resource: 'invoice', operation: 'sendEmail', invoiceId: idLocator(id), subject: 'Invoice {invoicenumber}', body: '<p>Hi</p>', attachments: 'terms' }, { input });
		expect(sent.error).toBeUndefined();
		expect(sent.json).toEqual([{ invoiceId: id, success: true, alreadyDone: false }]);
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: `/api/v1/invoice/${id}/send/mail` });
		expect(f.lastRequest()!.body).toEqual({ subject: 'Invoice {invoicenumber}', body: '<p>Hi</p>', attachments: { filename: 'terms.pdf', content: pdf.toString('base64') } });
		const attachment = stored(id).attachments[0];
		expect(attachment.data.equals(pdf)).toBe(true);

		const status = await invoiceOp('getStatus', id);
		expect(f.lastRequest()!.path).toBe(`/api/v1/invoice/${id}/status`);
		expect(status.json[0]).toMatchObject({ mail: { status: true }, payment: { status: false } });

		const file = await invoiceOp('downloadAttachment', id, { attachmentId: String(attachment.id), binaryPropertyName: 'file' });
		expect(file.items[0].binary?.file).toMatchObject({ mimeType: 'application/pdf', fileName: 'terms.pdf' });
		expect(Buffer.from(file.items[0].binary!.file.data, 'base64').equals(pdf)).toBe(true);
		const zip = await invoiceOp('downloadZip', id, { binaryPropertyName: 'zip' });
		expect(zip.items[0].binary?.zip.mimeType).toBe('application/zip');
		expect(Buffer.from(zip.items[0].binary!.zip.data, 'base64').subarray(0, 2).toString()).toBe('PK');

		const missing = await f.run({ resource: 'invoice', operation: 'sendEmail', invoiceId: idLocator(newInvoice()), subject: 'S', body: 'B', attachments: 'nope' }, { input });
		expect(missing.error?.message).toMatch(/nope/);
	});

	it('a re-run does not e-mail an invoice twice: its mail events are read first (alreadyDone), Fail makes it an error', async () => {
		const id = newInvoice();
		const mail = { resource: 'invoice', operation: 'sendEmail', invoiceId: idLocator(id), subject: 'Invoice {invoicenumber}', body: '<p>Hi</p>' };
		const first = await f.run(mail);
		expect(first.json).toEqual([{ invoiceId: id, success: true, alreadyDone: false }]);
		expect(f.apiCalls().slice(-2)).toEqual([`GET /invoice/${id}/status`, `POST /invoice/${id}/send/mail`]);
		const again = await f.run(mail);
		expect(again.json).toEqual([{ invoiceId: id, success: true, alreadyDone: true }]);
		expect(f.apiCalls().slice(-1)).toEqual([`GET /invoice/${id}/status`]);
		expect(mailsSent(id)).toBe(1);
		const strict = await f.run({ ...mail, ifAlreadyDone: 'fail' });
		expect(strict.error?.message).toBe('Already sent by e-mail: nothing was sent');
		expect(mailsSent(id)).toBe(1);
	});

	it('an e-mail whose answer was lost is found in the mail events and not sent again; one that never arrived is sent after the settle delay', async () => {
		const lost = newInvoice();
		f.sandbox.faults.add({ kind: 'dropAfterHandling', match: { method: 'POST', path: '/api/v1/invoice/:id/send/mail' } });
		const recovered = await invoiceOp('sendEmail', lost, { subject: 'S', body: 'B' });
		expect(recovered.error).toBeUndefined();
		expect(recovered.json).toEqual([{ invoiceId: lost, success: true, alreadyDone: false }]);
		expect(mailsSent(lost)).toBe(1);

		const never = newInvoice();
		f.sandbox.faults.add({ kind: 'status502', match: { method: 'POST', path: '/api/v1/invoice/:id/send/mail' } });
		const resent = await invoiceOp('sendEmail', never, { subject: 'S', body: 'B' });
		expect(resent.error).toBeUndefined();
		expect(f.apiCalls().slice(-5)).toEqual([`GET /invoice/${never}/status`, `POST /invoice/${never}/send/mail`, `GET /invoice/${never}/status`, `GET /invoice/${never}/status`, `POST /invoice/${never}/send/mail`]);
		expect(mailsSent(never)).toBe(1);
	});

	it('packing slip and a generated PDF (POST send/pdf) as binary data', async () => {
		const id = newInvoice();
		const slip = await invoiceOp('downloadPackingSlip', id, { binaryPropertyName: 'slip' });
		expect(f.lastRequest()).toMatchObject({ method: 'GET', path: `/api/v1/invoice/${id}/packing-slip` });
		expect(slip.items[0].binary?.slip.mimeType).toBe('application/pdf');
		const generated = await invoiceOp('generatePdf', id, { binaryPropertyName: 'pdf' });
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: `/api/v1/invoice/${id}/send/pdf` });
		expect(Buffer.from(generated.items[0].binary!.pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('sends by SMS (SMS enabled, receiver phone) and over Peppol (verified sender); refusals come back as errors', async () => {
		const phoneCustomer = Number(f.sandbox.control.createCustomer({ companyname: 'Bel Mij BV', phone: '+31612345678' }).id);
		const id = newInvoice({ receiver: phoneCustomer });
		const disabled = await invoiceOp('sendSms', id);
		expect(disabled.error?.description).toMatch(/HTTP 403/);
		f.sandbox.state.settings.get(company)!.sms.enabled = true;
		const sms = await invoiceOp('sendSms', id);
		expect(sms.error).toBeUndefined();
		expect(sms.json[0]).toEqual({ invoiceId: id, success: true });
		expect(stored(id).sentVia).toContain('sms');

		const notVerified = await invoiceOp('sendPeppol', id);
		expect(notVerified.error?.message).toMatch(/not Peppol-verified/);
		const sender = stored(id).sender as number;
		f.sandbox.state.profiles.get(sender)!.fields.peppol_verified = true;
		const peppol = await invoiceOp('sendPeppol', id);
		expect(peppol.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: `/api/v1/invoice/${id}/send/peppol` });
		expect(stored(id).sentVia).toContain('peppol');
		f.sandbox.state.profiles.get(sender)!.fields.peppol_verified = false;
	});

	it('resends, queues for mailing (Batch Items), reminds, comments and sets a tracking number', async () => {
		const [a, b] = [newInvoice(), newInvoice()];
		const resent = await invoiceOp('resend', a);
		expect(resent.json[0]).toEqual({ invoiceId: a, success: true });
		expect(stored(a).mailEvents.length).toBeGreaterThan(0);

		f.sandbox.clearRequests();
		const queued = await f.run(
			{ resource: 'invoice', operation: 'queue', invoiceId: '={{ $json.id }}', subject: 'Invoice {invoicenumber}', body: 'Please pay', batchItems: true },
			{ input: [{ id: a }, { id: b }] },
		);
		expect(f.apiCalls()).toEqual([`POST /invoice/${a},${b}/queue`]);
		expect(f.lastRequest()!.body).toEqual({ subject: 'Invoice {invoicenumber}', body: 'Please pay' });
		expect(queued.json).toEqual([
			{ invoiceId: a, success: true },
			{ invoiceId: b, success: true },
		]);

		await invoiceOp('remind', b);
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: `/api/v1/invoice/${b}/remind` });
		expect(stored(b).reminders).toHaveLength(1);

		const comment = await invoiceOp('addComment', b, { message: 'Called the customer' });
		expect(comment.json[0]).toMatchObject({ invoiceId: b, success: true, result: { message: 'Called the customer' } });
		expect(stored(b).comments.map((c) => c.message)).toEqual(['Called the customer']);

		const tracking = await invoiceOp('setTrackingNumber', b, { tracking_number: '3SABCD1234567' });
		expect(tracking.json[0]).toEqual({ invoiceId: b, success: true });
		expect(f.lastRequest()!.body).toEqual({ tracking_number: '3SABCD1234567' });
		expect(stored(b).trackingNumber).toBe('3SABCD1234567');
	});

	it('payment URL, payment registered and removed, payments synced', async () => {
		const id = newInvoice();
		const url = await invoiceOp('getPaymentUrl', id);
		expect(url.json[0]).toEqual({ invoiceId: id, paymentUrl: `thenextinvoice.com/t/${stored(id).paymentToken}` });

		const method = [...f.sandbox.state.paymentMethods.values()].find((m) => m.companyId === company)!.id;
		await invoiceOp('registerPayment', id, { method, date: '2026-11-30' });
		expect(stored(id).payment).toMatchObject({ method, date: '2026-11-30' });
		const removed = await invoiceOp('deletePayment', id);
		expect(removed.json[0]).toEqual({ invoiceId: id, paymentRemoved: true });
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: `/api/v1/invoice/${id}/payment` });
		expect(stored(id).payment).toBeNull();
		const notPaid = await invoiceOp('deletePayment', id);
		expect(notPaid.error?.description).toMatch(/HTTP 409/);

		const sync = await f.run({ resource: 'invoice', operation: 'syncPayments' });
		expect(sync.json).toEqual([{ syncRequested: true }]);
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: '/api/v1/invoice/syncpayments' });
	});

	it('approves and archives quotations; an invoice is refused', async () => {
		const [q1, q2] = [newInvoice({}, 'quotation'), newInvoice({}, 'quotation')];
		const approved = await invoiceOp('approve', q1);
		expect(approved.json[0]).toEqual({ invoiceId: q1, success: true, alreadyDone: false });
		expect(stored(q1).approved).toBe(true);
		// Approved again (a re-run): refused, the status says approved → done.
		const again = await invoiceOp('approve', q1);
		expect(again.json[0]).toEqual({ invoiceId: q1, success: true, alreadyDone: true });
		expect(f.apiCalls().slice(-2)).toEqual([`POST /invoice/${q1}/approve`, `GET /invoice/${q1}/status`]);
		await invoiceOp('archive', q2);
		expect(f.lastRequest()).toMatchObject({ method: 'POST', path: `/api/v1/invoice/${q2}/archive` });
		expect(stored(q2).archived).toBe(true);
		const archivedAgain = await invoiceOp('archive', q2);
		expect(archivedAgain.json[0]).toEqual({ invoiceId: q2, success: true, alreadyDone: true });
		expect(f.apiCalls().slice(-2)).toEqual([`POST /invoice/${q2}/archive`, `GET /invoice/${q2}/status`]);
		// An invoice (no quotation) is refused with the same words, and its state is not archived: it fails.
		expect((await invoiceOp('archive', newInvoice())).error?.message).toMatch(/only quotations can be archived/);
		// The same refusal for an invoice that is no quotation: the status does not say approved, so it fails.
		const refused = await invoiceOp('approve', newInvoice());
		expect(refused.error?.message).toMatch(/only open quotations can be approved/);
	});

	it('books an invoice once: a re-run reads the booking status first and sends nothing (alreadyDone)', async () => {
		const id = newInvoice();
		const booked = await invoiceOp('book', id);
		expect(booked.json[0]).toEqual({ invoiceId: id, success: true, alreadyDone: false });
		expect(f.apiCalls().slice(-2)).toEqual([`GET /invoice/${id}/status`, `POST /invoice/${id}/book`]);
		const again = await invoiceOp('book', id);
		expect(again.json[0]).toEqual({ invoiceId: id, success: true, alreadyDone: true });
		expect(f.apiCalls().slice(-1)).toEqual([`GET /invoice/${id}/status`]);
	});

	it('updates a draft (PUT the whole invoice) and deletes invoices, one or many at once', async () => {
		const draft = newInvoice({ status: 0 });
		const ids = (map: Map<number, { companyId: number; id: number }>) => [...map.values()].find((r) => r.companyId === company)!.id;
		const updated = await invoiceOp('update', draft, {
			receiverMode: 'id',
			receiver: idLocator(stored(draft).customerId!),
			senderMode: 'id',
			sender: idLocator(ids(f.sandbox.state.profiles)),
			lines: { line: [{ description: 'Changed line', quantity: 2, price: 15, vat: ids(f.sandbox.state.vatCodes), ledger: ids(f.sandbox.state.ledgerNumbers) }] },
		});
		expect(updated.error).toBeUndefined();
		expect(updated.json[0]).toEqual({ invoiceId: draft });
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', path: `/api/v1/invoice/${draft}` });
		expect(stored(draft).lines.map((l) => l.description)).toEqual(['Changed line']);

		const deleted = await invoiceOp('delete', draft);
		expect(deleted.json[0]).toEqual({ invoiceId: draft, success: true });
		expect(stored(draft).deleted).toBe(true);
		const [a, b] = [newInvoice(), newInvoice()];
		f.sandbox.clearRequests();
		await f.run({ resource: 'invoice', operation: 'delete', invoiceId: '={{ $json.id }}', batchItems: true }, { input: [{ id: a }, { id: b }] });
		expect(f.apiCalls()).toEqual([`DELETE /invoice/${a},${b}`]);
		expect([stored(a).deleted, stored(b).deleted]).toEqual([true, true]);
	});
});
