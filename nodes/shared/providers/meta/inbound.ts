// Meta's raw Messenger webhook (seed 002, providers.md): `{object, entry: [{id, time, messaging[],
// standby[], changes[]}]}`. One POST may batch several entries and several events per entry; each
// becomes one event, in the order Meta sent them. The shapes of each event are Meta's webhook event
// reference pages (developers.facebook.com/documentation/business-messaging/messenger-platform/
// webhooks/webhook-events/: messages, messaging_postbacks, messaging_optins, messaging_referrals,
// message-reactions, message-edits) and the handover protocol page for `standby`.
import type { EventAttachment, EventOptin, EventReferral, EventType, InboundParseResult, MessengerEvent } from '../../model/event';
import { emptyEvent, InboundFormatError, isoFromEpoch, stringOrNull } from '../../model/event';
import { isRecord } from '../util';

const FORMAT = 'Meta webhook';

function fail(reason: string): InboundParseResult {
	return { ok: false, error: new InboundFormatError(FORMAT, reason) };
}

function field(record: unknown, key: string): string | null {
	return isRecord(record) ? stringOrNull(record[key]) : null;
}

function coordinatesOf(payload: Record<string, unknown>): EventAttachment['coordinates'] {
	const point = isRecord(payload.coordinates) ? payload.coordinates : undefined;
	if (!point) return null;
	const lat = Number(point.lat);
	const long = Number(point.long);
	return Number.isFinite(lat) && Number.isFinite(long) ? { lat, long } : null;
}

/**
 * The attachments as Meta typed them (messages page: image, audio, video, file, sticker, reel, ig_reel,
 * post, ig_post, appointment_booking; fallback, sometimes without payload). A URL is read only where
 * Meta put one (`payload.url`, or a fallback's top-level `url`): none is made up.
 *
 * Stickers (changelog 2026-06-01): until 2026-08-30 Meta sends each sticker twice, as an `image` and
 * as a `sticker` attachment with the same `sticker_id`; older webhooks send only the image. Anything
 * carrying a `sticker_id` is a sticker, and the copy is dropped, so one sticker is one attachment.
 */
function attachmentsOf(message: Record<string, unknown>): EventAttachment[] {
	if (!Array.isArray(message.attachments)) return [];
	const attachments: EventAttachment[] = [];
	for (const attachment of message.attachments.filter(isRecord)) {
		const payload = isRecord(attachment.payload) ? attachment.payload : {};
		const stickerId = stringOrNull(payload.sticker_id);
		const type = stickerId !== null ? 'sticker' : (stringOrNull(attachment.type) ?? 'unknown');
		if (stickerId !== null && attachments.some((known) => known.stickerId === stickerId)) continue;
		attachments.push({
			type,
			url: stringOrNull(payload.url) ?? stringOrNull(attachment.url),
			mimeType: null,
			name: stringOrNull(attachment.title) ?? stringOrNull(payload.title),
			stickerId,
			coordinates: coordinatesOf(payload),
		});
	}
	return attachments;
}

function messageEvent(event: MessengerEvent, message: Record<string, unknown>): MessengerEvent {
	event.messageId = stringOrNull(message.mid);
	event.text = stringOrNull(message.text);
	event.attachments = attachmentsOf(message);
	event.inReplyTo = field(message.reply_to, 'mid');
	const quickReply = isRecord(message.quick_reply) ? message.quick_reply : undefined;
	event.quickReplyPayload = quickReply ? stringOrNull(quickReply.payload) : null;
	event.isEcho = message.is_echo === true;
	// A message sent from a click-to-Messenger ad carries the ad's referral (messages page).
	if (isRecord(message.referral)) event.referral = referralOf(message.referral);
	let type: EventType = 'unknown';
	if (event.isEcho) type = 'echo';
	else if (quickReply) type = 'quick_reply';
	// A shared link arrives as text plus a `fallback` attachment: it is still a text message.
	else if (event.text !== null) type = 'text';
	else if (event.attachments.length > 0) type = 'attachment';
	event.eventType = type;
	return event;
}

