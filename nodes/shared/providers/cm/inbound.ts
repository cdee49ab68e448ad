// CM.com Business Messaging inbound webhooks (seed 004 points to them; shapes in providers.md and
// CM.com's pages developers.cm.com/messaging/docs/incoming-messages, .../incoming-status-report and
// .../facebook-messenger-1 for the marketing-message events):
// - MO message: `{reference, messageContext, from: {number, name}, to: {number}, message: {text,
//   media: {mediaUri, contentType, title}, custom: {suggestions: [{action, postbackData}]}},
//   groupings, time, timeUtc, channel: "Facebook Messenger"}`, one message per POST. `reference` is
//   "a reference to an outgoing message that this message is a response to", not the MO's own id.
// - Channel event (the "incoming events" webhook): `{from, to, event: {type, reference, custom},
//   timeUtc, channel}`; opt-ins are `OptInSubscribed` / `OptInExtended` with
//   `custom.notificationToken` and `custom.tokenExpiry`.
// - Status report (JSON variant, a separate webhook): `{messages: {msg: {received, to, reference,
//   status: {code, errorCode, errorDescription}, operator}}}`; `msg` may also be an array.
import type { DeliveryStatus, EventAttachment, InboundParseResult, MessengerEvent } from '../../model/event';
import { emptyEvent, InboundFormatError, isoFromDateString, stringOrNull } from '../../model/event';
import { isRecord } from '../util';

const FORMAT = 'CM.com inbound';

function fail(reason: string): InboundParseResult {
	return { ok: false, error: new InboundFormatError(FORMAT, reason) };
}

function numberOf(party: unknown): string | null {
	return isRecord(party) ? stringOrNull(party.number) : null;
}

function mediaAttachment(media: unknown): EventAttachment[] {
	if (!isRecord(media)) return [];
	const url = stringOrNull(media.mediaUri);
	// CM.com sends an empty media object with every text message.
	if (!url) return [];
	// Inbound docs name the fields contentType/title; the outbound media object (seed 004) mimeType/mediaName.
	const mimeType = stringOrNull(media.contentType) || stringOrNull(media.mimeType) || null;
	const family = mimeType?.split('/')[0];
	const type = family === 'image' || family === 'audio' || family === 'video' ? family : 'file';
	return [
		{ type, url, mimeType, name: stringOrNull(media.title) || stringOrNull(media.mediaName) || null, stickerId: null, coordinates: null },
	];
}

/**
 * The data of a tapped suggestion. CM.com's inbound docs put it in `custom.suggestions[]` as
 * `{action, postbackData}`; `suggestionResponse.postbackdata` is also read, as the sandbox sends it.
 */
function suggestionPayload(message: Record<string, unknown>): string | null {
	const custom = isRecord(message.custom) ? message.custom : undefined;
	const suggestions = custom && Array.isArray(custom.suggestions) ? custom.suggestions : [];
	for (const suggestion of [...suggestions, message.suggestionResponse]) {
		if (!isRecord(suggestion)) continue;
		const payload = stringOrNull(suggestion.postbackData) ?? stringOrNull(suggestion.postbackdata);
		if (payload !== null) return payload;
	}
	return null;
}

/** CM.com's addressing, the same in MO messages and channel events: user `from`, page `to`, UTC time. */
function addressedEvent(body: Record<string, unknown>): MessengerEvent {
	const event = emptyEvent('cm', 'unknown', body);
	event.senderId = numberOf(body.from);
	event.recipientId = numberOf(body.to);
	event.pageId = event.recipientId;
	event.timestamp = isoFromDateString(body.timeUtc, true);
	return event;
}

function moEvent(body: Record<string, unknown>): MessengerEvent {
	const event = addressedEvent(body);
	// The MO's `reference` names the page's message it answers; CM.com's MO has no id of its own
	// (`messageContext` is a conversation context, not a message id), so messageId stays null.
	event.inReplyTo = stringOrNull(body.reference) || null;
	const message = isRecord(body.message) ? body.message : undefined;
	if (!message) return event;
	// CM.com sends an empty text with media messages.
	event.text = stringOrNull(message.text) || null;
	event.attachments = mediaAttachment(message.media);
	const payload = suggestionPayload(message);
	if (payload !== null) {
		// CM.com's action "Reply" serves both quick replies and postback buttons (seed 004), so a tap
		// cannot be told apart: it is reported as a quick reply carrying the payload in both fields.
		event.eventType = 'quick_reply';
		event.quickReplyPayload = payload;
		event.postbackPayload = payload;
	} else if (event.attachments.length > 0) {
		event.eventType = 'attachment';
	} else if (event.text !== null) {
		event.eventType = 'text';
	}
	return event;
}

