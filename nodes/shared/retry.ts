/** How a send retries when the provider says "not now" (429, 503, Graph 1200 / rate limits, CM 201). */
export interface RetryPolicy {
	/** Retries after the first attempt; 0 disables retrying. */
	maxRetries: number;
	/** First backoff delay; doubles with each retry (with jitter) unless Retry-After says otherwise. */
	initialDelayMs: number;
	/** The longest single wait; a Retry-After beyond it fails the item instead of stalling the run. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = { maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 60_000 };

/** HTTP statuses that mean "not taken, try later". 500 is absent: it does not prove the message was not sent. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Connection errors that prove the request never reached the provider, so a retry cannot duplicate a
 * message. A reset or timeout after the request was written is ambiguous and is not retried.
 */
export const NEVER_SENT_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The wait before retry number `retry` (1-based): the provider's Retry-After when it gave one, else
 * exponential backoff with jitter (between half and all of initialDelay * 2^(retry-1)).
 */
export function retryDelayMs(retry: number, policy: RetryPolicy, retryAfterMs?: number, random = Math.random): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const exponential = policy.initialDelayMs * 2 ** (retry - 1);
	return Math.min(policy.maxDelayMs, Math.round(exponential * (0.5 + random() / 2)));
}

/** The first `code` like ECONNRESET found on an error or its causes (n8n wraps axios errors). */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
