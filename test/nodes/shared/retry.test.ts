import { DEFAULT_RETRY_POLICY, networkErrorCode, parseRetryAfter, retryDelayMs } from '../../../nodes/shared/retry';

describe('retry policy', () => {
	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter(['0.5'], now)).toBe(500);
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped, unless Retry-After says otherwise', () => {
		const policy = { maxRetries: 5, initialDelayMs: 100, maxDelayMs: 1000 };
		expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(50);
		expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(100);
		expect(retryDelayMs(3, policy, undefined, () => 1)).toBe(400);
		expect(retryDelayMs(10, policy, undefined, () => 1)).toBe(1000);
		expect(retryDelayMs(1, policy, 2500)).toBe(2500);
		expect(DEFAULT_RETRY_POLICY).toEqual({ maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 60_000 });
	});

	it('finds the connection error code through n8n\'s wrapping', () => {
		expect(networkErrorCode({ message: 'x', cause: { code: 'ECONNRESET' } })).toBe('ECONNRESET');
		expect(networkErrorCode({ code: 'ERR_BAD_RESPONSE' })).toBe('ERR_BAD_RESPONSE');
		expect(networkErrorCode(new Error('plain'))).toBeUndefined();
	});
});
