/** A small multipart/form-data parser for upload endpoints (RFC 7578; no nested multipart, no streaming). */

export interface MultipartPart {
	/** `name` of the Content-Disposition header ('' when missing). */
	name: string;
	/** `filename` of the Content-Disposition header; undefined for plain form fields. */
	filename?: string;
	/** The part's Content-Type header, if any. */
	contentType?: string;
	/** All part headers, lower-cased names. */
	headers: Record<string, string>;
	data: Buffer;
}

/** The boundary of a multipart/form-data Content-Type, or undefined for other media types. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
	if (!contentType || contentType.split(';')[0].trim().toLowerCase() !== 'multipart/form-data') return undefined;
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * The parts of a multipart/form-data body, or undefined when the Content-Type is not multipart/form-data
 * or the body is malformed (no boundary, missing closing delimiter, part without header block).
 */
export function parseMultipart(contentType: string | undefined, body: Buffer): MultipartPart[] | undefined {
	const boundary = multipartBoundary(contentType);
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let position = body.indexOf(delimiter);
	if (position === -1) return undefined;
	for (;;) {
		position += delimiter.length;
		if (body.subarray(position, position + 2).toString() === '--') return parts; // closing delimiter
		if (body.subarray(position, position + 2).toString() !== '\r\n') return undefined;
		position += 2;
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), position);
		if (next === -1) return undefined;
		const part = parsePart(body.subarray(position, next));
		if (!part) return undefined;
		parts.push(part);
		position = next + 2;
	}
}

function parsePart(raw: Buffer): MultipartPart | undefined {
	const headerEnd = raw.indexOf('\r\n\r\n');
	if (headerEnd === -1) return undefined;
	const headers: Record<string, string> = {};
	for (const line of raw.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const disposition = headers['content-disposition'] ?? '';
	return {
		name: dispositionParam(disposition, 'name') ?? '',
		filename: dispositionParam(disposition, 'filename'),
		contentType: headers['content-type'],
		headers,
		data: Buffer.from(raw.subarray(headerEnd + 4)),
	};
}

function dispositionParam(disposition: string, name: string): string | undefined {
	const match = new RegExp(`;\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(disposition);
	if (!match) return undefined;
	return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}
