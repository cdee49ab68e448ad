// What the simulated user sends through CM.com: inbound (MO) messages to config.cm.inboundUrl and
// status reports to config.cm.statusUrl. Sources: providers.md and developers.cm.com/messaging/docs/
// incoming-messages (MO fields), .../incoming-status-report (status codes), .../facebook-messenger-1
// (opt-in events); what no page shows is decided here.
//
// ---------------------------------------------------------------------------------------------
// DECISIONS (one place):
//  - MO body: `{reference, from:{number: PSID}, to:{number: page id}, message:{...}, groupings,
//    timeUtc, channel:"Facebook Messenger"}`. `reference` is a fresh id per MO; `groupings` is
//    ["", "", ""] (CM's three custom groupings, none set); `timeUtc` is ISO-8601 UTC
//    (`2024-05-01T12:00:00.000Z`); `to.number` is config.cm.pageIds[0].
//  - text:        message {text}.
//  - quick_reply / postback (suggestion clicks): message {text: the label the user tapped
//    (action.text, else the payload), [POSTBACK_FIELD]: {postbackdata: payload}} — the postback data
//    rides in `message.suggestionResponse.postbackdata` (POSTBACK_FIELD).
//  - attachment:  message {media: {mediaName, mediaUri, mimeType}}: seed 004's media object;
//    mimeType from the URL's extension, else a default per attachmentType (DEFAULT_MIME).
//  - optin:       a notification token is issued for the user (then accepted as a `to.number` with
//    tag NOTIFICATION_MESSAGE) and the channel event CM.com documents is sent to the inbound URL
//    (developers.cm.com/messaging/docs/facebook-messenger-1, "Example Opt-In Event"): `{from, to,
//    event:{type:"OptInSubscribed", reference, custom:{notificationToken, tokenExpiry}}, timeUtc,
//    channel}`. `reference` is the opt-in request's postback data; the token never expires (seed 004),
//    so tokenExpiry is a year ahead.
//  - read / delivery: only with config.cm.statusUrl set, as a status report (STATUS_CODES; codes of
//    developers.cm.com/messaging/docs/incoming-status-report): `{messages:{msg:{received, to: PSID,
//    reference: the last accepted msg.reference to that user or null, status:{code, errorCode,
//    errorDescription}, channel:"Facebook Messenger"}}}`; variant `failed` is code 3 with an error
//    code. Without a statusUrl they are refused (nothing would carry them).
//  - reaction, referral, echo: no CM shape is documented; refused.
// ---------------------------------------------------------------------------------------------
import { randomUUID } from 'node:crypto';
import type { UserAction } from '../core/types';
import { MESSENGER_CHANNEL } from './limits';

export const POSTBACK_FIELD = 'suggestionResponse';
export const STATUS_CODES = { delivery: '2', read: '4', failed: '3' } as const;
/** The error of a `failed` report: CM.com's text for a recipient that cannot be reached. */
export const FAILED_ERROR = { errorCode: '5', errorDescription: 'Recipient unreachable' } as const;
export const DEFAULT_MIME = { image: 'image/jpeg', audio: 'audio/mp4', video: 'video/mp4', file: 'application/pdf' } as const;
const MIME_BY_EXTENSION: Record<string, string> = {
	png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
	mp4: 'video/mp4', ogg: 'video/ogg', avi: 'video/avi', mov: 'video/mov', webm: 'video/webm',
	m4a: 'audio/m4a', wav: 'audio/wav', aac: 'audio/aac', pdf: 'application/pdf',
};

export interface CmMoBody {
	reference: string;
	from: { number: string };
	to: { number: string };
	message: Record<string, unknown>;
	groupings: string[];
	timeUtc: string;
	channel: string;
}

function mediaOf(action: UserAction): { mediaName: string; mediaUri: string; mimeType: string } {
	if (!action.url) throw new Error('cm user action "attachment" needs `url`');
	// users.ts refuses Meta-only attachment types for `cm`.
	const type = (action.attachmentType ?? 'image') as keyof typeof DEFAULT_MIME;
	const name = decodeURIComponent(new URL(action.url).pathname.split('/').pop() || `attachment-${type}`);
	const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
	let mimeType: string = MIME_BY_EXTENSION[extension] ?? DEFAULT_MIME[type];
	if (type === 'audio' && mimeType.startsWith('video/')) mimeType = DEFAULT_MIME.audio;
	return { mediaName: name, mediaUri: action.url, mimeType };
}

export function buildMoMessage(action: UserAction): Record<string, unknown> {
	switch (action.kind) {
		case 'text':
			if (action.text === undefined) throw new Error('cm user action "text" needs `text`');
			return { text: action.text };
		case 'quick_reply':
		case 'postback': {
			const payload = action.payload ?? '';
			return { text: action.text ?? payload, [POSTBACK_FIELD]: { postbackdata: payload } };
		}
		case 'attachment':
			return { media: mediaOf(action) };
		default:
			throw new Error(`cm: kind "${action.kind}" has no CM.com inbound shape`);
	}
}

export function buildMo(action: UserAction, pageId: string, message: Record<string, unknown>, now = new Date()): CmMoBody {
	return {
		reference: randomUUID(),
		from: { number: action.from },
		to: { number: pageId },
		message,
		groupings: ['', '', ''],
		timeUtc: now.toISOString(),
		channel: MESSENGER_CHANNEL,
	};
}

/** The opt-in channel event (see DECISIONS). */
export function buildOptInEvent(action: UserAction, pageId: string, notificationToken: string, now = new Date()) {
	return {
		from: { number: action.from },
		to: { number: pageId },
		event: {
			type: 'OptInSubscribed',
			reference: action.payload ?? '',
			custom: { notificationToken, tokenExpiry: new Date(now.getTime() + 365 * 24 * 3600 * 1000).toISOString() },
		},
		timeUtc: now.toISOString(),
		channel: MESSENGER_CHANNEL,
	};
}

export function buildStatusReport(kind: 'read' | 'delivery' | 'failed', psid: string, reference: string | null, now = new Date()) {
	const error = kind === 'failed' ? FAILED_ERROR : { errorCode: '', errorDescription: '' };
	return {
		messages: {
			msg: {
				received: now.toISOString(),
				to: psid,
				reference,
				status: { code: STATUS_CODES[kind], ...error },
				channel: MESSENGER_CHANNEL,
			},
		},
	};
}
