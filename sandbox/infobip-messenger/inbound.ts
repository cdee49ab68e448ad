// Incoming messages in the Messenger API's webhook format (webhook receive-messenger-api-incoming-messages,
// body schema FacebookInboundRequest {results: InboundMessageFacebookInboundContent[], messageCount,
// pendingMessageCount}; `message` is FacebookInboundContent, discriminated by `type`):
//   TEXT {mid, text, quickReply{payload}, replyTo{mid}}   URL / AUDIO / VIDEO / FILE / LOCATION_URL {url}
//   IMAGE {url, stickerId}   FALLBACK {url, title}   LOCATION {latitude, longitude}
//   POSTBACK {payload, title}   UNKNOWN {raw}
//
// Sandbox decisions where the schema and its example disagree or say nothing:
//  - Every field the result schema marks required is sent: sender (the user's PSID), to (the page),
//    integrationType ("MESSENGER", a guess: the schema gives no value), receivedAt (Infobip's format),
//    messageId, message, price ({pricePerMessage: 0, currency: "EUR"}).
//  - TEXT always carries `quickReply` and `replyTo` (schema-required): `{}` when the user did not tap a
//    quick reply / did not reply to a message. IMAGE always carries `stickerId` (required): "" for a
//    photo. Only TEXT carries a `mid`.
//  - `exampleShape: true` sends only what the OpenAPI's own example sends (sender, to, receivedAt,
//    message), to test a client against that leaner shape.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Json } from '../core/values';
import { PRICE, formatInfobipTime } from './statuses';

export const INBOUND_TYPES = ['TEXT', 'URL', 'AUDIO', 'VIDEO', 'FILE', 'IMAGE', 'FALLBACK', 'LOCATION', 'LOCATION_URL', 'POSTBACK', 'UNKNOWN'] as const;
export type InboundType = (typeof INBOUND_TYPES)[number];

export const INTEGRATION_TYPE = 'MESSENGER';

export interface InboundSpec {
	from: string;
	to: string;
	type: InboundType;
	text?: string;
	url?: string;
	title?: string;
	payload?: string;
	/** TEXT: the quick reply's payload when the user tapped one. */
	quickReplyPayload?: string;
	/** TEXT: the mid of the message the user replied to. */
	replyToMid?: string;
	stickerId?: string;
	latitude?: number;
	longitude?: number;
	raw?: Json;
	callbackData?: string;
	pairedMessageId?: string;
	receivedAt?: number;
	exampleShape?: boolean;
}

/** A Messenger-like message id (`m_` + base64url), as Meta's `mid` values look. */
export function newMid(): string {
	return `m_${randomBytes(24).toString('base64url')}`;
}

function content(spec: InboundSpec): Json {
	const url = spec.url ?? '';
	switch (spec.type) {
		case 'TEXT':
			return {
				type: 'TEXT',
				mid: newMid(),
				text: spec.text ?? '',
				quickReply: spec.quickReplyPayload !== undefined ? { payload: spec.quickReplyPayload } : {},
				replyTo: spec.replyToMid !== undefined ? { mid: spec.replyToMid } : {},
			};
		case 'URL':
		case 'AUDIO':
		case 'VIDEO':
		case 'FILE':
		case 'LOCATION_URL':
			return { type: spec.type, url };
		case 'IMAGE':
			return { type: 'IMAGE', url, stickerId: spec.stickerId ?? '' };
		case 'FALLBACK':
			return { type: 'FALLBACK', ...(spec.url !== undefined ? { url: spec.url } : {}), title: spec.title ?? '' };
		case 'LOCATION':
			return { type: 'LOCATION', latitude: spec.latitude ?? 0, longitude: spec.longitude ?? 0 };
		case 'POSTBACK':
			return { type: 'POSTBACK', payload: spec.payload ?? '', title: spec.title ?? spec.payload ?? '' };
		case 'UNKNOWN':
			return { type: 'UNKNOWN', raw: spec.raw ?? {} };
	}
}

/** One result (schema InboundMessageFacebookInboundContent). */
export function inboundResult(spec: InboundSpec): Json {
	const receivedAt = formatInfobipTime(spec.receivedAt ?? Date.now());
	const message = content(spec);
	if (spec.exampleShape) return { sender: spec.from, to: spec.to, receivedAt, message };
	return {
		sender: spec.from,
		to: spec.to,
		integrationType: INTEGRATION_TYPE,
		receivedAt,
		messageId: randomUUID(),
		...(spec.pairedMessageId !== undefined ? { pairedMessageId: spec.pairedMessageId } : {}),
		...(spec.callbackData !== undefined ? { callbackData: spec.callbackData } : {}),
		message,
		price: { ...PRICE },
	};
}

/** The webhook body for one incoming message. */
export function incomingBody(result: Json): Json {
	return { results: [result], messageCount: 1, pendingMessageCount: 0 };
}
