import { randomBytes } from 'crypto';

/** One file as a multipart/form-data body (RFC 7578), with a random boundary. */
export function multipartFile(field: string, file: { data: Buffer; fileName: string; mimeType: string }): { body: Buffer; contentType: string } {
	const boundary = `----n8nTheNextInvoice${randomBytes(12).toString('hex')}`;
	// Quotes and line breaks cannot appear inside the quoted header values.
	const quoted = (value: string) => value.replace(/["\r\n\\]/g, '_');
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="${quoted(field)}"; filename="${quoted(file.fileName)}"\r\n` +
		`Content-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`;
	const body = Buffer.concat([Buffer.from(head, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A `data:<type>;base64,<data>` URI as bytes and media type, or undefined when it is none. */
export function parseDataUri(value: unknown): { data: Buffer; mimeType: string } | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^data:([^;,]+)?((?:;[^;,]+)*?);base64,(.*)$/s.exec(value.trim());
	if (!match) return undefined;
	return { data: Buffer.from(match[3], 'base64'), mimeType: match[1] || 'application/octet-stream' };
}
