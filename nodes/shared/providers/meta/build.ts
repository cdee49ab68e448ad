import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Button, Card, Media, OutboundMessage, QuickReply, SenderActionMessage, SendRequest } from '../../model/message';
import { graphId, pathSegment } from '../../model/path-input';
import { compact, unreachable } from '../util';
import { graphBaseUrl } from './graph/base-url';

type Json = Record<string, unknown>;

function graphRecipient(request: SendRequest): Json {
	switch (request.recipient.kind) {
		case 'userRef':
			return { user_ref: request.recipient.id };
		default:
			return { id: request.recipient.id };
	}
}

function graphButton(button: Button): Json {
	switch (button.type) {
		case 'postback':
			return { type: 'postback', title: button.title, payload: button.payload };
		case 'url':
			return { type: 'web_url', url: button.url, title: button.title };
		case 'call':
			return { type: 'phone_number', title: button.title, payload: button.phoneNumber };
	}
}

/**
 * Quick replies page (developers.facebook.com/documentation/business-messaging/messenger-platform/
 * send-messages/quick-replies): `content_type` text (title and payload required, image optional),
 * user_phone_number or user_email (the button shows the user's own, and the tap sends it back).
 */
function graphQuickReply(reply: QuickReply): Json {
	if (reply.type === 'phoneNumber') return { content_type: 'user_phone_number' };
	if (reply.type === 'email') return { content_type: 'user_email' };
	return compact({ content_type: 'text', title: reply.title, payload: reply.payload, image_url: reply.imageUrl || undefined });
}

function graphCard(card: Card): Json {
	return compact({
		title: card.title,
		subtitle: card.subtitle || undefined,
		image_url: card.imageUrl || undefined,
		default_action: card.defaultActionUrl ? { type: 'web_url', url: card.defaultActionUrl } : undefined,
		buttons: card.buttons.length ? card.buttons.map(graphButton) : undefined,
	});
}

/** Media by URL or by the id of an earlier upload (binary media is uploaded before this is built). */
function mediaReference(media: Media): Json {
	if (media.source.kind === 'url') return compact({ url: media.source.url, is_reusable: media.reusable });
	if (media.source.kind === 'attachmentId') return { attachment_id: media.source.id };
	return unreachable('Meta Graph API', 'binary media that was not uploaded first');
}

function template(payload: Json): Json {
	return { attachment: { type: 'template', payload } };
}

/** The Send API `message` object for everything but sender actions. */
export function graphMessage(message: OutboundMessage): Json {
	switch (message.type) {
		case 'text':
		case 'quickReplies':
			return { text: message.text };
		case 'media':
			return { attachment: { type: message.media.type, payload: mediaReference(message.media) } };
		case 'buttonTemplate':
			return template({ template_type: 'button', text: message.text, buttons: message.buttons.map(graphButton) });
		case 'genericTemplate':
			return template({ template_type: 'generic', elements: [graphCard(message.card)] });
		case 'carousel':
			return template({ template_type: 'generic', elements: message.cards.map(graphCard) });
		case 'mediaTemplate':
			return template({
				template_type: 'media',
				elements: [
					compact({
						media_type: message.media.type,
						...mediaReference(message.media),
						buttons: message.buttons.length ? message.buttons.map(graphButton) : undefined,
					}),
				],
			});
		case 'productTemplate':
			return template({ template_type: 'product', elements: message.productIds.map((id) => ({ id })) });
		default:
			return unreachable('Meta Graph API', `"${message.type}"`);
	}
}

/**
 * `messaging_type`: MESSAGE_TAG with a tag, else RESPONSE or UPDATE as asked. A sender action goes
 * alone (no message, no messaging_type). Marketing messages (notification tokens, opt-in requests)
 * never get here: the validator refuses them for Graph since Meta discontinued them.
 */
function messagingFields(request: SendRequest): Json {
	if (request.message.type === 'senderAction') return {};
	if (request.tag) return { messaging_type: 'MESSAGE_TAG', tag: request.tag };
	return { messaging_type: request.messagingType ?? 'RESPONSE' };
}

/**
 * Sender-actions page: react / unreact carry `payload: {message_id, reaction}` (unreact: message_id
 * only); the others go alone.
 */
function senderActionFields(message: SenderActionMessage): Json {
	if (message.action === 'react') return { sender_action: 'react', payload: { message_id: message.messageId, reaction: message.emoji } };
	if (message.action === 'unreact') return { sender_action: 'unreact', payload: { message_id: message.messageId } };
	return { sender_action: message.action };
}

/** Graph Send API: `POST /{version}/{page-id}/messages`. */
export function buildMetaRequest(request: SendRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const { message } = request;
	const content: Json =
		message.type === 'senderAction'
			? senderActionFields(message)
			: {
					message: compact({
						...graphMessage(message),
						quick_replies: 'quickReplies' in message && message.quickReplies?.length ? message.quickReplies.map(graphQuickReply) : undefined,
					}),
				};
	return {
		method: 'POST',
		baseURL: graphBaseUrl(credentials),
		url: `/${pathSegment(graphId('sender', request.sender))}/messages`,
		json: true,
		body: { recipient: graphRecipient(request), ...messagingFields(request), ...content },
	};
}
