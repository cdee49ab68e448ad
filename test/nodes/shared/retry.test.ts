import { DEFAULT_RETRY_POLICY, networkErrorCode, parseRetryAfter, retryDelayMs } from '../../../nodes/shared/retry';

describe('retry policy', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');

	it('reads Retry-After as delta-seconds or as an HTTP date (RFC 9110 10.2.3)', () => {
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter(['2'], now)).toBe(2000);
		expect(parseRetryAfter(' 0 ', now)).toBe(0);
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:03 GMT', now)).toBe(3000);
		// The two obsolete forms a recipient must still accept (RFC 9110 5.6.7).
		expect(parseRetryAfter('Monday, 23-Nov-26 10:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfter('Mon Nov 23 10:00:03 2026', now)).toBe(3000);
		expect(parseRetryAfter('Mon Nov  2 10:00:03 2026', Date.parse('2026-11-02T10:00:00Z'))).toBe(3000);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});

	it.each(['-5', '-1', '1 2', '1e3', '0.5', '+3', '0x10', '3s', '', 'Mon, 23 Nov 2026', '23 Nov 2026 10:00:03 GMT', '2026-11-23T10:00:03Z'])(
		'refuses %j: neither digits nor an HTTP date',
		(value) => {
			expect(parseRetryAfter(value, now)).toBeUndefined();
		},
	);

	it('reads a date in the past as "now" and a huge delay as a finite, huge wait', () => {
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:00 GMT', now)).toBe(0);
		const huge = parseRetryAfter('9'.repeat(400), now);
		expect(Number.isFinite(huge)).toBe(true);
		expect(huge).toBeGreaterThan(30 * 24 * 3600 * 1000);
	});

	it('never waits less than the backoff, whatever Retry-After says', () => {
		const policy = { maxRetries: 5, initialDelayMs: 400, maxDelayMs: 60_000 };
		expect(retryDelayMs(1, policy, 0, () => 1)).toBe(400);
		expect(retryDelayMs(3, policy, 10, () => 0)).toBe(800);
		expect(retryDelayMs(1, policy, 5000, () => 1)).toBe(5000);
	});

	it('never waits longer than Max Retry Wait, so a timer cannot overflow into an immediate retry', () => {
		const policy = { maxRetries: 5, initialDelayMs: 400, maxDelayMs: 60_000 };
		expect(retryDelayMs(1, policy, 30 * 24 * 3600 * 1000)).toBe(60_000);
		expect(retryDelayMs(40, { ...policy, maxDelayMs: 3_600_000 }, undefined, () => 1)).toBe(3_600_000);
	});

	it('backs off exponentially with jitter, capped, unless Retry-After says otherwise', () => {
		const policy = { maxRetries: 5, initialDelayMs: 100, maxDelayMs: 1000 };
		expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(50);
		expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(100);
		expect(retryDelayMs(3, policy, undefined, () => 1)).toBe(400);
		expect(retryDelayMs(10, policy, undefined, () => 1)).toBe(1000);
		expect(retryDelayMs(1, policy, 800, () => 0)).toBe(800);
		expect(DEFAULT_RETRY_POLICY).toEqual({ maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 60_000 });
	});

	it('finds the connection error code through n8n\'s wrapping', () => {
		expect(networkErrorCode({ message: 'x', cause: { code: 'ECONNRESET' } })).toBe('ECONNRESET');
		expect(networkErrorCode({ code: 'ERR_BAD_RESPONSE' })).toBe('ERR_BAD_RESPONSE');
		expect(networkErrorCode(new Error('plain'))).toBeUndefined();
	});
});
