// A 429 from the inbox: Infobip's Retry-After is kept in the trigger's static data (n8n stores it with
// the workflow between polls), and polls before that moment are skipped without a request. n8n polls
// on its own schedule, so skipping is the only way to honour the wait.
import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { parseRetryAfter } from '../shared/retry';

const WAIT_KEY = 'inboxRetryAfterUntil';

/** A longer Retry-After is cut to this: a wrong header must not stop the trigger for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export interface RateLimitWait {
	/** Epoch ms before which no poll should pull. */
	until: number;
	/** What Infobip asked for, in seconds (before the cap). */
	askedSeconds: number;
	capped: boolean;
}

function header(headers: IN8nHttpFullResponse['headers'], name: string): unknown {
	const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : (headers as Record<string, unknown>)[key];
}

/** The wait a 429 asks for, or undefined when it sent no readable Retry-After. */
export function rateLimitWait(response: IN8nHttpFullResponse, now: number): RateLimitWait | undefined {
	const waitMs = parseRetryAfter(header(response.headers, 'retry-after'), now);
	if (waitMs === undefined) return undefined;
	const capped = waitMs > MAX_RETRY_AFTER_MS;
	return { until: now + Math.min(waitMs, MAX_RETRY_AFTER_MS), askedSeconds: Math.ceil(waitMs / 1000), capped };
}

export function rememberWait(staticData: IDataObject, wait: RateLimitWait): void {
	staticData[WAIT_KEY] = wait.until;
}

/** The moment polls may pull again, while it is still ahead; a wait that has passed is forgotten. */
export function pendingWait(staticData: IDataObject, now: number): number | undefined {
	const until = staticData[WAIT_KEY];
	if (typeof until !== 'number') return undefined;
	if (until > now) return until;
	delete staticData[WAIT_KEY];
	return undefined;
}
