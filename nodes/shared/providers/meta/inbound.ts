// Meta's raw Messenger webhook (seed 002, providers.md): `{object, entry: [{id, time, messaging[],
// changes[]}]}`. One POST may batch several entries and several events per entry; each becomes one
// event, in the order Meta sent them.
import type { EventAttachment, EventType, InboundParseResult, MessengerEvent } from '../../model/event';
import { emptyEvent, InboundFormatError, isoFromEpoch, stringOrNull } from '../../model/event';
import { isRecord } from '../util';

const FORMAT = 'Meta webhook';

function fail(reason: string): InboundParseResult {
	return { ok: false, error: new InboundFormatError(FORMAT, reason) };
}

function idOf(party: unknown): string | null {
	if (!isRecord(party)) return null;
	// Checkbox-plugin opt-ins identify the person by `user_ref` before a PSID exists.
	return stringOrNull(party.id) ?? stringOrNull(party.user_ref);
}

function attachmentsOf(message: Record<string, unknown>): EventAttachment[] {
	if (!Array.isArray(message.attachments)) return [];
	return message.attachments.filter(isRecord).map((attachment) => {
		const payload = isRecord(attachment.payload) ? attachment.payload : {};
		return {
			type: stringOrNull(attachment.type) ?? 'unknown',
			url: stringOrNull(payload.url) ?? stringOrNull(attachment.url),
			mimeType: null,
			name: stringOrNull(attachment.title) ?? stringOrNull(payload.title),
		};
	});
}

function messageEvent(event: MessengerEvent, message: Record<string, unknown>): MessengerEvent {
	event.messageId = stringOrNull(message.mid);
	event.text = stringOrNull(message.text);
	event.attachments = attachmentsOf(message);
	const quickReply = isRecord(message.quick_reply) ? message.quick_reply : undefined;
	event.quickReplyPayload = quickReply ? stringOrNull(quickReply.payload) : null;
	event.isEcho = message.is_echo === true;
	let type: EventType = 'unknown';
	if (event.isEcho) type = 'echo';
	else if (quickReply) type = 'quick_reply';
	// A shared link arrives as text plus a `fallback` attachment: it is still a text message.
	else if (event.text !== null) type = 'text';
	else if (event.attachments.length > 0) type = 'attachment';
	event.eventType = type;
	return event;
}

/** One entry of `entry[].messaging[]`, classified by the key that carries its payload. */
function messagingEvent(raw: unknown, pageId: string | null, entryTime: unknown): MessengerEvent {
	const event = emptyEvent('meta', 'unknown', raw);
	event.pageId = pageId;
	if (!isRecord(raw)) return event;
	event.senderId = idOf(raw.sender);
	event.recipientId = idOf(raw.recipient);
	event.timestamp = isoFromEpoch(raw.timestamp) ?? isoFromEpoch(entryTime);

	if (isRecord(raw.message)) return messageEvent(event, raw.message);
	if (isRecord(raw.postback)) {
		event.eventType = 'postback';
		event.postbackPayload = stringOrNull(raw.postback.payload);
		event.messageId = stringOrNull(raw.postback.mid);
	} else if (isRecord(raw.read)) {
		event.eventType = 'read';
	} else if (isRecord(raw.delivery)) {
		event.eventType = 'delivery';
		const mids = raw.delivery.mids;
		event.messageId = Array.isArray(mids) ? stringOrNull(mids[0]) : null;
	} else if (isRecord(raw.optin)) {
		event.eventType = 'optin';
	} else if (isRecord(raw.referral)) {
		event.eventType = 'referral';
	} else if (isRecord(raw.reaction)) {
		event.eventType = 'reaction';
		event.messageId = stringOrNull(raw.reaction.mid);
	}
	return event;
}

