// The pull inbox of today's Infobip: the Messages API's `GET /messages-api/1/inbound?channel=MESSENGER
// &limit=N` (messages-api-openapi.json, operation "Get inbound messages"): each message is returned
// once, only from the last 48 hours, at most 1000 per call (stated in the `limit` prose only). The
// answer is MessagesApiIncomingMessageResponse, `{results: [MessagesApiInboundEvent], messageCount,
// pendingMessageCount}`, whose results differ from the Messenger API's webhook: `destination` instead
// of `to`, and `content` is an array of parts.
import type { EventAttachment, MessengerEvent } from '../../model/event';
import { emptyEvent, InboundFormatError, isoFromDateString, stringOrNull } from '../../model/event';
import type { InboxPage, InboxPull } from '../types';
import { baseUrlOf, isRecord } from '../util';
import { coordinatesOf } from './inbound';

const FORMAT = 'Infobip Messages API inbound page';

function attachment(type: string, part: Record<string, unknown>): EventAttachment {
	return {
		type,
		url: stringOrNull(part.url),
		mimeType: null,
		name: null,
		stickerId: null,
		coordinates: type === 'location' ? coordinatesOf(part) : null,
	};
}

/** MessagesApiMoEventContent types that are a file of some kind, in the neutral vocabulary. */
const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
	IMAGE: 'image',
	AUDIO: 'audio',
	VIDEO: 'video',
	DOCUMENT: 'file',
	FILE: 'file',
	URL: 'url',
	LOCATION: 'location',
};

/**
 * The message's parts, read in order: the first part decides the event type, every file-like part
 * becomes an attachment, and the text is the first text or caption. BUTTON_REPLY (a button tap) is a
 * postback with its payload (or its id when it has none); REACTION a reaction. Anything else, and the
 * typing events (`event` TYPING_STARTED / TYPING_STOPPED), stays `unknown` with the result in `raw`.
 */
function readContent(event: MessengerEvent, parts: Array<Record<string, unknown>>): void {
	const first = parts[0];
	const firstType = first && typeof first.type === 'string' ? first.type.toUpperCase() : '';
	event.text = parts.map((part) => stringOrNull(part.text)).find((text) => text !== null) ?? null;
	event.attachments = parts
		.filter((part) => typeof part.type === 'string' && Object.hasOwn(ATTACHMENT_TYPES, part.type.toUpperCase()))
		.map((part) => attachment(ATTACHMENT_TYPES[String(part.type).toUpperCase()], part));
	if (firstType === 'TEXT') event.eventType = 'text';
	else if (Object.hasOwn(ATTACHMENT_TYPES, firstType)) event.eventType = 'attachment';
	else if (firstType === 'BUTTON_REPLY') {
		event.eventType = 'postback';
		event.postbackPayload = stringOrNull(first.payload) ?? stringOrNull(first.id);
	} else if (firstType === 'REACTION') {
		event.eventType = 'reaction';
		const action = first.action === 'ADDED' ? 'react' : first.action === 'REMOVED' ? 'unreact' : null;
		event.reaction = { action, emoji: stringOrNull(first.emoji), reaction: null, messageId: null };
	}
}

/** One MessagesApiInboundEvent. Always an event: a pulled message can never be fetched again. */
export function messagesApiResultEvent(raw: unknown): MessengerEvent {
	const event = emptyEvent('infobipMessenger', 'unknown', raw);
	if (!isRecord(raw)) return event;
	event.senderId = stringOrNull(raw.sender);
	event.recipientId = stringOrNull(raw.destination);
	event.pageId = event.recipientId;
	event.timestamp = isoFromDateString(raw.receivedAt);
	event.messageId = stringOrNull(raw.messageId);
	event.callbackData = stringOrNull(raw.callbackData) || null;
	event.inReplyTo = stringOrNull(raw.pairedMessageId);
	const isMessage = raw.event === undefined || raw.event === 'MO';
	if (isMessage && Array.isArray(raw.content)) readContent(event, raw.content.filter(isRecord));
	return event;
}

function count(value: unknown): number | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** One page. `pendingMessageCount` is null when absent (the spec's MESSENGER example has none). */
export function parseMessagesApiPage(body: unknown): InboxPage {
	if (!isRecord(body)) return { ok: false, error: new InboundFormatError(FORMAT, 'expected a JSON object') };
	if (!Array.isArray(body.results)) return { ok: false, error: new InboundFormatError(FORMAT, 'missing the "results" array') };
	return {
		ok: true,
		events: body.results.map(messagesApiResultEvent),
		pendingMessageCount: count(body.pendingMessageCount),
		messageCount: count(body.messageCount),
	};
}

export const MESSAGES_API_INBOX_PULL: InboxPull = {
	description: "Today's Messages API inbox, GET /messages-api/1/inbound?channel=MESSENGER (messages of the last 48 hours)",
	maxLimit: 1000,
	buildPullRequest: (credentials, limit, timeout) => ({
		method: 'GET',
		url: `${baseUrlOf(credentials)}/messages-api/1/inbound`,
		qs: { channel: 'MESSENGER', limit },
		json: true,
		timeout,
	}),
	parsePage: parseMessagesApiPage,
	// The operation's x-scopes are inbound-message:read and messages-api:manage, none of the Messenger
	// API's send scopes; and a pull carries only channel and limit, no sender or recipient.
	errorHints: {
		E400: 'Infobip refused the pull request (channel MESSENGER, a limit of 1 to 1000): the text above names what it refused',
		E403: 'The API key may not read inbound messages: give it the inbound-message:read or messages-api:manage scope on the API keys page of the Infobip portal',
	},
};
