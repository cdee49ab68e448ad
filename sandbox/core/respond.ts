// Writing a SandboxResponse to the wire.
import type { ServerResponse } from 'node:http';
import type { SandboxResponse } from './types';

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
	return !!headers && Object.keys(headers).some((k) => k.toLowerCase() === name);
}

export function encodeBody(r: SandboxResponse): { bytes: Buffer; contentType?: string } {
	if (r.body === undefined || r.body === null) return { bytes: Buffer.alloc(0) };
	if (Buffer.isBuffer(r.body)) return { bytes: r.body, contentType: 'application/octet-stream' };
	if (typeof r.body === 'string') return { bytes: Buffer.from(r.body, 'utf8'), contentType: 'text/plain; charset=utf-8' };
	return { bytes: Buffer.from(JSON.stringify(r.body), 'utf8'), contentType: 'application/json; charset=utf-8' };
}

export function writeResponse(res: ServerResponse, r: SandboxResponse): void {
	if (res.destroyed || res.writableEnded) return;
	const { bytes, contentType } = encodeBody(r);
	const headers: Record<string, string> = { ...(r.headers ?? {}) };
	if (contentType && !hasHeader(r.headers, 'content-type')) headers['content-type'] = contentType;
	headers['content-length'] = String(bytes.length);
	res.writeHead(r.status, headers);
	res.end(bytes);
}

/** What the log records as `response`: the object, the string, or a note for binary bodies. */
export function loggedBody(r: SandboxResponse): unknown {
	if (Buffer.isBuffer(r.body)) return `<${r.body.length} bytes>`;
	return r.body;
}
