// The provider-neutral inbound event: what one webhook or inbox message means, whoever carried it.
// Every provider's parser produces exactly this shape, so a workflow written against a Meta trigger
// keeps working when it is switched to Infobip or CM.com, and a send node can answer with
// `{{$json.senderId}}` alone.
import type { ProviderName } from './message';

/** What happened. `unknown` is any well-formed event this package does not recognise (yet). */
export const EVENT_TYPES = [
	'text',
	'attachment',
	'quick_reply',
	'postback',
	'echo',
	'read',
	'delivery',
	'optin',
	'referral',
	'reaction',
	'feed',
	'status_report',
	'unknown',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
	return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

export interface EventAttachment {
	/** Messenger's vocabulary: image, audio, video, file, location, fallback, template, sticker... */
	type: string;
	url: string | null;
	/** Set where the provider says it (CM.com's contentType); Meta does not. */
	mimeType: string | null;
	/** File name or title where the provider gives one. */
	name: string | null;
}

/**
 * One inbound event. Every key is always present (null when the provider has no such value), so
 * expressions never meet `undefined` and items from different providers line up in one table.
 */
export interface MessengerEvent {
	provider: ProviderName;
	eventType: EventType;
	/** Meta/CM.com: the Facebook page id. Infobip: the application key the message was sent to. */
	pageId: string | null;
	/** The person: PSID (Infobip user key, CM.com `from.number`). For an echo, the page (as Meta sends it). */
	senderId: string | null;
	recipientId: string | null;
	/** ISO 8601 in UTC, or null when the provider sent no readable time. */
	timestamp: string | null;
	messageId: string | null;
	text: string | null;
	attachments: EventAttachment[];
	quickReplyPayload: string | null;
	postbackPayload: string | null;
	isEcho: boolean;
	/** The provider's own event, untouched, for anything the normalized fields leave out. */
	raw: unknown;
}

/** Why a body is not an inbound payload of the expected format. `reason` is short and safe to return to the caller. */
export class InboundFormatError extends Error {
	constructor(
		readonly format: string,
		readonly reason: string,
	) {
		super(`Not a valid ${format} body: ${reason}`);
		this.name = 'InboundFormatError';
	}
}

export type InboundParseResult = { ok: true; events: MessengerEvent[] } | { ok: false; error: InboundFormatError };

export function emptyEvent(provider: ProviderName, eventType: EventType, raw: unknown): MessengerEvent {
	return {
		provider,
		eventType,
		pageId: null,
		senderId: null,
		recipientId: null,
		timestamp: null,
		messageId: null,
		text: null,
		attachments: [],
		quickReplyPayload: null,
		postbackPayload: null,
		isEcho: false,
		raw,
	};
}

// Date's own range (±8.64e15 ms); outside it toISOString throws, and a parser must never throw.
const MAX_DATE_MS = 8.64e15;

function isoFromMs(ms: number): string | null {
	return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? new Date(ms).toISOString() : null;
}

/**
 * Epoch time to ISO. Meta sends milliseconds for messaging events and seconds for feed changes;
 * anything below 1e11 (year 5138 in seconds, 1973 in milliseconds) is taken as seconds.
 */
export function isoFromEpoch(value: unknown): string | null {
	const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return null;
	return isoFromMs(number < 1e11 ? number * 1000 : number);
}

/**
 * Provider date strings to ISO. Infobip writes `2017-01-05T12:47:56.221+0000` (no colon in the
 * offset) and CM.com `2021-05-27T13:47:52` (UTC, no zone at all); both are normalised before parsing.
 */
export function isoFromDateString(value: unknown, assumeUtc = false): string | null {
	if (typeof value !== 'string' || value.length > 64) return null;
	let text = value.trim().replace(' ', 'T');
	text = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
	if (assumeUtc && /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += 'Z';
	if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
	return isoFromMs(Date.parse(text));
}

/** A string field, or null: ids may arrive as numbers, which are turned into their decimal text. */
export function stringOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}
