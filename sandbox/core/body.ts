// Reading request bodies (with the size limit) and decoding them.
import type { IncomingMessage } from 'node:http';

/** Bodies larger than this are answered 413. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ReadBody {
	raw: Buffer;
	tooLarge: boolean;
}

/**
 * Reads the whole body. Past `limit` bytes the rest is drained and dropped (so the client still
 * gets the 413 instead of a broken pipe) and `tooLarge` is set.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				tooLarge = true;
				chunks.length = 0;
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve({ raw: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
		req.on('error', reject);
	});
}

export function contentType(headers: IncomingMessage['headers']): string {
	return String(headers['content-type'] ?? '').toLowerCase();
}

export function isJsonContentType(ct: string): boolean {
	return /\bjson\b/.test(ct.split(';')[0]);
}

export type JsonParse = { kind: 'none' } | { kind: 'ok'; value: unknown } | { kind: 'invalid'; error: string };

/**
 * JSON-typed bodies must parse (`invalid` otherwise). A body without a content type that looks like
 * JSON is parsed when it can be, and left alone when not.
 */
export function parseJsonBody(raw: Buffer, ct: string): JsonParse {
	const text = raw.toString('utf8');
	if (text.trim().length === 0) return { kind: 'none' };
	if (isJsonContentType(ct)) {
		try {
			return { kind: 'ok', value: JSON.parse(text) };
		} catch (err) {
			return { kind: 'invalid', error: err instanceof Error ? err.message : String(err) };
		}
	}
	if (ct === '' && /^\s*[[{]/.test(text)) {
		try {
			return { kind: 'ok', value: JSON.parse(text) };
		} catch {
			return { kind: 'none' };
		}
	}
	return { kind: 'none' };
}

export function parseQuery(search: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of search) out[k] = v;
	return out;
}
