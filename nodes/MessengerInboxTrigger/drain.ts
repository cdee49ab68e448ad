// Draining a provider's pull inbox (Infobip's v1 `GET /facebook/1/inbox/reports`, its Messages API
// `GET /messages-api/1/inbound`). The provider removes every message it returns ("can be pulled only
// one time"), so the rule here is: whatever a response
// carried is kept and handed to n8n in this same poll, whatever happens to the requests after it.
// The loop therefore stops (never throws) on a failed page, on n8n's poll budget running low, and on
// the per-poll cap; what is still in the inbox is simply pulled by the next poll.
import type { MessengerEvent } from '../shared/model/event';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../shared/provider-http';
import { FIRST_INBOX_PROVIDER, inboxProvider, MAX_INBOX_PULL_LIMIT, type InboxPull } from '../shared/providers';

/** The most `limit` any pull inbox accepts (each row's own bound is applied too). */
export const MAX_PULL_LIMIT = MAX_INBOX_PULL_LIMIT;
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
	/** The inbox's page reader and bound (the registry row's `inboxPull`); by default the first inbox the node had. */
	inbox?: Pick<InboxPull, 'maxLimit' | 'parsePage'>;
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
	const inbox = options.inbox ?? inboxProvider(FIRST_INBOX_PROVIDER).inboxPull;
	// The node validates both numbers; this only keeps a direct caller inside the provider's range.
	const limit = Math.min(inbox.maxLimit, Math.max(1, Math.floor(options.limit)));
	const events: MessengerEvent[] = [];
	let pages = 0;
	let pending = 0;
	for (;;) {
		if (events.length >= options.maxMessages) return { events, pages, pending, stoppedBy: 'maxMessages' };
		if (options.deadline - now() < options.requestTimeoutMs) return { events, pages, pending, stoppedBy: 'budget' };

		const requested = Math.min(limit, options.maxMessages - events.length);
		let body: unknown;
		try {
			body = await options.pull(requested, options.requestTimeoutMs);
		} catch (error) {
			return { events, pages, pending, stoppedBy: 'error', error };
		}
		pages++;

		const page = inbox.parsePage(body);
		if (!page.ok) {
			// A 2xx that is not the documented shape may still have emptied part of the inbox: it is no
			// message, so it is handed back for the caller to report, and the drain stops.
			return { events, pages, pending, stoppedBy: 'unreadable', unreadable: body };
		}
		events.push(...page.events);
		pending = page.pendingMessageCount ?? 0;
		// Without a count (the Messages API may omit it), only a full page says more may be waiting.
		const more = page.pendingMessageCount === null ? page.events.length >= requested : page.pendingMessageCount > 0;
		// An empty page with messages still "pending" would loop forever: leave them to the next poll.
		if (page.events.length === 0 || !more) return { events, pages, pending, stoppedBy: 'drained' };
		if (options.singlePage) return { events, pages, pending, stoppedBy: 'singlePage' };
	}
}
