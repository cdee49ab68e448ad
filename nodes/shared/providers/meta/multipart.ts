import { randomBytes } from 'node:crypto';

export type MultipartPart =
	| { field: string; value: string }
	| { field: string; data: Buffer; fileName: string; contentType: string };

/** Keeps a header parameter on one line and inside its quotes. */
function quoted(value: string): string {
	return value.replace(/[\r\n"]/g, '_');
}

/**
 * A multipart/form-data body as one Buffer. Built by hand because a community node may not depend on
 * `form-data`, and a Buffer body passes through n8n's request helper unchanged (and can be re-sent on
 * a retry, which a stream cannot).
 */
export function multipartBody(parts: MultipartPart[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nMessenger${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let header = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.field)}"`;
		if ('data' in part) {
			header += `; filename="${quoted(part.fileName)}"\r\nContent-Type: ${part.contentType}`;
		}
		chunks.push(Buffer.from(`${header}\r\n\r\n`, 'utf8'));
		chunks.push('data' in part ? part.data : Buffer.from(part.value, 'utf8'));
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
