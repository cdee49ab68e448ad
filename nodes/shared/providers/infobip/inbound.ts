// Infobip's Facebook API v1 inbound body (seed 000). The HTTP-forward POST and the pull response of
// `GET /facebook/1/inbox/reports` share one shape: `{results: [{from, to, receivedAt, callbackData,
// message: {text, type}, price}], messageCount, pendingMessageCount}`.
import type { EventAttachment, EventType, InboundParseResult, MessengerEvent } from '../../model/event';
import { emptyEvent, InboundFormatError, isoFromDateString, stringOrNull } from '../../model/event';
import { isRecord } from '../util';

const FORMAT = 'Infobip inbound';

/**
 * Infobip v1 inbound `message.type` values, and where each comes from. Seed 000 (the only document of
 * this API's inbound body) shows TEXT alone, with the result's `callbackData`; everything else is
 * inferred, kept in this one table so a correction is one line:
 * - IMAGE, AUDIO, VIDEO, FILE: seed 003's outbound media types, assumed to come back the same way.
 * - LOCATION: Messenger has location shares; Infobip's name for them is a guess.
 * - QUICK_REPLY, POSTBACK: no document names them. A tap's payload "will be sent back to your
 *   webhook" (seed 003, button payload), and the only field seed 000 has for it is `callbackData`:
 *   read `callbackData`, not the type, for a tap. A TEXT keeps type `text` even with a callbackData,
 *   because seed 000's own example is a plain text carrying one.
 */
export const INFOBIP_INBOUND_TYPES: Readonly<Record<string, { eventType: EventType; documented: boolean }>> = {
	TEXT: { eventType: 'text', documented: true },
	IMAGE: { eventType: 'attachment', documented: false },
	AUDIO: { eventType: 'attachment', documented: false },
	VIDEO: { eventType: 'attachment', documented: false },
	FILE: { eventType: 'attachment', documented: false },
	LOCATION: { eventType: 'attachment', documented: false },
	QUICK_REPLY: { eventType: 'quick_reply', documented: false },
	POSTBACK: { eventType: 'postback', documented: false },
};

function attachmentOf(type: string, message: Record<string, unknown>): EventAttachment {
	return {
		type: type.toLowerCase(),
		url: stringOrNull(message.url) ?? stringOrNull(message.mediaUrl),
		mimeType: stringOrNull(message.mimeType),
		name: stringOrNull(message.fileName) ?? stringOrNull(message.name),
		stickerId: null,
		coordinates: null,
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
	event.callbackData = stringOrNull(raw.callbackData) || null;
	const message = isRecord(raw.message) ? raw.message : undefined;
	if (!message) return event;
	const messageType = typeof message.type === 'string' ? message.type.toUpperCase() : '';
	event.eventType = Object.hasOwn(INFOBIP_INBOUND_TYPES, messageType) ? INFOBIP_INBOUND_TYPES[messageType].eventType : 'unknown';
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
