import { buildMessengerApiRequest } from '../../../../../nodes/shared/providers/infobip-messenger/build';
import { callButton, card, PSID, postback, request, sampleMessage, SENDER, urlButton } from '../../fixtures';

const credentials = { baseUrl: 'https://xyz.api.infobip.com/', defaultSender: 'IGNORED' };

/** The one FacebookMessage of the body. */
function messageOf(body: unknown): Record<string, unknown> {
	const { messages } = body as { messages: Array<Record<string, unknown>> };
	expect(messages).toHaveLength(1);
	return messages[0];
}

// Each expected body follows the schemas of Infobip's Messenger OpenAPI 3.210.0 (send-messenger-message).
describe('buildMessengerApiRequest (Infobip Messenger API)', () => {
	it("POSTs {messages: [{sender, destinations: [{to}], content}]} to /messenger/1/messages on the account's base URL", () => {
		const options = buildMessengerApiRequest(request(sampleMessage('text')), credentials);
		expect(options).toMatchObject({ method: 'POST', baseURL: 'https://xyz.api.infobip.com', url: '/messenger/1/messages', json: true });
		expect(options.body).toEqual({ messages: [{ sender: SENDER, destinations: [{ to: PSID }], content: { type: 'TEXT', text: 'Hello' } }] });
	});

	it('quick replies sit on the message beside content, each a TEXT quick reply', () => {
		const message = messageOf(buildMessengerApiRequest(request(sampleMessage('quickReplies')), credentials).body);
		expect(message.content).toEqual({ type: 'TEXT', text: 'Pick one' });
		expect(message.quickReplies).toEqual([{ type: 'TEXT', title: 'Red', payload: 'RED' }]);
		const withImage = { type: 'text' as const, text: 'Hi', quickReplies: [{ title: 'Red', payload: 'RED', imageUrl: 'https://example.com/r.png' }] };
		expect(messageOf(buildMessengerApiRequest(request(withImage), credentials).body).quickReplies).toEqual([
			{ type: 'TEXT', title: 'Red', payload: 'RED', imageUrl: 'https://example.com/r.png' },
		]);
	});

	it('PHONE_NUMBER and EMAIL quick replies carry their type alone, beside TEXT ones', () => {
		const message = {
			type: 'quickReplies' as const,
			text: 'How can we reach you?',
			quickReplies: [{ type: 'phoneNumber' as const, title: '', payload: '' }, { type: 'email' as const, title: '', payload: '' }, { type: 'text' as const, title: 'Not now', payload: 'NO' }],
		};
		expect(messageOf(buildMessengerApiRequest(request(message), credentials).body).quickReplies).toEqual([
			{ type: 'PHONE_NUMBER' },
			{ type: 'EMAIL' },
			{ type: 'TEXT', title: 'Not now', payload: 'NO' },
		]);
	});

	it('location → LOCATION {latitude, longitude, name?, address?}, with quick replies beside it', () => {
		expect(messageOf(buildMessengerApiRequest(request(sampleMessage('location')), credentials).body).content).toEqual({
			type: 'LOCATION',
			latitude: 45.815,
			longitude: 15.9819,
			name: 'Zagreb',
			address: 'Trg bana Jelačića',
		});
		const bare = { type: 'location' as const, latitude: -33.8568, longitude: 151.2153, quickReplies: [{ title: 'Thanks', payload: 'THANKS' }] };
		const message = messageOf(buildMessengerApiRequest(request(bare), credentials).body);
		expect(message.content).toEqual({ type: 'LOCATION', latitude: -33.8568, longitude: 151.2153 });
		expect(message.quickReplies).toEqual([{ type: 'TEXT', title: 'Thanks', payload: 'THANKS' }]);
	});

	it('to a comment ID: COMMENT {content: the message} with the comment as destination, quick replies still beside it', () => {
		const toComment = { recipient: { kind: 'commentId' as const, id: '1234567890_987654321' } };
		const text = messageOf(buildMessengerApiRequest(request(sampleMessage('quickReplies'), toComment), credentials).body);
		expect(text).toEqual({
			sender: SENDER,
			destinations: [{ to: '1234567890_987654321' }],
			content: { type: 'COMMENT', content: { type: 'TEXT', text: 'Pick one' } },
			quickReplies: [{ type: 'TEXT', title: 'Red', payload: 'RED' }],
		});
		const media = { type: 'media' as const, media: { type: 'image' as const, source: { kind: 'url' as const, url: 'https://example.com/p.png' } } };
		expect(messageOf(buildMessengerApiRequest(request(media, toComment), credentials).body).content).toEqual({
			type: 'COMMENT',
			content: { type: 'IMAGE', url: 'https://example.com/p.png' },
		});
	});

	it('a message without quick replies has no quickReplies key', () => {
		expect(messageOf(buildMessengerApiRequest(request(sampleMessage('text')), credentials).body)).not.toHaveProperty('quickReplies');
	});

	it.each([
		['image', 'IMAGE'],
		['audio', 'AUDIO'],
		['video', 'VIDEO'],
		['file', 'DOCUMENT'],
	] as const)('media %s → {type: %s, url}', (type, wire) => {
		const message = { type: 'media' as const, media: { type, source: { kind: 'url' as const, url: 'https://example.com/f.bin' } } };
		expect(messageOf(buildMessengerApiRequest(request(message), credentials).body).content).toEqual({ type: wire, url: 'https://example.com/f.bin' });
	});

	it.each([
		['mark_seen', 'MARK_SEEN'],
		['typing_on', 'TYPING_ON'],
		['typing_off', 'TYPING_OFF'],
	] as const)('sender action %s → SENDER_ACTION %s', (action, wire) => {
		const content = messageOf(buildMessengerApiRequest(request({ type: 'senderAction', action }), credentials).body).content;
		expect(content).toEqual({ type: 'SENDER_ACTION', senderAction: wire });
	});

	it('button template → TEMPLATE {payload: {type: BUTTON, text, buttons}} with URL, POSTBACK and CALL buttons', () => {
		const message = { type: 'buttonTemplate' as const, text: 'What next?', buttons: [urlButton(), postback(), callButton('Call', '+1 510 555 1234')] };
		expect(messageOf(buildMessengerApiRequest(request(message), credentials).body).content).toEqual({
			type: 'TEMPLATE',
			payload: {
				type: 'BUTTON',
				text: 'What next?',
				buttons: [
					{ type: 'URL', title: 'Open', url: 'https://example.com/' },
					{ type: 'POSTBACK', title: 'Yes', payload: 'YES' },
					// CallButton.payload is the number; the spaces Meta's examples group digits with are dropped.
					{ type: 'CALL', title: 'Call', payload: '+15105551234' },
				],
			},
		});
	});

	it('generic template → TEMPLATE GENERIC with one element: title, subtitle, imageUrl, defaultAction {url}, buttons', () => {
		const message = { type: 'genericTemplate' as const, card: card({ defaultActionUrl: 'https://example.com/shirt' }) };
		expect(messageOf(buildMessengerApiRequest(request(message), credentials).body).content).toEqual({
			type: 'TEMPLATE',
			payload: {
				type: 'GENERIC',
				elements: [
					{
						title: 'Shirt',
						subtitle: 'Blue, cotton',
						imageUrl: 'https://example.com/shirt.png',
						defaultAction: { url: 'https://example.com/shirt' },
						buttons: [{ type: 'POSTBACK', title: 'Buy', payload: 'BUY_SHIRT' }],
					},
				],
			},
		});
	});

	it('carousel → TEMPLATE GENERIC with one element per card; absent fields are left out', () => {
		const message = { type: 'carousel' as const, cards: [card(), { title: 'Hat', subtitle: 'Red', buttons: [] }] };
		const content = messageOf(buildMessengerApiRequest(request(message), credentials).body).content as { payload: { elements: unknown[] } };
		expect(content.payload.elements).toEqual([
			{ title: 'Shirt', subtitle: 'Blue, cotton', imageUrl: 'https://example.com/shirt.png', buttons: [{ type: 'POSTBACK', title: 'Buy', payload: 'BUY_SHIRT' }] },
			{ title: 'Hat', subtitle: 'Red' },
		]);
	});

	it('refuses what the capability table should have stopped (a bug, not user input)', () => {
		expect(() => buildMessengerApiRequest(request(sampleMessage('productTemplate')), credentials)).toThrow(/capability table/);
		const binary = { type: 'media' as const, media: { type: 'image' as const, source: { kind: 'binary' as const, data: Buffer.from('x'), fileName: 'a.png', mimeType: 'image/png' } } };
		expect(() => buildMessengerApiRequest(request(binary), credentials)).toThrow(/capability table/);
	});
});
