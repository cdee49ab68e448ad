// Infobip's Facebook API v1 inbound body (seed 000). The HTTP-forward POST and the pull response of
// `GET /facebook/1/inbox/reports` share one shape: `{results: [{from, to, receivedAt, callbackData,
// message: {text, type}, price}], messageCount, pendingMessageCount}`.
import type { EventAttachment, EventType, InboundParseResult, MessengerEvent } from '../../model/event';
import { emptyEvent, InboundFormatError, isoFromDateString, stringOrNull } from '../../model/event';
import { isRecord } from '../util';

const FORMAT = 'Infobip inbound';

// Seed 000 documents only TEXT. The media types are those seed 003 sends (IMAGE, AUDIO, VIDEO, FILE);
// QUICK_REPLY and POSTBACK are unverified names, kept in this one table so a correction is one line.
const TYPE_BY_MESSAGE_TYPE: Readonly<Record<string, EventType>> = {
	TEXT: 'text',
	IMAGE: 'attachment',
	AUDIO: 'attachment',
	VIDEO: 'attachment',
	FILE: 'attachment',
	LOCATION: 'attachment',
	QUICK_REPLY: 'quick_reply',
	POSTBACK: 'postback',
};

function attachmentOf(type: string, message: Record<string, unknown>): EventAttachment {
	return {
		type: type.toLowerCase(),
		url: stringOrNull(message.url) ?? stringOrNull(message.mediaUrl),
		mimeType: stringOrNull(message.mimeType),
		name: stringOrNull(message.fileName) ?? stringOrNull(message.name),
	};
}

/** One element of `results[]`. Always yields an event: a pulled message can never be fetched again. */
export function infobipResultEvent(raw: unknown): MessengerEvent {
	const event = emptyEvent('infobip', 'unknown', raw);
	if (!isRecord(raw)) return event;
	event.senderId = stringOrNull(raw.from);
	event.recipientId = stringOrNull(raw.to);
	// The application key the message went to stands for the page: it is also the sender of a reply.
	event.pageId = event.recipientId;
	event.timestamp = isoFromDateString(raw.receivedAt);
	event.messageId = stringOrNull(raw.messageId);
	const message = isRecord(raw.message) ? raw.message : undefined;
	if (!message) return event;
	const messageType = typeof message.type === 'string' ? message.type.toUpperCase() : '';
	event.eventType = Object.hasOwn(TYPE_BY_MESSAGE_TYPE, messageType) ? TYPE_BY_MESSAGE_TYPE[messageType] : 'unknown';
	event.text = stringOrNull(message.text);
	const payload = stringOrNull(message.payload);
	if (event.eventType === 'attachment') event.attachments = [attachmentOf(messageType, message)];
	if (event.eventType === 'quick_reply') event.quickReplyPayload = payload;
	if (event.eventType === 'postback') event.postbackPayload = payload;
	return event;
}

export interface InfobipInboundPage {
	events: MessengerEvent[];
	/** Messages still waiting in the inbox after this page (pull); 0 when absent or unreadable. */
	pendingMessageCount: number;
	messageCount: number | null;
}

export type InfobipPageResult = ({ ok: true } & InfobipInboundPage) | { ok: false; error: InboundFormatError };

function count(value: unknown): number | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The whole body with the paging counters the pull loop needs. */
export function parseInfobipPage(body: unknown): InfobipPageResult {
	if (!isRecord(body)) return { ok: false, error: new InboundFormatError(FORMAT, 'expected a JSON object') };
	if (!Array.isArray(body.results)) {
		return { ok: false, error: new InboundFormatError(FORMAT, 'missing the "results" array') };
	}
	return {
		ok: true,
		events: body.results.map(infobipResultEvent),
		pendingMessageCount: count(body.pendingMessageCount) ?? 0,
		messageCount: count(body.messageCount),
	};
}

/** Exactly one event per element of `results[]`, in order. */
export function parseInfobipInbound(body: unknown): InboundParseResult {
	const page = parseInfobipPage(body);
	return page.ok ? { ok: true, events: page.events } : page;
}

/**
 * What makes an Infobip result the same message when it comes again: its `messageId`, which today's
 * Messenger webhooks put on every result. Seed 000's v1 forward has none, so those are never matched.
 */
export function infobipEventKey(event: MessengerEvent): string | undefined {
	return event.messageId === null ? undefined : `message:${event.messageId}`;
}
