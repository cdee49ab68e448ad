// The three webhooks of Infobip's Messenger API (OpenAPI 3.210.0, `webhooks`): incoming messages
// (receive-messenger-api-incoming-messages, FacebookInboundRequest), delivery reports
// (receive-outbound-messenger-message-delivery-reports, DeliveryReports) and seen reports
// (receive-messenger-seen-reports, SeenReports). All three are `{results: [...]}`; each result says by
// its own fields which one it is, so one URL can take all three.
import type { DeliveryStatus, EventAttachment, InboundParseResult, MessengerEvent } from '../../model/event';
import { emptyEvent, InboundFormatError, isoFromDateString, stringOrNull } from '../../model/event';
import { isRecord } from '../util';

const FORMAT = 'Infobip Messenger API webhook';

function attachment(type: string, fields: Partial<EventAttachment> = {}): EventAttachment {
	return { type, url: null, mimeType: null, name: null, stickerId: null, coordinates: null, ...fields };
}

function finiteNumber(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Latitude and longitude when both are numbers, else null (the schema marks neither required). */
export function coordinatesOf(message: Record<string, unknown>): EventAttachment['coordinates'] {
	const lat = finiteNumber(message.latitude);
	const long = finiteNumber(message.longitude);
	return lat === null || long === null ? null : { lat, long };
}

/** A non-empty string, else null: the spec requires `quickReply` on every TEXT, so an empty one is no tap. */
function filled(value: unknown): string | null {
	const text = stringOrNull(value);
	return text ? text : null;
}

/**
 * FacebookInboundContent by its `type` (FacebookInboundContentType). TEXT with a quickReply payload is
 * a quick-reply tap; IMAGE with a stickerId is a sticker (Meta's own name for it since 2026-06);
 * LOCATION has coordinates, LOCATION_URL only a link; FALLBACK is a shared link with a title; URL
 * a link the user shared; UNKNOWN and anything newer stay `unknown` with the whole result in `raw`.
 */
function readMessage(event: MessengerEvent, message: Record<string, unknown>): void {
	const type = typeof message.type === 'string' ? message.type.toUpperCase() : '';
	const url = stringOrNull(message.url);
	switch (type) {
		case 'TEXT': {
			event.text = stringOrNull(message.text);
			const payload = isRecord(message.quickReply) ? filled(message.quickReply.payload) : null;
			event.eventType = payload === null ? 'text' : 'quick_reply';
			event.quickReplyPayload = payload;
			event.inReplyTo = isRecord(message.replyTo) ? filled(message.replyTo.mid) : null;
			return;
		}
		case 'IMAGE': {
			const stickerId = filled(message.stickerId);
			event.eventType = 'attachment';
			event.attachments = [attachment(stickerId ? 'sticker' : 'image', { url, stickerId })];
			return;
		}
		case 'AUDIO':
		case 'VIDEO':
		case 'FILE':
		case 'URL':
			event.eventType = 'attachment';
			event.attachments = [attachment(type.toLowerCase(), { url })];
			return;
		case 'FALLBACK':
			event.eventType = 'attachment';
			event.attachments = [attachment('fallback', { url, name: stringOrNull(message.title) })];
			return;
		case 'LOCATION':
			event.eventType = 'attachment';
			event.attachments = [attachment('location', { coordinates: coordinatesOf(message) })];
			return;
		case 'LOCATION_URL':
			event.eventType = 'attachment';
			event.attachments = [attachment('location', { url })];
			return;
		case 'POSTBACK':
			event.eventType = 'postback';
			event.postbackPayload = stringOrNull(message.payload);
			event.text = stringOrNull(message.title);
			return;
		default:
			event.eventType = 'unknown';
	}
}

/** One InboundMessageFacebookInboundContent: the user (`sender`) wrote to the page (`to`). */
export function incomingMessageEvent(raw: Record<string, unknown>): MessengerEvent {
	const event = emptyEvent('infobipMessenger', 'unknown', raw);
	event.senderId = stringOrNull(raw.sender);
	event.recipientId = stringOrNull(raw.to);
	event.pageId = event.recipientId;
	event.timestamp = isoFromDateString(raw.receivedAt);
	// `messageId` is on every result; only TEXT carries Meta's `mid` (kept in raw).
	event.messageId = stringOrNull(raw.messageId) ?? (isRecord(raw.message) ? stringOrNull(raw.message.mid) : null);
	event.callbackData = filled(raw.callbackData);
	if (isRecord(raw.message)) readMessage(event, raw.message);
	// A TEXT's replyTo names the replied message by Meta's mid; otherwise the page's message Infobip
	// paired this one with (pairedMessageId, an Infobip messageId), as the Messages API pull reads it.
	event.inReplyTo ??= filled(raw.pairedMessageId);
	return event;
}

/** MessageGeneralStatus groups in the neutral vocabulary. */
const STATUS_BY_GROUP: Readonly<Record<string, DeliveryStatus>> = {
	ACCEPTED: 'accepted',
	PENDING: 'accepted',
	DELIVERED: 'delivered',
	UNDELIVERABLE: 'failed',
	EXPIRED: 'failed',
	REJECTED: 'failed',
};

/** One DeliveryReport: what happened to a message the page (`sender`) sent to the user (`to`). */
export function deliveryReportEvent(raw: Record<string, unknown>): MessengerEvent {
	const event = emptyEvent('infobipMessenger', 'status_report', raw);
	event.senderId = stringOrNull(raw.to);
	event.recipientId = stringOrNull(raw.sender);
	event.pageId = event.recipientId;
	event.timestamp = isoFromDateString(raw.doneAt) ?? isoFromDateString(raw.sentAt);
	event.messageId = stringOrNull(raw.messageId);
	event.callbackData = filled(raw.callbackData);
	const status = isRecord(raw.status) ? raw.status : {};
	const group = typeof status.groupName === 'string' ? status.groupName.toUpperCase() : '';
	event.status = Object.hasOwn(STATUS_BY_GROUP, group) ? STATUS_BY_GROUP[group] : 'unknown';
	// MessageError: group OK / id 0 (NO_ERROR) is the spec's own example of a delivered report.
	const error = isRecord(raw.error) ? raw.error : undefined;
	if (error && error.groupName !== 'OK' && error.id !== 0) {
		event.errorCode = stringOrNull(error.name) ?? stringOrNull(error.id);
		event.errorDescription = stringOrNull(error.description);
		if (event.status === 'unknown') event.status = 'failed';
	}
	return event;
}

/** One SeenReport: here `from` is the user and `to` the page, the opposite of a delivery report. */
export function seenReportEvent(raw: Record<string, unknown>): MessengerEvent {
	const event = emptyEvent('infobipMessenger', 'read', raw);
	event.senderId = stringOrNull(raw.from);
	event.recipientId = stringOrNull(raw.to);
	event.pageId = event.recipientId;
	event.timestamp = isoFromDateString(raw.seenAt);
	event.messageId = stringOrNull(raw.messageId);
	event.status = 'read';
	return event;
}

type ResultKind = 'message' | 'seen' | 'delivery';

/**
 * Which of the three webhooks a result belongs to, by the fields only that one has: an incoming
 * message has `message` and `sender` (both required there), a seen report `seenAt`, a delivery report
 * `status` or `doneAt`. Infobip's v1 forward (`from`, no `sender`) is none of them.
 */
function kindOf(raw: Record<string, unknown>): ResultKind | undefined {
	if (isRecord(raw.message) && typeof raw.sender === 'string') return 'message';
	if (raw.seenAt !== undefined) return 'seen';
	if (isRecord(raw.status) || raw.doneAt !== undefined) return 'delivery';
	return undefined;
}

const EVENT_OF: Readonly<Record<ResultKind, (raw: Record<string, unknown>) => MessengerEvent>> = {
	message: incomingMessageEvent,
	seen: seenReportEvent,
	delivery: deliveryReportEvent,
};

/**
 * Exactly one event per element of `results[]`, in order. A body with a result that is none of the
 * three is refused whole, naming it: most likely a v1 forward sent to a trigger set to this format.
 */
export function parseMessengerApiInbound(body: unknown): InboundParseResult {
	if (!isRecord(body)) return { ok: false, error: new InboundFormatError(FORMAT, 'expected a JSON object') };
	if (!Array.isArray(body.results)) return { ok: false, error: new InboundFormatError(FORMAT, 'missing the "results" array') };
	const events: MessengerEvent[] = [];
	for (const [index, raw] of body.results.entries()) {
		const kind = isRecord(raw) ? kindOf(raw) : undefined;
		if (!kind || !isRecord(raw)) {
			const reason = `results[${index}] is not an incoming message (message and sender), a delivery report (status) or a seen report (seenAt)`;
			return { ok: false, error: new InboundFormatError(FORMAT, reason) };
		}
		events.push(EVENT_OF[kind](raw));
	}
	return { ok: true, events };
}

/**
 * What makes a result the same one when Infobip sends it again: its `messageId` (the spec puts one on
 * every incoming message and every report), and for a report also what it reports, since a message
 * gets a delivery report and a seen report under the same id.
 */
export function messengerApiEventKey(event: MessengerEvent): string | undefined {
	if (event.messageId === null) return undefined;
	if (event.eventType === 'read') return `seen:${event.messageId}`;
	if (event.eventType === 'status_report') {
		const status = isRecord(event.raw) && isRecord(event.raw.status) ? stringOrNull(event.raw.status.name) : null;
		return `report:${event.messageId}:${status ?? event.status ?? ''}`;
	}
	return `message:${event.messageId}`;
}