/** messaging_referrals page; the same object rides in `postback.referral` and `message.referral`. */
function referralOf(referral: Record<string, unknown>): EventReferral {
	return {
		ref: stringOrNull(referral.ref),
		source: stringOrNull(referral.source),
		type: stringOrNull(referral.type),
		adId: stringOrNull(referral.ad_id),
	};
}

/**
 * messaging_optins page. The checkbox plugin's opt-in has no `sender`: the person is `optin.user_ref`,
 * which is also the only way to answer them (`recipient.user_ref`), so it becomes `userRef`.
 */
function optinOf(optin: Record<string, unknown>): EventOptin {
	return {
		type: stringOrNull(optin.type),
		ref: stringOrNull(optin.ref),
		payload: stringOrNull(optin.payload),
		notificationToken: stringOrNull(optin.notification_messages_token),
		tokenExpiresAt: isoFromEpoch(optin.token_expiry_timestamp),
	};
}

/** One element of `entry[].messaging[]` or `entry[].standby[]`, classified by the key that carries its payload. */
function messagingEvent(raw: unknown, pageId: string | null, entryTime: unknown, standby: boolean): MessengerEvent {
	const event = emptyEvent('meta', 'unknown', raw);
	event.pageId = pageId;
	event.standby = standby;
	if (!isRecord(raw)) return event;
	event.senderId = field(raw.sender, 'id');
	event.recipientId = field(raw.recipient, 'id');
	// The chat plugin names the person by `sender.user_ref` (messaging_postbacks page).
	event.userRef = field(raw.sender, 'user_ref');
	event.timestamp = isoFromEpoch(raw.timestamp) ?? isoFromEpoch(entryTime);

	if (isRecord(raw.message)) return messageEvent(event, raw.message);
	if (isRecord(raw.postback)) {
		event.eventType = 'postback';
		event.postbackPayload = stringOrNull(raw.postback.payload);
		event.messageId = stringOrNull(raw.postback.mid);
		if (isRecord(raw.postback.referral)) event.referral = referralOf(raw.postback.referral);
	} else if (isRecord(raw.read)) {
		event.eventType = 'read';
		event.status = 'read';
	} else if (isRecord(raw.delivery)) {
		event.eventType = 'delivery';
		event.status = 'delivered';
		const mids = raw.delivery.mids;
		event.messageId = Array.isArray(mids) ? stringOrNull(mids[0]) : null;
	} else if (isRecord(raw.optin)) {
		event.eventType = 'optin';
		event.optin = optinOf(raw.optin);
		event.userRef = stringOrNull(raw.optin.user_ref) ?? event.userRef;
	} else if (isRecord(raw.referral)) {
		event.eventType = 'referral';
		event.referral = referralOf(raw.referral);
	} else if (isRecord(raw.reaction)) {
		event.eventType = 'reaction';
		const { reaction } = raw;
		event.messageId = stringOrNull(reaction.mid);
		const action = stringOrNull(reaction.action);
		event.reaction = {
			action: action === 'react' || action === 'unreact' ? action : null,
			emoji: stringOrNull(reaction.emoji),
			reaction: stringOrNull(reaction.reaction),
			messageId: event.messageId,
		};
	} else if (isRecord(raw.message_edit)) {
		event.eventType = 'edit';
		const edit = raw.message_edit;
		event.messageId = stringOrNull(edit.mid);
		event.text = stringOrNull(edit.text);
		// Meta's example writes num_edit as a string, its table as an integer.
		const count = Number(edit.num_edit);
		event.editCount = edit.num_edit !== undefined && Number.isInteger(count) && count >= 0 ? count : null;
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
	event.senderId = field(value.from, 'id');
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
		const { messaging, standby, changes } = entry;
		if (Array.isArray(messaging)) {
			for (const raw of messaging) events.push(messagingEvent(raw, pageId, entry.time, false));
		}
		// Handover protocol: while another app holds the thread, its events come here, one per element.
		if (Array.isArray(standby)) {
			for (const raw of standby) events.push(messagingEvent(raw, pageId, entry.time, true));
		}
		if (Array.isArray(changes)) {
			for (const raw of changes) events.push(changeEvent(raw, pageId, entry.time));
		}
		if (!Array.isArray(messaging) && !Array.isArray(standby) && !Array.isArray(changes)) {
			// Kept whole, so nothing Meta sent is silently dropped.
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
