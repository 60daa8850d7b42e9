/** Tiny but real files the sandbox answers with: a one-page PDF, HTML, a zip, XML. */

/** A valid one-page PDF with the given line of text (correct xref offsets, so PDF readers open it). */
export function tinyPdf(text: string): Buffer {
	const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`).slice(0, 80);
	const stream = `BT /F1 12 Tf 72 720 Td (${escaped}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}

export function htmlPage(title: string, rows: Array<[string, string]>): Buffer {
	const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
	const body = rows.map(([k, v]) => `<tr><td>${escape(k)}</td><td>${escape(v)}</td></tr>`).join('');
	return Buffer.from(`<!DOCTYPE html><html><head><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><table>${body}</table></body></html>`);
}

/** An empty but valid zip archive (just the end-of-central-directory record). */
export const EMPTY_ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);

/** The facts of a (simple) XBRL instance: `<prefix:Name contextRef="…" …>value</prefix:Name>`. */
export function factsOf(instance: string): Array<{ concept: string; contextRef: string; unitRef?: string; decimals?: string; value: string }> {
	const facts = [];
	for (const match of instance.matchAll(/<([\w-]+:[\w-]+)\s+([^>]*contextRef="[^"]*"[^>]*)>([^<]*)<\/\1>/g)) {
		const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(match[2])?.[1];
		facts.push({ concept: match[1], contextRef: attribute('contextRef')!, unitRef: attribute('unitRef'), decimals: attribute('decimals'), value: match[3].trim() });
	}
	return facts;
}

export const ct600Xml = (fields: Record<string, unknown>) =>
	`<?xml version="1.0" encoding="UTF-8"?><GovTalkMessage xmlns="http://www.govtalk.gov.uk/CM/envelope"><Body><IRenvelope xmlns="http://www.govtalk.gov.uk/taxation/CT/5"><CompanyTaxReturn ReturnType="new"><CompanyInformation><CompanyName>${String(fields.companyName)}</CompanyName><UTR>${String(fields.utrValue)}</UTR></CompanyInformation><CompanyTaxCalculation><Profits>${String((fields.chargeableProfits as Record<string, unknown>)?.value)}</Profits><TaxPayable>${String(fields.taxPayable)}</TaxPayable></CompanyTaxCalculation></CompanyTaxReturn></IRenvelope></Body></GovTalkMessage>`;

/** A small Dutch annual-report instance: two monetary facts and a name (tests, demo and e2e use it). */
export const SAMPLE_INSTANCE = `<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:kvk-i="https://www.nltaxonomie.nl/kvk/items">
<link:schemaRef xlink:type="simple" xlink:href="https://www.nltaxonomie.nl/kvk/2024/entrypoints/kvk-rpt-jaarverantwoording-2024-nlgaap-micro.xsd"/>
<kvk-i:Revenue contextRef="FY2025" unitRef="EUR" decimals="0">125000</kvk-i:Revenue>
<kvk-i:Equity contextRef="FY2025" unitRef="EUR" decimals="0">40000</kvk-i:Equity>
<kvk-i:LegalEntityName contextRef="FY2025">Voorbeeld BV</kvk-i:LegalEntityName>
</xbrli:xbrl>`;
