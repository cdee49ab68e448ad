// The send request of Infobip's Messenger API (OpenAPI 3.210.0, operation send-messenger-message):
// `POST /messenger/1/messages` with `{messages: [{sender, destinations: [{to}], content, quickReplies?}]}`.
// Every content, template payload, button and quick reply carries its `type`: it is the schema's
// discriminator, needed even where no schema lists it as required.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Button, Card, MediaType, OutboundMessage, QuickReply, SendRequest } from '../../model/message';
import { baseUrlOf, compact, unreachable } from '../util';

const PROVIDER = 'Infobip Messenger API';

/** The model's media types as FacebookOutboundContentType names them (a file is a DOCUMENT). */
const MEDIA_CONTENT_TYPES: Readonly<Record<MediaType, string>> = {
	image: 'IMAGE',
	audio: 'AUDIO',
	video: 'VIDEO',
	file: 'DOCUMENT',
};

/** UrlButton {title, url}, PostbackButton {title, payload}, CallButton {title, payload: the number}. */
export function messengerApiButton(button: Button): Record<string, string | undefined> {
	if (button.type === 'url') return { type: 'URL', title: button.title, url: button.url };
	if (button.type === 'postback') return { type: 'POSTBACK', title: button.title, payload: button.payload };
	if (button.type === 'call') return { type: 'CALL', title: button.title, payload: button.phoneNumber?.replace(/\s+/g, '') };
	return unreachable(PROVIDER, `a "${String(button.type)}" button`);
}

/** GenericTemplateElement: title, subtitle, imageUrl, defaultAction {url}, buttons (0..3). */
function element(card: Card): Record<string, unknown> {
	return compact({
		title: card.title,
		subtitle: card.subtitle || undefined,
		imageUrl: card.imageUrl || undefined,
		defaultAction: card.defaultActionUrl ? { url: card.defaultActionUrl } : undefined,
		buttons: card.buttons.length ? card.buttons.map(messengerApiButton) : undefined,
	});
}

/**
 * TextFacebookMtQuickReply {type: TEXT, title, payload, imageUrl?}; PhoneNumberFacebookMtQuickReply and
 * FacebookMtEmailQuickReply carry their type alone.
 */
function quickReply(reply: QuickReply): Record<string, string> {
	if (reply.type === 'phoneNumber') return { type: 'PHONE_NUMBER' };
	if (reply.type === 'email') return { type: 'EMAIL' };
	return compact({ type: 'TEXT', title: reply.title, payload: reply.payload, imageUrl: reply.imageUrl || undefined }) as Record<string, string>;
}

/** FacebookOutboundContent for one neutral message. */
export function messengerApiContent(message: OutboundMessage): Record<string, unknown> {
	switch (message.type) {
		case 'text':
		case 'quickReplies':
			return { type: 'TEXT', text: message.text };
		case 'media':
			if (message.media.source.kind !== 'url') return unreachable(PROVIDER, 'media without a URL');
			return { type: MEDIA_CONTENT_TYPES[message.media.type], url: message.media.source.url };
		case 'senderAction':
			return { type: 'SENDER_ACTION', senderAction: message.action.toUpperCase() };
		case 'buttonTemplate':
			return { type: 'TEMPLATE', payload: { type: 'BUTTON', text: message.text, buttons: message.buttons.map(messengerApiButton) } };
		case 'genericTemplate':
			return { type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [element(message.card)] } };
		case 'carousel':
			return { type: 'TEMPLATE', payload: { type: 'GENERIC', elements: message.cards.map(element) } };
		case 'location':
			// FacebookOutboundLocationContent: latitude, longitude, name?, address?.
			return compact({
				type: 'LOCATION',
				latitude: message.latitude,
				longitude: message.longitude,
				name: message.name || undefined,
				address: message.address || undefined,
			});
		default:
			return unreachable(PROVIDER, `"${message.type}"`);
	}
}

/**
 * FacebookOutboundCommentContent {type: COMMENT, content}: a reply to the comment whose id is the
 * destination. Its content is a FacebookBodyContent, whose kinds and bounds are those of the message
 * contents above (TEXT, media, LOCATION, TEMPLATE), so the same builder makes it.
 */
function contentFor(request: SendRequest): Record<string, unknown> {
	const content = messengerApiContent(request.message);
	return request.recipient.kind === 'commentId' ? { type: 'COMMENT', content } : content;
}

/** One FacebookMessage to one destination: each input item is its own message and its own result. */
export function buildMessengerApiRequest(request: SendRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const { message } = request;
	const replies = 'quickReplies' in message && message.quickReplies?.length ? message.quickReplies.map(quickReply) : undefined;
	return {
		method: 'POST',
		baseURL: baseUrlOf(credentials),
		url: '/messenger/1/messages',
		json: true,
		body: {
			messages: [
				compact({
					sender: request.sender,
					destinations: [{ to: request.recipient.id }],
					content: contentFor(request),
					quickReplies: replies,
				}),
			],
		},
	};
}
