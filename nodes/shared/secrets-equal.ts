import { createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two secrets of possibly different length (verify tokens, shared secrets). */
export function secretsEqual(expected: string, received: string): boolean {
	// Hashing both sides first gives equal-length inputs, so the length of the secret does not leak either.
	const a = createHmac('sha256', 'n8n-nodes-messenger').update(expected).digest();
	const b = createHmac('sha256', 'n8n-nodes-messenger').update(received).digest();
	return timingSafeEqual(a, b) && expected.length > 0;
}
