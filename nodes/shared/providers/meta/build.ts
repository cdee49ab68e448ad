import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Button, Card, Media, OutboundMessage, QuickReply, SendRequest } from '../../model/message';
import { graphId, graphVersion, pathSegment } from '../../model/path-input';
import { baseUrlOf, compact, unreachable } from '../util';

type Json = Record<string, unknown>;

/** `{base}/{version}`: the Graph API version is a credential field, so upgrading needs no release. */
export function graphBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return `${baseUrlOf(credentials)}/${pathSegment(graphVersion(credentials.graphApiVersion))}`;
}

function graphRecipient(request: SendRequest): Json {
	switch (request.recipient.kind) {
		case 'userRef':
			return { user_ref: request.recipient.id };
		case 'notificationToken':
			return { notification_messages_token: request.recipient.id };
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

function graphQuickReply(reply: QuickReply): Json {
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
		case 'optInRequest':
			return template(
				compact({
					template_type: 'notification_messages',
					title: message.title,
					image_url: message.imageUrl || undefined,
					payload: message.payload,
					notification_messages_frequency: message.frequency,
					notification_messages_reoptin:
						message.reoptin === undefined ? undefined : message.reoptin ? 'ENABLED' : 'DISABLED',
					notification_messages_timezone: message.timezone || undefined,
					notification_messages_cta_text: message.ctaText || undefined,
				}),
			);
		default:
			return unreachable('Meta Graph API', `"${message.type}"`);
	}
}

/**
 * `messaging_type`: MESSAGE_TAG with a tag, else RESPONSE or UPDATE as asked. A sender action goes
 * alone (no message, no messaging_type), and a send to a notification token is a marketing message,
 * which Graph identifies by the token rather than by a messaging type.
 */
function messagingFields(request: SendRequest): Json {
	if (request.message.type === 'senderAction' || request.recipient.kind === 'notificationToken') return {};
	if (request.tag) return { messaging_type: 'MESSAGE_TAG', tag: request.tag };
	return { messaging_type: request.messagingType ?? 'RESPONSE' };
}

/** Graph Send API: `POST /{version}/{page-id}/messages`. */
export function buildMetaRequest(request: SendRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const { message } = request;
	const content: Json =
		message.type === 'senderAction'
			? { sender_action: message.action }
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
