// How much one delivery may carry. Every limit here is checked before a run starts, and what is over
// a limit is refused whole: a run with part of a delivery would lose the rest without the provider
// knowing.

/**
 * Events per delivery. Meta batches at most 1000 updates in one notification (Graph API Webhooks,
 * "Event Notifications": developers.facebook.com/docs/graph-api/webhooks/getting-started); Infobip's
 * inbound pages hold at most 1000 messages (Messages API `limit`, see provider-updates-2026.md), and
 * its forward and CM.com's webhooks send one message per request.
 */
export const MAX_EVENTS_PER_DELIVERY = 1000;

/**
 * JSON nesting. A Messenger event is about a dozen levels deep (body, entry, messaging, message,
 * attachments, payload, elements, buttons...); deeper JSON is no provider's, and values nested
 * thousands deep overflow the stack of whatever walks them later (n8n copies and serialises items).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether the JSON text nests objects and arrays deeper than `max`. One pass over the bytes, before
 * parsing: brackets inside strings don't count, and UTF-8 continuation bytes are never ASCII.
 */
export function jsonDepthExceeds(raw: Buffer, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < raw.length; index++) {
		const byte = raw[index];
		if (inString) {
			if (byte === 0x5c) index++; // a backslash: the next byte is escaped
			else if (byte === 0x22) inString = false;
		} else if (byte === 0x22) {
			inString = true;
		} else if (byte === 0x7b || byte === 0x5b) {
			if (++depth > max) return true;
		} else if (byte === 0x7d || byte === 0x5d) {
			depth--;
		}
	}
	return false;
}
