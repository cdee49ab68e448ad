import { randomUUID } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { mediaFileName, mediaMimeType } from '../../model/media';
import type { Button, Card, Media, OutboundMessage, QuickReply, SendRequest } from '../../model/message';
import { baseUrlOf, compact, unreachable } from '../util';

type Json = Record<string, unknown>;

/** Seed 004's media object; the name must end in the right extension, so it is derived from the URL. */
function cmMedia(media: Media): Json {
	if (media.source.kind !== 'url') return unreachable('CM.com', 'media without a URL');
	return { mediaName: mediaFileName(media), mediaUri: media.source.url, mimeType: mediaMimeType(media) };
}

function cmImage(url: string | undefined): Json | undefined {
	return url ? cmMedia({ type: 'image', source: { kind: 'url', url } }) : undefined;
}

/** Template buttons, spelled as seed 004's rich card examples spell them (REPLY, OPENURL, DIAL). */
function cmButton(button: Button): Json {
	switch (button.type) {
		case 'postback':
			return { action: 'REPLY', label: button.title, postbackdata: button.payload };
		case 'url':
			return { action: 'OPENURL', label: button.title, url: button.url };
		case 'call':
			// Seed 004 lists Dial ("phone number required") without an example; CM.com's suggestion
			// reference carries the number as `dial.phoneNumber`.
			return { action: 'DIAL', label: button.title, dial: { phoneNumber: button.phoneNumber } };
	}
}

/** Quick replies, spelled as seed 004's quick reply example spells them (`Reply`); text ones only. */
function cmQuickReply(reply: QuickReply): Json {
	if (reply.type && reply.type !== 'text') return unreachable('CM.com', `a "${reply.type}" quick reply`);
	return compact({ action: 'Reply', label: reply.title, postbackdata: reply.payload, media: cmImage(reply.imageUrl) });
}

function cmCard(card: Card): Json {
	return compact({
		header: card.title,
		text: card.subtitle || undefined,
		media: cmImage(card.imageUrl),
		suggestions: card.buttons.length ? card.buttons.map(cmButton) : undefined,
	});
}

function carousel(cards: Json[]): Json {
	return { carousel: { cards } };
}

/** One element of `richContent.conversation`, per seed 004's input matrix. */
export function cmConversationItem(message: OutboundMessage): Json {
	switch (message.type) {
		case 'text':
		case 'quickReplies':
			return compact({ text: message.text, suggestions: message.quickReplies?.map(cmQuickReply) });
		case 'media':
			return { media: cmMedia(message.media) };
		case 'buttonTemplate':
			return carousel([{ header: message.text, suggestions: message.buttons.map(cmButton) }]);
		case 'genericTemplate':
			return carousel([cmCard(message.card)]);
		case 'carousel':
			return carousel(message.cards.map(cmCard));
		case 'mediaTemplate':
			return carousel([
				compact({
					media: cmMedia(message.media),
					suggestions: message.buttons.length ? message.buttons.map(cmButton) : undefined,
				}),
			]);
		case 'productTemplate':
			return { suggestions: message.productIds.map((id) => ({ action: 'VIEWPRODUCT', product: { id } })) };
		case 'optInRequest':
			return {
				suggestions: [
					compact({
						action: 'optin',
						postbackdata: message.payload,
						label: message.title,
						media: cmImage(message.imageUrl),
						optin: compact({
							frequency: message.frequency ?? 'DAILY',
							reoptin: message.reoptin,
							timezone: message.timezone || undefined,
						}),
					}),
				],
			};
		default:
			return unreachable('CM.com', `"${message.type}"`);
	}
}

/** The plain-text body every CM.com message carries (the fallback for channels without rich content). */
function fallbackText(message: OutboundMessage): string {
	switch (message.type) {
		case 'text':
		case 'quickReplies':
		case 'buttonTemplate':
			return message.text;
		case 'genericTemplate':
			return message.card.title;
		case 'carousel':
			return message.cards[0]?.title ?? '';
		default:
			return '';
	}
}

/**
 * CM.com answers with no message id of its own; the `reference` a message carries is echoed in the
 * answer and in status reports, so the node sets one (32 alphanumerics, CM's limit) to report as the
 * message id. It is fixed before the first attempt, so a retry sends the same reference.
 */
export function newCmReference(): string {
	return randomUUID().replace(/-/g, '');
}

/**
 * Seed 004: the `messages.msg[]` envelope for Facebook Messenger only. The product token travels in the
 * `X-CM-PRODUCTTOKEN` header (the credential's authenticate), not in the body, so it never shows up in
 * a logged or echoed request body. A notification token is only valid with the NOTIFICATION_MESSAGE tag.
 */
export function buildCmRequest(
	request: SendRequest,
	credentials: ICredentialDataDecryptedObject,
	reference: string = newCmReference(),
): IHttpRequestOptions {
	const tag = request.tag || (request.recipient.kind === 'notificationToken' ? 'NOTIFICATION_MESSAGE' : undefined);
	const item = compact({ ...cmConversationItem(request.message), tag });
	return {
		method: 'POST',
		baseURL: baseUrlOf(credentials),
		url: '/v1.0/message',
		json: true,
		body: {
			messages: {
				msg: [
					{
						from: request.sender,
						to: [{ number: request.recipient.id }],
						allowedChannels: ['Facebook Messenger'],
						body: { type: 'auto', content: fallbackText(request.message) },
						richContent: { conversation: [item] },
						reference,
					},
				],
			},
		},
	};
}
