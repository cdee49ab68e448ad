// Inbound messages in seed 000's shape (HTTP forward body and pull results are the same result item):
// `{from, to, receivedAt, callbackData, message:{text, type}, price:{pricePerMessage, currency}}`.
//
// ---------------------------------------------------------------------------------------------
// DECISIONS for user actions seed 000 does not show (it shows only a TEXT message):
//  - `from` is the user key (= PSID, seed 001), `to` the first application key that exists.
//  - text        -> message {type:"TEXT", text}; callbackData "".
//  - quick_reply / postback -> message {type:"TEXT", text: <the title the user tapped (action.text),
//                   or the payload when no title is given>}; the payload goes in `callbackData`
//                   (POSTBACK_PAYLOAD_FIELD). INFERRED: seed 003 says a button's payload "will be sent
//                   back to your webhook" and seed 000's only field for it is callbackData; no type
//                   is invented (no POSTBACK / QUICK_REPLY), no field is added to the documented shape.
//  - attachment  -> message {type: IMAGE|AUDIO|VIDEO|FILE, url}: INFERRED from the media types and
//                   `url` field of seed 003's media message, no `text`; callbackData "".
//  - read, delivery, reaction, optin, referral, echo: seed 000 documents user messages only, so
//                   these kinds are refused (userAction throws) rather than invented.
//  - receivedAt is the sandbox's clock in seed 000's format (`2017-01-05T12:47:56.221+0000`, UTC);
//    price is always {pricePerMessage: 0, currency: "EUR"} as in the seed.
// ---------------------------------------------------------------------------------------------
import type { UserAction } from '../core/types';

export const POSTBACK_PAYLOAD_FIELD = 'callbackData';
export const INBOUND_PRICE = { pricePerMessage: 0, currency: 'EUR' } as const;
export const INFOBIP_SUPPORTED_KINDS: ReadonlyArray<UserAction['kind']> = ['text', 'quick_reply', 'postback', 'attachment'];

export interface InfobipInboundResult {
	from: string;
	to: string;
	receivedAt: string;
	callbackData: string;
	message: { type: string; text?: string; url?: string };
	price: { pricePerMessage: number; currency: string };
}

/** Seed 000's timestamp format: milliseconds and a `+0000` offset. */
export function formatReceivedAt(date: Date): string {
	return date.toISOString().replace('Z', '+0000');
}

export function buildInboundResult(action: UserAction, applicationKey: string, now = new Date()): InfobipInboundResult {
	const base = {
		from: action.from,
		to: applicationKey,
		receivedAt: formatReceivedAt(now),
		callbackData: '',
		price: { ...INBOUND_PRICE },
	};
	switch (action.kind) {
		case 'text':
			if (action.text === undefined) throw new Error('infobip user action "text" needs `text`');
			return { ...base, message: { text: action.text, type: 'TEXT' } };
		case 'quick_reply':
		case 'postback': {
			const payload = action.payload ?? '';
			const text = action.text ?? payload;
			return { ...base, [POSTBACK_PAYLOAD_FIELD]: payload, message: { text, type: 'TEXT' } };
		}
		case 'attachment': {
			if (!action.url) throw new Error('infobip user action "attachment" needs `url`');
			const type = (action.attachmentType ?? 'image').toUpperCase();
			return { ...base, message: { type, url: action.url } };
		}
		default:
			throw new Error(
				`infobip: seed 000 carries user messages only; kind "${action.kind}" has no Infobip v1 shape ` +
					`(supported: ${INFOBIP_SUPPORTED_KINDS.join(', ')})`,
			);
	}
}

/** The forward body for one message: `{results:[one], messageCount:1, pendingMessageCount:0}`. */
export function forwardBody(result: InfobipInboundResult): { results: InfobipInboundResult[]; messageCount: number; pendingMessageCount: number } {
	return { results: [result], messageCount: 1, pendingMessageCount: 0 };
}
