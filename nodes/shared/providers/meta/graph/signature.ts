// Meta signs every webhook POST: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
// The HMAC must be taken over the bytes as received: re-serialising parsed JSON changes escapes,
// spacing and key order, so it would reject genuine deliveries and could accept forged ones.
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { SignatureCheck } from '../../types';

export const SIGNATURE_HEADER = 'x-hub-signature-256';


const HEADER_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/** HMAC-SHA256 of the raw body as `sha256=<hex>`, the header value Meta sends. */
export function signBody(appSecret: string, rawBody: Buffer | string): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Checks the header against the raw body in constant time. The header's shape is checked first (it
 * is public), then the 32 digest bytes are compared with `timingSafeEqual`, so the time taken does not
 * depend on how many leading bytes of a forged signature happen to be right.
 */
export function verifySignature(
	appSecret: string,
	rawBody: Buffer,
	header: string | string[] | undefined,
): SignatureCheck {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value === '') return { ok: false, status: 401, reason: 'missing X-Hub-Signature-256' };
	const match = HEADER_PATTERN.exec(value.trim());
	if (!match) return { ok: false, status: 403, reason: 'malformed X-Hub-Signature-256' };
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	const received = Buffer.from(match[1], 'hex');
	return timingSafeEqual(expected, received) ? { ok: true } : { ok: false, status: 403, reason: 'signature mismatch' };
}