/** One entry of `entry[].changes[]`: page feed changes (comments, posts) and anything else subscribed. */
function changeEvent(raw: unknown, pageId: string | null, entryTime: unknown): MessengerEvent {
	const event = emptyEvent('meta', 'unknown', raw);
	event.pageId = pageId;
	if (!isRecord(raw)) return event;
	const value = isRecord(raw.value) ? raw.value : {};
	if (raw.field === 'feed') event.eventType = 'feed';
	event.senderId = idOf(value.from);
	event.messageId = stringOrNull(value.comment_id) ?? stringOrNull(value.post_id) ?? stringOrNull(value.id);
	event.text = stringOrNull(value.message) ?? stringOrNull(value.text);
	event.timestamp = isoFromEpoch(value.created_time) ?? isoFromEpoch(value.timestamp) ?? isoFromEpoch(entryTime);
	return event;
}

/**
 * Parses a decoded Meta webhook body. A body without an `entry` array is not this format; anything
 * inside the entries that is not understood becomes an `unknown` event rather than an error, because
 * Meta adds event kinds over time and a trigger must not start failing when it does.
 */
export function parseMetaWebhook(body: unknown): InboundParseResult {
	if (!isRecord(body)) return fail('expected a JSON object');
	if (!Array.isArray(body.entry)) return fail('missing the "entry" array');
	if (body.object !== undefined && typeof body.object !== 'string') return fail('"object" is not a string');

	const events: MessengerEvent[] = [];
	for (const entry of body.entry) {
		if (!isRecord(entry)) {
			events.push(emptyEvent('meta', 'unknown', entry));
			continue;
		}
		const pageId = stringOrNull(entry.id);
		const { messaging, changes } = entry;
		if (Array.isArray(messaging)) {
			for (const raw of messaging) events.push(messagingEvent(raw, pageId, entry.time));
		}
		if (Array.isArray(changes)) {
			for (const raw of changes) events.push(changeEvent(raw, pageId, entry.time));
		}
		if (!Array.isArray(messaging) && !Array.isArray(changes)) {
			// e.g. `standby` (handover protocol): kept whole, so nothing Meta sent is silently dropped.
			const unknown = emptyEvent('meta', 'unknown', entry);
			unknown.pageId = pageId;
			unknown.timestamp = isoFromEpoch(entry.time);
			events.push(unknown);
		}
	}
	return { ok: true, events };
}

const keyPart = (value: unknown): string => stringOrNull(value) ?? '';

/**
 * What makes a Meta event the same event when Meta delivers it again (it retries a slow or failed
 * delivery with the same body): the message id where the event has one, the watermark for reads and
 * deliveries, else the sender and Meta's millisecond timestamp. Undefined where nothing is stable.
 */
export function metaEventKey(event: MessengerEvent): string | undefined {
	const raw = event.raw;
	if (!isRecord(raw)) return undefined;
	if (isRecord(raw.value) && raw.field !== undefined) {
		// A feed change: the comment or post, what happened to it, and when.
		const { value } = raw;
		const id = stringOrNull(value.comment_id) ?? stringOrNull(value.post_id);
		return id === null ? undefined : `change:${keyPart(raw.field)}:${id}:${keyPart(value.verb)}:${keyPart(value.created_time)}`;
	}
	const between = `${keyPart(event.senderId)}>${keyPart(event.recipientId)}`;
	if (isRecord(raw.message) && stringOrNull(raw.message.mid) !== null) return `message:${keyPart(raw.message.mid)}`;
	if (isRecord(raw.read) && stringOrNull(raw.read.watermark) !== null) return `read:${between}:${keyPart(raw.read.watermark)}`;
	if (isRecord(raw.delivery) && stringOrNull(raw.delivery.watermark) !== null) {
		return `delivery:${between}:${keyPart(raw.delivery.watermark)}`;
	}
	if (isRecord(raw.postback) && stringOrNull(raw.postback.mid) !== null && event.eventType === 'postback') {
		return `postback:${keyPart(raw.postback.mid)}`;
	}
	// Reactions (they carry the id of the message they are about, so react and unreact on one message
	// differ only by time), opt-ins, referrals and the rest.
	if (stringOrNull(raw.timestamp) === null || event.senderId === null) return undefined;
	return `${event.eventType}:${between}:${keyPart(raw.timestamp)}`;
}
