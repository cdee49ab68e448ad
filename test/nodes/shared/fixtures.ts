// Valid messages per operation, and requests around them: the starting point of the unit tests.
import type { Button, Card, OperationName, OutboundMessage, SendRequest } from '../../../nodes/shared/model/message';

export const PSID = '7000000000000001';

export const postback = (title = 'Yes', payload = 'YES'): Button => ({ type: 'postback', title, payload });
export const urlButton = (title = 'Open', url = 'https://example.com/'): Button => ({ type: 'url', title, url });
export const callButton = (title = 'Call us', phoneNumber = '+15105551234'): Button => ({ type: 'call', title, phoneNumber });

export const card = (overrides: Partial<Card> = {}): Card => ({
	title: 'Shirt',
	subtitle: 'Blue, cotton',
	imageUrl: 'https://example.com/shirt.png',
	buttons: [postback('Buy', 'BUY_SHIRT')],
	...overrides,
});

export function sampleMessage(operation: OperationName): OutboundMessage {
	switch (operation) {
		case 'text':
			return { type: 'text', text: 'Hello' };
		case 'quickReplies':
			return { type: 'quickReplies', text: 'Pick one', quickReplies: [{ title: 'Red', payload: 'RED' }] };
		case 'media':
			return { type: 'media', media: { type: 'image', source: { kind: 'url', url: 'https://example.com/shirt.png' } } };
		case 'buttonTemplate':
			return { type: 'buttonTemplate', text: 'What next?', buttons: [postback()] };
		case 'genericTemplate':
			return { type: 'genericTemplate', card: card() };
		case 'carousel':
			return { type: 'carousel', cards: [card(), card({ title: 'Hat' })] };
		case 'mediaTemplate':
			return {
				type: 'mediaTemplate',
				media: { type: 'image', source: { kind: 'url', url: 'https://www.facebook.com/photo.php?fbid=1' }, mimeType: 'image/png', fileName: 'photo.png' },
				buttons: [],
			};
		case 'productTemplate':
			return { type: 'productTemplate', productIds: ['FB_tshirt_001'] };
		case 'senderAction':
			return { type: 'senderAction', action: 'typing_on' };
		case 'optInRequest':
			return { type: 'optInRequest', title: 'Weekly deals', payload: 'DEALS' };
		case 'location':
			return { type: 'location', latitude: 45.815, longitude: 15.9819, name: 'Zagreb', address: 'Trg bana Jelačića' };
	}
}

/** A sender every provider takes: Graph puts it in the URL path, where only a page ID (digits) may go. */
export const SENDER = '100000000000001';

export function request(message: OutboundMessage, extra: Partial<SendRequest> = {}): SendRequest {
	return { sender: SENDER, recipient: { kind: 'psid', id: PSID }, message, ...extra };
}

/** A string of `length` characters (code points). */
export const chars = (length: number, char = 'a'): string => char.repeat(length);
