import { onlyBody, send } from './helpers';
import { useSandbox } from '../../support/sandbox';

// Every content type the node sends through Infobip's Messenger API, through n8n-core and over real HTTP
// to the sandbox, which checks each body against the OpenAPI's schemas and answers as Infobip does.
describe('Messenger node via Infobip (Messenger API)', () => {
	const sandbox = useSandbox();
	let alice: string;
	let page: string;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
		page = sandbox.config.infobip.messengerApi.pageIds[0];
	});
	beforeEach(() => sandbox.clearLog());

	const message = (content: unknown, extra: Record<string, unknown> = {}) => ({
		messages: [{ sender: page, destinations: [{ to: alice }], content, ...extra }],
	});

	it('sends text with App-key auth to /messenger/1/messages and outputs the uniform result', async () => {
		const outcome = await send(sandbox, 'infobipMessenger', { resource: 'message', operation: 'text', recipient: alice, text: 'Hello, World!' });
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual(message({ type: 'TEXT', text: 'Hello, World!' }));
		expect(outcome.sent[0].headers.authorization).toBe(`App ${sandbox.config.infobip.apiKey}`);
		const [item] = outcome.items;
		expect(item.json).toEqual({ provider: 'infobipMessenger', messageId: expect.any(String), recipient: alice, status: 'accepted', raw: outcome.sent[0].response });
		expect(sandbox.delivered.map((delivered) => delivered.messageId)).toEqual([item.json.messageId]);
	});

	it('sends TEXT quick replies beside the content, alone and on a text', async () => {
		const replies = { reply: [{ title: 'Red', payload: 'RED' }, { title: 'Blue', payload: 'BLUE' }] };
		const quickReplies = [
			{ type: 'TEXT', title: 'Red', payload: 'RED' },
			{ type: 'TEXT', title: 'Blue', payload: 'BLUE' },
		];
		for (const operation of ['quickReplies', 'text']) {
			sandbox.clearLog();
			const outcome = await send(sandbox, 'infobipMessenger', { operation, recipient: alice, text: 'Pick one', quickReplies: replies });
			expect(outcome.error).toBeUndefined();
			expect(onlyBody(outcome)).toEqual(message({ type: 'TEXT', text: 'Pick one' }, { quickReplies }));
		}
	});

	it.each([
		['image', 'IMAGE'],
		['audio', 'AUDIO'],
		['video', 'VIDEO'],
		['file', 'DOCUMENT'],
	])('sends %s media as %s', async (mediaType, wire) => {
		const url = `https://example.com/media/${mediaType}`;
		const outcome = await send(sandbox, 'infobipMessenger', { operation: 'media', recipient: alice, mediaType, mediaUrl: url });
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual(message({ type: wire, url }));
	});

	it.each(['mark_seen', 'typing_on', 'typing_off'])('sends the sender action %s', async (action) => {
		const outcome = await send(sandbox, 'infobipMessenger', { resource: 'senderAction', operation: 'senderAction', recipient: alice, senderAction: action });
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual(message({ type: 'SENDER_ACTION', senderAction: action.toUpperCase() }));
	});

	it('sends a BUTTON template with URL, POSTBACK and CALL buttons', async () => {
		const outcome = await send(sandbox, 'infobipMessenger', {
			resource: 'template',
			operation: 'buttonTemplate',
			recipient: alice,
			text: 'What next?',
			buttons: {
				button: [
					{ type: 'url', title: 'Open', url: 'https://example.com/' },
					{ type: 'postback', title: 'Buy', payload: 'BUY' },
					{ type: 'call', title: 'Call us', phoneNumber: '+15105551234' },
				],
			},
		});
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual(
			message({
				type: 'TEMPLATE',
				payload: {
					type: 'BUTTON',
					text: 'What next?',
					buttons: [
						{ type: 'URL', title: 'Open', url: 'https://example.com/' },
						{ type: 'POSTBACK', title: 'Buy', payload: 'BUY' },
						{ type: 'CALL', title: 'Call us', payload: '+15105551234' },
					],
				},
			}),
		);
	});

	it('sends a GENERIC card and a carousel of GENERIC cards', async () => {
		const card = { title: 'Shirt', subtitle: 'Blue', imageUrl: 'https://example.com/shirt.png', buttons: { button: [{ type: 'postback', title: 'Buy', payload: 'BUY' }] } };
		const element = { title: 'Shirt', subtitle: 'Blue', imageUrl: 'https://example.com/shirt.png', buttons: [{ type: 'POSTBACK', title: 'Buy', payload: 'BUY' }] };
		const generic = await send(sandbox, 'infobipMessenger', {
			resource: 'template',
			operation: 'genericTemplate',
			recipient: alice,
			cardTitle: card.title,
			cardSubtitle: card.subtitle,
			cardImageUrl: card.imageUrl,
			buttons: card.buttons,
		});
		expect(generic.error).toBeUndefined();
		expect(onlyBody(generic)).toEqual(message({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [element] } }));
		sandbox.clearLog();
		const carousel = await send(sandbox, 'infobipMessenger', {
			resource: 'template',
			operation: 'carousel',
			recipient: alice,
			cards: { card: [card, { title: 'Hat', subtitle: 'Red' }] },
		});
		expect(carousel.error).toBeUndefined();
		expect(onlyBody(carousel)).toEqual(message({ type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [element, { title: 'Hat', subtitle: 'Red' }] } }));
	});

	it('sends PHONE_NUMBER and EMAIL quick replies, which carry their type alone, beside a TEXT one', async () => {
		const outcome = await send(sandbox, 'infobipMessenger', {
			operation: 'quickReplies',
			recipient: alice,
			text: 'How can we reach you?',
			// A hidden title left over from a switch of Type is not sent: only Text has one.
			quickReplies: { reply: [{ type: 'phoneNumber', title: 'left over' }, { type: 'email' }, { type: 'text', title: 'Not now', payload: 'NO' }] },
		});
		expect(outcome.error).toBeUndefined();
		expect(onlyBody(outcome)).toEqual(
			message({ type: 'TEXT', text: 'How can we reach you?' }, { quickReplies: [{ type: 'PHONE_NUMBER' }, { type: 'EMAIL' }, { type: 'TEXT', title: 'Not now', payload: 'NO' }] }),
		);
		expect(sandbox.delivered).toHaveLength(1);
	});

	it('sends a LOCATION with name and address and quick replies beside it, from fields and from JSON', async () => {
		const fields = await send(sandbox, 'infobipMessenger', {
			resource: 'location',
			operation: 'location',
			recipient: alice,
			latitude: '45.815',
			longitude: '15.9819',
			locationName: 'Zagreb',
			locationAddress: 'Trg bana Jelačića',
			quickReplies: { reply: [{ title: 'Thanks', payload: 'THANKS' }] },
		});
		expect(fields.error).toBeUndefined();
		expect(onlyBody(fields)).toEqual(
			message({ type: 'LOCATION', latitude: 45.815, longitude: 15.9819, name: 'Zagreb', address: 'Trg bana Jelačića' }, { quickReplies: [{ type: 'TEXT', title: 'Thanks', payload: 'THANKS' }] }),
		);
		expect(sandbox.delivered).toHaveLength(1);
		sandbox.clearLog();
		const json = await send(sandbox, 'infobipMessenger', {
			resource: 'location',
			operation: 'location',
			recipient: alice,
			inputMode: 'json',
			messageJson: '{"latitude": -90, "longitude": 180}',
		});
		expect(json.error).toBeUndefined();
		expect(onlyBody(json)).toEqual(message({ type: 'LOCATION', latitude: -90, longitude: 180 }));
		expect(sandbox.delivered).toHaveLength(1);
	});

	it('replies to a comment: COMMENT content with the message inside, the comment ID as destination', async () => {
		const comment = '1234567890_987654321';
		const text = await send(sandbox, 'infobipMessenger', { operation: 'text', recipientType: 'commentId', recipient: comment, text: 'Thanks for asking! Details in your inbox.' });
		expect(text.error).toBeUndefined();
		expect(text.sent[0].body).toEqual({
			messages: [{ sender: page, destinations: [{ to: comment }], content: { type: 'COMMENT', content: { type: 'TEXT', text: 'Thanks for asking! Details in your inbox.' } } }],
		});
		expect(text.items[0].json).toMatchObject({ provider: 'infobipMessenger', recipient: comment, status: 'accepted' });
		expect(sandbox.delivered.map((delivered) => delivered.recipient)).toEqual([comment]);
		sandbox.clearLog();
		const card = await send(sandbox, 'infobipMessenger', {
			resource: 'template',
			operation: 'genericTemplate',
			recipientType: 'commentId',
			recipient: comment,
			cardTitle: 'Shirt',
			cardSubtitle: 'Blue',
		});
		expect(card.error).toBeUndefined();
		expect((onlyBody(card) as { messages: Array<{ content: unknown }> }).messages[0].content).toEqual({
			type: 'COMMENT',
			content: { type: 'TEMPLATE', payload: { type: 'GENERIC', elements: [{ title: 'Shirt', subtitle: 'Blue' }] } },
		});
		expect(sandbox.delivered.map((delivered) => delivered.recipient)).toEqual([comment]);
	});

	it.each([
		['a latitude out of range', { resource: 'location', operation: 'location', latitude: '90.5', longitude: '4' }, 'latitude is 90.5; it must be from -90 to 90 degrees'],
		['an empty longitude', { resource: 'location', operation: 'location', latitude: '52', longitude: ' ' }, 'longitude is empty; give it in degrees, e.g. 4.9041'],
		['a longitude that is no number', { resource: 'location', operation: 'location', latitude: '52', longitude: '4,9' }, 'longitude "4,9" is not a number of degrees (e.g. 4.9041)'],
		[
			'an e-mail quick reply with a title (JSON)',
			{ operation: 'quickReplies', inputMode: 'json', messageJson: '{"text": "Reach you?", "quickReplies": [{"type": "email", "title": "Mail"}]}' },
			'quickReplies[0].title must be empty for an e-mail quick reply: Messenger shows the user\'s own e-mail address and sends it back as the payload',
		],
	])('refuses %s before sending, naming the field', async (_name, parameters, expected) => {
		const outcome = await send(sandbox, 'infobipMessenger', { recipient: alice, ...parameters });
		expect(outcome.error?.message).toBe(expected);
		expect(outcome.sent).toHaveLength(0);
	});

	it('an unknown user is accepted (Infobip reports it undeliverable later), not refused', async () => {
		const outcome = await send(sandbox, 'infobipMessenger', { operation: 'text', recipient: '7999999999999999', text: 'hi' });
		expect(outcome.error).toBeUndefined();
		expect(outcome.items[0].json).toMatchObject({ status: 'accepted', recipient: '7999999999999999' });
		expect(sandbox.delivered).toHaveLength(0);
	});

	it('refuses, before sending, what the spec bounds: text over 2000 characters, an image URL over 1000', async () => {
		const text = await send(sandbox, 'infobipMessenger', { operation: 'text', recipient: alice, text: 'x'.repeat(2001) });
		expect(text.error?.message).toBe('text is 2001 characters long; the limit on Infobip (Messenger API) is 2000');
		const url = `https://example.com/${'a'.repeat(1000)}`;
		const image = await send(sandbox, 'infobipMessenger', { operation: 'media', recipient: alice, mediaType: 'image', mediaUrl: url });
		expect(image.error?.message).toBe(`media.url is ${url.length} characters long; the limit on Infobip (Messenger API) is 1000`);
		expect(text.sent.length + image.sent.length).toBe(0);
	});
});
