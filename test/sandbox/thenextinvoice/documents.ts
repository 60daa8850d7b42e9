/** Small but well-formed files: PDF, UBL 2.1 invoice, SEPA pain.008, stored (uncompressed) ZIP, CSV. */
import { crc32 } from 'node:zlib';

/** A one-page PDF 1.4 with the given text lines (valid xref offsets, so viewers open it). */
export function pdfDocument(title: string, lines: string[]): Buffer {
	const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
	const content = ['BT', '/F1 14 Tf', '50 800 Td', `(${escape(title)}) Tj`, '/F1 10 Tf']
		.concat(lines.flatMap((line) => ['0 -16 Td', `(${escape(line)}) Tj`]))
		.concat(['ET'])
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(Buffer.byteLength(out));
		out += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out);
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

export function xmlEscape(value: unknown): string {
	return String(value ?? '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

export interface UblInput {
	number: string;
	issueDate: string;
	dueDate: string;
	currency: string;
	creditNote: boolean;
	peppol: boolean;
	supplierName: string;
	customerName: string;
	totalExclVat: number;
	vatApplied: number;
	totalInclVat: number;
	lines: { description: string; quantity: number; price: number }[];
}

/** A minimal UBL 2.1 Invoice; the Peppol variant carries the BIS Billing 3.0 customization id. */
export function ublDocument(input: UblInput): Buffer {
	const customization = input.peppol
		? 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'
		: 'urn:cen.eu:en16931:2017';
	const amount = (value: number) => `currencyID="${xmlEscape(input.currency)}">${value.toFixed(2)}`;
	const lines = input.lines
		.map(
			(line, index) => `  <cac:InvoiceLine>
    <cbc:ID>${index + 1}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">${line.quantity}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount ${amount(line.quantity * line.price)}</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>${xmlEscape(line.description)}</cbc:Name></cac:Item>
    <cac:Price><cbc:PriceAmount ${amount(line.price)}</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>`,
		)
		.join('\n');
	const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>${customization}</cbc:CustomizationID>
  <cbc:ID>${xmlEscape(input.number)}</cbc:ID>
  <cbc:IssueDate>${xmlEscape(input.issueDate)}</cbc:IssueDate>
  <cbc:DueDate>${xmlEscape(input.dueDate)}</cbc:DueDate>
  <cbc:InvoiceTypeCode>${input.creditNote ? 381 : 380}</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>${xmlEscape(input.currency)}</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>${xmlEscape(input.supplierName)}</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyName><cbc:Name>${xmlEscape(input.customerName)}</cbc:Name></cac:PartyName></cac:Party></cac:AccountingCustomerParty>
  <cac:TaxTotal><cbc:TaxAmount ${amount(input.vatApplied)}</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount ${amount(input.totalExclVat)}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount ${amount(input.totalExclVat)}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount ${amount(input.totalInclVat)}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount ${amount(input.totalInclVat)}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${lines}
</Invoice>
`;
	return Buffer.from(xml, 'utf8');
}

export interface SepaInput {
	batchId: number;
	creditorName: string;
	creditorIban: string;
	creditorId: string;
	collectionDate: string;
	currency: string;
	transactions: { endToEndId: string; amount: number; debtorName: string; debtorIban: string; remittance: string }[];
}

/** A pain.008.001.02 direct-debit initiation. */
export function sepaDocument(input: SepaInput): Buffer {
	const total = input.transactions.reduce((sum, t) => sum + t.amount, 0);
	const transactions = input.transactions
		.map(
			(t) => `      <DrctDbtTxInf>
        <PmtId><EndToEndId>${xmlEscape(t.endToEndId)}</EndToEndId></PmtId>
        <InstdAmt Ccy="${xmlEscape(input.currency)}">${t.amount.toFixed(2)}</InstdAmt>
        <Dbtr><Nm>${xmlEscape(t.debtorName)}</Nm></Dbtr>
        <DbtrAcct><Id><IBAN>${xmlEscape(t.debtorIban)}</IBAN></Id></DbtrAcct>
        <RmtInf><Ustrd>${xmlEscape(t.remittance)}</Ustrd></RmtInf>
      </DrctDbtTxInf>`,
		)
		.join('\n');
	const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02">
  <CstmrDrctDbtInitn>
    <GrpHdr>
      <MsgId>TNI-SEPA-${input.batchId}</MsgId>
      <CreDtTm>${new Date().toISOString().slice(0, 19)}</CreDtTm>
      <NbOfTxs>${input.transactions.length}</NbOfTxs>
      <CtrlSum>${total.toFixed(2)}</CtrlSum>
      <InitgPty><Nm>${xmlEscape(input.creditorName)}</Nm></InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>TNI-SEPA-${input.batchId}-1</PmtInfId>
      <PmtMtd>DD</PmtMtd>
      <ReqdColltnDt>${xmlEscape(input.collectionDate)}</ReqdColltnDt>
      <Cdtr><Nm>${xmlEscape(input.creditorName)}</Nm></Cdtr>
      <CdtrAcct><Id><IBAN>${xmlEscape(input.creditorIban)}</IBAN></Id></CdtrAcct>
      <CdtrSchmeId><Id><PrvtId><Othr><Id>${xmlEscape(input.creditorId)}</Id></Othr></PrvtId></Id></CdtrSchmeId>
${transactions}
    </PmtInf>
  </CstmrDrctDbtInitn>
</Document>
`;
	return Buffer.from(xml, 'utf8');
}

/** A ZIP archive with the files stored uncompressed (method 0); unzip and every ZIP library read it. */
export function zipArchive(files: { name: string; data: Buffer }[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const file of files) {
		const name = Buffer.from(file.name, 'utf8');
		const crc = crc32(file.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(0, 8);
		local.writeUInt32LE(0, 10); // time/date
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(file.data.length, 18);
		local.writeUInt32LE(file.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, name, file.data);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(0, 10);
		central.writeUInt32LE(0, 12);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(file.data.length, 20);
		central.writeUInt32LE(file.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += 30 + name.length + file.data.length;
	}
	const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...centrals, end]);
}

/** ;-separated CSV with a header row; fields with ; " or newlines are quoted. */
export function csvDocument(header: string[], rows: unknown[][]): Buffer {
	const cell = (value: unknown) => {
		const text = value === null || value === undefined ? '' : String(value);
		return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return Buffer.from([header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n', 'utf8');
}
