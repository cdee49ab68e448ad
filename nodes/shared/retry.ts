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

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';

/** The three HTTP-date forms a recipient accepts (RFC 9110 5.6.7): IMF-fixdate, RFC 850 and asctime. */
const HTTP_DATE = [
	new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`),
	new RegExp(`^${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`),
	new RegExp(`^${DAY} ${MONTH} (?: \\d|\\d{2}) ${TIME} \\d{4}$`),
];

/** Longer delays read as this: beyond any Max Retry Wait, and a finite number to compare and report. */
const LONGEST_RETRY_AFTER_MS = 365 * 24 * 3600 * 1000;

function httpDateMs(text: string): number {
	// asctime has no zone and RFC 850 a two-digit year; both are GMT (RFC 9110 5.6.7), and Date.parse
	// reads a two-digit year as 19xx/20xx the way RFC 9110 asks (within 50 years of now).
	return HTTP_DATE[2].test(text) ? Date.parse(`${text} GMT`) : Date.parse(text);
}

/**
 * Retry-After as milliseconds: delta-seconds (digits only) or an HTTP date (RFC 9110 10.2.3);
 * undefined when absent or anything else (`-5`, `1 2`, `1e3`, `0.5`), so the backoff applies.
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	if (typeof first !== 'string' && typeof first !== 'number') return undefined;
	const text = String(first).trim();
	if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, LONGEST_RETRY_AFTER_MS);
	if (!HTTP_DATE.some((form) => form.test(text))) return undefined;
	const date = httpDateMs(text);
	return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - nowMs), LONGEST_RETRY_AFTER_MS);
}

/**
 * The wait before retry number `retry` (1-based): exponential backoff with jitter (between half and
 * all of initialDelay * 2^(retry-1)), or the provider's Retry-After when it asks for longer; never
 * more than the policy's maxDelayMs (a longer Retry-After fails the item before this is asked).
 */
export function retryDelayMs(retry: number, policy: RetryPolicy, retryAfterMs?: number, random = Math.random): number {
	const exponential = policy.initialDelayMs * 2 ** Math.min(retry - 1, 40);
	const backoff = Math.round(exponential * (0.5 + random() / 2));
	return Math.min(policy.maxDelayMs, Math.max(backoff, retryAfterMs ?? 0));
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
