import { randomBytes } from 'crypto';

/** Files in and out of TheNextInvoice: multipart uploads and base64 data URIs. */

/**
 * A `multipart/form-data` body (RFC 7578) with text fields and one file part (named `file` unless
 * `fieldName` says otherwise), with a random boundary.
 */
export function multipartBody(
	fields: Record<string, string>,
	file: { data: Buffer; fileName: string; mimeType: string; fieldName?: string },
): { body: Buffer; contentType: string } {
	const boundary = `----n8nTheNextInvoice${randomBytes(12).toString('hex')}`;
	// Inside the quoted header values: no line breaks; quotes and backslashes escaped (the file keeps its name).
	const quoted = (value: string) => value.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1');
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.fieldName ?? 'file')}"; filename="${quoted(file.fileName)}"\r\n` +
				`Content-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A `data:<type>;base64,<data>` URI as bytes and media type, or undefined when it is none. */
export function parseDataUri(value: unknown): { data: Buffer; mimeType: string } | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^data:([^;,]+)?((?:;[^;,]+)*?);base64,(.*)$/s.exec(value.trim());
	if (!match) return undefined;
	return { data: Buffer.from(match[3], 'base64'), mimeType: match[1] || 'application/octet-stream' };
}
