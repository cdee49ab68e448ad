// The provider-neutral message model: what a user asks to send, before any provider shapes it.
// Field names follow Messenger's own vocabulary; each adapter maps them to its provider's wire format.

import type { ProviderName } from '../providers/names';

export type { ProviderName };

/**
 * PSID (Infobip: user key; CM.com: recipient number), Graph `user_ref` (checkbox and chat plugins:
 * the trigger's `userRef`), a marketing-message token (CM.com only since Meta discontinued them), or
 * the id of a comment on one of the page's posts, answered with a reply (Infobip's Messenger API:
 * COMMENT content).
 */
export type RecipientKind = 'psid' | 'userRef' | 'notificationToken' | 'commentId';

export interface Recipient {
	kind: RecipientKind;
	id: string;
}

export type MediaType = 'image' | 'audio' | 'video' | 'file';

/** Where the media bytes come from. `binary` is uploaded first where the provider has an upload API. */
export type MediaSource =
	| { kind: 'url'; url: string }
	| { kind: 'binary'; data: Buffer; fileName: string; mimeType: string }
	| { kind: 'attachmentId'; id: string };

export type MediaSourceKind = MediaSource['kind'];

export interface Media {
	type: MediaType;
	source: MediaSource;
	/** CM.com needs a file name with the right extension and a MIME type; derived from the URL when absent. */
	fileName?: string;
	mimeType?: string;
	/** Graph: ask Meta to keep the attachment so its id can be reused. */
	reusable?: boolean;
}

export type ButtonType = 'postback' | 'url' | 'call';

export interface Button {
	type: ButtonType;
	title: string;
	/** postback: the data sent back to the webhook. */
	payload?: string;
	/** url: the page opened on tap. */
	url?: string;
	/** call: the number dialled on tap. */
	phoneNumber?: string;
}

/**
 * text: a choice with a title and a payload. phoneNumber / email: asks for the user's own phone number
 * or e-mail address, which Messenger fills in from the profile (no title, payload or image; the tap
 * sends the number or address back as the quick reply's payload).
 */
export type QuickReplyType = 'text' | 'phoneNumber' | 'email';

export interface QuickReply {
	/** Absent: text (what every quick reply was before the other types existed). */
	type?: QuickReplyType;
	/** text only; empty for the other types. */
	title: string;
	/** text only; empty for the other types. */
	payload: string;
	imageUrl?: string;
}

/** One generic-template element (CM.com: one rich card). */
export interface Card {
	title: string;
	subtitle?: string;
	imageUrl?: string;
	/** Opened when the card itself is tapped. */
	defaultActionUrl?: string;
	buttons: Button[];
}

/** Graph also reacts to a message and takes the reaction back (sender-actions page, 2026-01). */
export type SenderAction = 'mark_seen' | 'typing_on' | 'typing_off' | 'react' | 'unreact';

/** CM.com's opt-in frequency (seed 004: DAILY only). */
export type OptInFrequency = 'DAILY';

export interface TextMessage {
	type: 'text';
	text: string;
	quickReplies?: QuickReply[];
}

/** A prompt with quick replies beneath it: the quick replies are the point, so they are required. */
export interface QuickRepliesMessage {
	type: 'quickReplies';
	text: string;
	quickReplies: QuickReply[];
}

export interface MediaMessage {
	type: 'media';
	media: Media;
	quickReplies?: QuickReply[];
}

export interface ButtonTemplateMessage {
	type: 'buttonTemplate';
	text: string;
	buttons: Button[];
	quickReplies?: QuickReply[];
}

export interface GenericTemplateMessage {
	type: 'genericTemplate';
	card: Card;
	quickReplies?: QuickReply[];
}

export interface CarouselMessage {
	type: 'carousel';
	cards: Card[];
	quickReplies?: QuickReply[];
}

export interface MediaTemplateMessage {
	type: 'mediaTemplate';
	media: Media;
	buttons: Button[];
	quickReplies?: QuickReply[];
}

export interface ProductTemplateMessage {
	type: 'productTemplate';
	productIds: string[];
	quickReplies?: QuickReply[];
}

export interface SenderActionMessage {
	type: 'senderAction';
	action: SenderAction;
	/** react / unreact: the message reacted to (the trigger's messageId). */
	messageId?: string;
	/** react: the emoji. */
	emoji?: string;
}

/** A place on a map: degrees of latitude (-90..90) and longitude (-180..180), with an optional name and address. */
export interface LocationMessage {
	type: 'location';
	latitude: number;
	longitude: number;
	name?: string;
	address?: string;
	quickReplies?: QuickReply[];
}

/** Marketing-messages opt-in request: CM.com's `optin` suggestion (Meta's template was discontinued). */
export interface OptInRequestMessage {
	type: 'optInRequest';
	title: string;
	payload: string;
	imageUrl?: string;
	frequency?: OptInFrequency;
	reoptin?: boolean;
	timezone?: string;
}

export type OutboundMessage =
	| TextMessage
	| QuickRepliesMessage
	| MediaMessage
	| ButtonTemplateMessage
	| GenericTemplateMessage
	| CarouselMessage
	| MediaTemplateMessage
	| ProductTemplateMessage
	| SenderActionMessage
	| OptInRequestMessage
	| LocationMessage;

export type OperationName = OutboundMessage['type'];

export type MessagingType = 'RESPONSE' | 'UPDATE';

export interface SendRequest {
	/** Infobip application key, CM.com page id or Graph page id; adapters fall back to the credential. */
	sender?: string;
	recipient: Recipient;
	message: OutboundMessage;
	/** Message tag for sends outside the 24-hour window (CM.com, Graph). */
	tag?: string;
	/** Graph `messaging_type` when no tag is set; a tag always means MESSAGE_TAG. */
	messagingType?: MessagingType;
}

/** The one result shape every provider's answer is turned into. */
export interface SendResult {
	provider: ProviderName;
	messageId: string | null;
	recipient: string;
	/** accepted: the provider queued it for Messenger; sent: Messenger itself took it (Graph). */
	status: 'accepted' | 'sent';
	/** Graph: the id of a media file uploaded on the way, reusable in later sends. */
	attachmentId?: string;
	/** Non-fatal notes, e.g. a text the provider will truncate. */
	warnings?: string[];
	raw: unknown;
}
