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
	'edit',
	'feed',
	'status_report',
	'unknown',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
	return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

export interface EventAttachment {
	/**
	 * Messenger's vocabulary as the provider sent it: image, audio, video, file, sticker, reel, ig_reel,
	 * post, ig_post, appointment_booking, fallback, location, template...
	 */
	type: string;
	/** Only a URL the provider sent: a fallback without payload or a location has none. */
	url: string | null;
	/** Set where the provider says it (CM.com's contentType); Meta does not. */
	mimeType: string | null;
	/** File name or title where the provider gives one. */
	name: string | null;
	/** Meta stickers: the sticker's id (the same for every send of that sticker). */
	stickerId: string | null;
	/** Location attachments: the shared point. */
	coordinates: { lat: number; long: number } | null;
}

/** A reaction to a message (Meta `message_reactions`). */
export interface EventReaction {
	action: 'react' | 'unreact' | null;
	emoji: string | null;
	/** Meta's name for it: smile, angry, sad, wow, love, like, dislike or other. */
	reaction: string | null;
	/** The message reacted to. */
	messageId: string | null;
}

/** How the person reached the conversation: m.me link, ad, QR code, plugin (Meta `referral`). */
export interface EventReferral {
	ref: string | null;
	/** SHORTLINK, ADS, MESSENGER_CODE, CUSTOMER_CHAT_PLUGIN... */
	source: string | null;
	/** OPEN_THREAD for Messenger. */
	type: string | null;
	/** Click-to-Messenger ads only. */
	adId: string | null;
}

/** An opt-in: plugin (ref, user_ref) or marketing messages (payload, token). */
export interface EventOptin {
	/** Meta: `notification_messages` for marketing opt-ins, null for plugins. CM.com: the event name (OptInSubscribed...). */
	type: string | null;
	/** Send to Messenger plugin's data-ref. */
	ref: string | null;
	/** The payload of the opt-in request. */
	payload: string | null;
	/** Marketing messages: the token a later send goes to. */
	notificationToken: string | null;
	/** When that token expires, ISO 8601 (UTC) where the provider says it. */
	tokenExpiresAt: string | null;
}

/** A delivery outcome in one vocabulary for every provider. */
export type DeliveryStatus = 'accepted' | 'delivered' | 'read' | 'failed' | 'unknown';

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
	/**
	 * Who to answer when there is no PSID yet: Meta's checkbox plugin opt-in names the person only by
	 * `user_ref`. Send with recipient type "User Ref" and `{{$json.userRef}}`.
	 */
	userRef: string | null;
	/** Meta handover protocol: the event came under `standby` because another app holds the thread. */
	standby: boolean;
	/** The id of the page's message this one answers (Meta `reply_to.mid`, CM.com `reference`). */
	inReplyTo: string | null;
	/** Infobip v1: the result's `callbackData`, as sent (null when empty). */
	callbackData: string | null;
	/** Deliveries, reads and status reports: what happened to the page's message. */
	status: DeliveryStatus | null;
	/** Status reports: the provider's error code and text for a message that was not delivered. */
	errorCode: string | null;
	errorDescription: string | null;
	/** Edits (Meta `message_edits`): how often the message was edited; its new text is `text`. */
	editCount: number | null;
	reaction: EventReaction | null;
	referral: EventReferral | null;
	optin: EventOptin | null;
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
		userRef: null,
		standby: false,
		inReplyTo: null,
		callbackData: null,
		status: null,
		errorCode: null,
		errorDescription: null,
		editCount: null,
		reaction: null,
		referral: null,
		optin: null,
		raw,
	};
}

/**
 * What a trigger can start on: every event type, plus `standby` (any event Meta delivers while another
 * app holds the thread), so a bot never answers a thread a human agent has taken by accident.
 */
export type TriggerChoice = EventType | 'standby';

export function isTriggerChoice(value: unknown): value is TriggerChoice {
	return value === 'standby' || isEventType(value);
}

export function triggerChoiceOf(event: MessengerEvent): TriggerChoice {
	return event.standby ? 'standby' : event.eventType;
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