/** The separate "incoming events" webhook (`{from, to, event, timeUtc, channel}`): opt-ins and others. */
function channelEvent(body: Record<string, unknown>): MessengerEvent {
	const event = addressedEvent(body);
	const detail = isRecord(body.event) ? body.event : {};
	const name = isRecord(body.event) ? (stringOrNull(detail.type) ?? stringOrNull(detail.name)) : stringOrNull(body.event);
	event.inReplyTo = stringOrNull(detail.reference) || null;
	if (name !== null && /^opt.?in/i.test(name)) {
		event.eventType = 'optin';
		const custom = isRecord(detail.custom) ? detail.custom : {};
		event.optin = {
			type: name,
			ref: null,
			payload: null,
			notificationToken: stringOrNull(custom.notificationToken) || null,
			tokenExpiresAt: isoFromDateString(custom.tokenExpiry, true),
		};
	}
	return event;
}

/**
 * CM.com's status codes (incoming-status-report page): 0 accepted by the operator, 1 rejected by CM.com
 * or the operator, 2 delivered, 3 failed, 4 read. A rejection is a failure like any other here, so a
 * workflow checks one value.
 */
const STATUS_BY_CODE: Readonly<Record<string, DeliveryStatus>> = { '0': 'accepted', '1': 'failed', '2': 'delivered', '3': 'failed', '4': 'read' };

function statusOf(code: string | null, errorCode: string | null): DeliveryStatus {
	const status = code !== null && Object.hasOwn(STATUS_BY_CODE, code.trim()) ? STATUS_BY_CODE[code.trim()] : 'unknown';
	// A report without a known code but with an error code is a failure, never a delivery.
	return status === 'unknown' && errorCode !== null && errorCode !== '0' ? 'failed' : status;
}

function statusEvent(raw: unknown): MessengerEvent {
	const event = emptyEvent('cm', 'status_report', raw);
	if (!isRecord(raw)) return event;
	// The person the reported message went to: the one a follow-up would be sent to.
	event.senderId = stringOrNull(raw.to);
	// Here `reference` is the page's own message (the one the report is about).
	event.messageId = stringOrNull(raw.reference) || null;
	event.timestamp = isoFromDateString(raw.received, true);
	const status = isRecord(raw.status) ? raw.status : {};
	event.errorCode = stringOrNull(status.errorCode)?.trim() || null;
	event.errorDescription = stringOrNull(status.errorDescription)?.trim() || null;
	event.status = statusOf(stringOrNull(status.code), event.errorCode);
	return event;
}

/** One MO message, or one event per status report; a body that is neither is a format error. */
export function parseCmInbound(body: unknown): InboundParseResult {
	if (!isRecord(body)) return fail('expected a JSON object');
	if (isRecord(body.messages) && body.messages.msg !== undefined) {
		const { msg } = body.messages;
		return { ok: true, events: (Array.isArray(msg) ? msg : [msg]).map(statusEvent) };
	}
	if (isRecord(body.from) && isRecord(body.message)) return { ok: true, events: [moEvent(body)] };
	if (isRecord(body.from) && body.event !== undefined) return { ok: true, events: [channelEvent(body)] };
	return fail('expected an MO message ("from", "message"), an event ("from", "event") or a status report ("messages.msg")');
}

/**
 * What makes a CM.com event the same when it comes again. A status report is its message reference,
 * the status and the time it was received. An MO message has no id of its own (its `reference` names
 * the outgoing message it answers), so MO messages and channel events are never matched.
 */
export function cmEventKey(event: MessengerEvent): string | undefined {
	const raw = event.raw;
	if (event.eventType !== 'status_report' || !isRecord(raw) || event.messageId === null) return undefined;
	const status = isRecord(raw.status) ? raw.status : {};
	return `status:${event.senderId ?? ''}:${event.messageId}:${stringOrNull(status.code) ?? ''}:${stringOrNull(raw.received) ?? ''}`;
}
