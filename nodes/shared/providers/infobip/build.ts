import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Button, OutboundMessage, SendRequest } from '../../model/message';
import { baseUrlOf, unreachable } from '../util';

function infobipButton(button: Button): Record<string, string | undefined> {
	if (button.type === 'postback') return { type: 'POSTBACK', title: button.title, payload: button.payload };
	if (button.type === 'url') return { type: 'URL', title: button.title, url: button.url };
	return unreachable('Infobip', `a "${button.type}" button`);
}

/** Seed 003's Message object: TEXT, IMAGE/AUDIO/VIDEO/FILE, SENDER_ACTION or TEMPLATE (BUTTON). */
export function infobipMessage(message: OutboundMessage): Record<string, unknown> {
	switch (message.type) {
		case 'text':
			return { type: 'TEXT', text: message.text };
		case 'media':
			if (message.media.source.kind !== 'url') return unreachable('Infobip', 'media without a URL');
			return { type: message.media.type.toUpperCase(), url: message.media.source.url };
		case 'senderAction':
			return { type: 'SENDER_ACTION', senderAction: message.action.toUpperCase() };
		case 'buttonTemplate':
			return {
				type: 'TEMPLATE',
				payload: { type: 'BUTTON', text: message.text, buttons: message.buttons.map(infobipButton) },
			};
		default:
			return unreachable('Infobip', `"${message.type}"`);
	}
}

/** Seed 003: `POST /facebook/1/single` with `{from, to, message}`. */
export function buildInfobipRequest(
	request: SendRequest,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	return {
		method: 'POST',
		baseURL: baseUrlOf(credentials),
		url: '/facebook/1/single',
		json: true,
		body: { from: request.sender, to: request.recipient.id, message: infobipMessage(request.message) },
	};
}
