// Draining Infobip's pull inbox (seed 000: `GET /facebook/1/inbox/reports`). Infobip removes every
// message it returns ("can be pulled only one time"), so the rule here is: whatever a response
// carried is kept and handed to n8n in this same poll, whatever happens to the requests after it.
// The loop therefore stops (never throws) on a failed page, on n8n's poll budget running low, and on
// the per-poll cap; what is still in the inbox is simply pulled by the next poll.
import type { MessengerEvent } from '../shared/model/event';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../shared/provider-http';
import { INBOX_PROVIDER } from '../shared/providers';

/** The most `limit` Infobip's pull endpoints accept (providers.md). */
export const MAX_PULL_LIMIT = INBOX_PROVIDER.inboxPull.maxLimit;
/** The longest one pull may take before it counts as failed: every provider call's default timeout. */
export const MAX_REQUEST_MS = DEFAULT_PROVIDER_TIMEOUT_MS;

export interface DrainOptions {
	/** Messages per request, 1..1000. */
	limit: number;
	/** Stop pulling once this many messages are in hand (the rest waits in the inbox). */
	maxMessages: number;
	/** Epoch ms after which no request may still be running. */
	deadline: number;
	/**
	 * Timeout of each pull. A request is started only when it can run this long before the deadline,
	 * so no pull is ever cut short by the budget: a cut-short pull may have been served by Infobip, and
	 * its messages would be gone.
	 */
	requestTimeoutMs: number;
	/** One request only (n8n's "Fetch Test Event"). */
	singlePage: boolean;
	/** GET one page; resolves to the response body, rejects when the request failed. */
	pull(limit: number, timeoutMs: number): Promise<unknown>;
	now?: () => number;
}

export type DrainStop = 'drained' | 'maxMessages' | 'budget' | 'singlePage' | 'error' | 'unreadable';

export interface DrainResult {
	/** Every message of every response that arrived, in the order Infobip returned them. */
	events: MessengerEvent[];
	pages: number;
	stoppedBy: DrainStop;
	/** The failure that stopped the drain, when `stoppedBy` is `error`. */
	error?: unknown;
	/** The 2xx answer that was not an inbox page, when `stoppedBy` is `unreadable`. */
	unreadable?: unknown;
	/** `pendingMessageCount` of the last page read (0 when none was). */
	pending: number;
}

export async function drainInbox(options: DrainOptions): Promise<DrainResult> {
	const now = options.now ?? Date.now;
	// The node validates both numbers; this only keeps a direct caller inside Infobip's range.
	const limit = Math.min(MAX_PULL_LIMIT, Math.max(1, Math.floor(options.limit)));
	const events: MessengerEvent[] = [];
	let pages = 0;
	let pending = 0;
	for (;;) {
		if (events.length >= options.maxMessages) return { events, pages, pending, stoppedBy: 'maxMessages' };
		if (options.deadline - now() < options.requestTimeoutMs) return { events, pages, pending, stoppedBy: 'budget' };

		let body: unknown;
		try {
			body = await options.pull(Math.min(limit, options.maxMessages - events.length), options.requestTimeoutMs);
		} catch (error) {
			return { events, pages, pending, stoppedBy: 'error', error };
		}
		pages++;

		const page = INBOX_PROVIDER.inboxPull.parsePage(body);
		if (!page.ok) {
			// A 2xx that is not the documented shape may still have emptied part of the inbox: it is no
			// message, so it is handed back for the caller to report, and the drain stops.
			return { events, pages, pending, stoppedBy: 'unreadable', unreadable: body };
		}
		events.push(...page.events);
		pending = page.pendingMessageCount;
		// An empty page with messages still "pending" would loop forever: leave them to the next poll.
		if (page.events.length === 0 || pending === 0) return { events, pages, pending, stoppedBy: 'drained' };
		if (options.singlePage) return { events, pages, pending, stoppedBy: 'singlePage' };
	}
}
