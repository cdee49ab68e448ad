import { notificationToken, onlyBody, send, startReceiver } from './helpers';
import { useSandbox } from '../../support/sandbox';

type CmBody = { messages: { msg: Array<Record<string, unknown>> } };

// Every operation CM.com carries (seed 004), through the node over real HTTP; each body is compared
// with seed 004's example for that message type, field for field.
describe('Messenger node via CM.com', () => {
	const sandbox = useSandbox();
	let alice: string;
	let page: string;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeAll(async () => {
		receiver = await startReceiver();
		alice = sandbox.config.users[0].psid;
		page = sandbox.config.cm.pageIds[0];
	});
	afterAll(async () => {
		await receiver.close();
	});
	beforeEach(() => sandbox.clearLog());

	/** The one message of the envelope, after checking the envelope itself. */
	function sentMessage(outcome: Awaited<ReturnType<typeof send>>): Record<string, unknown> {
		expect(outcome.error).toBeUndefined();
		const body = onlyBody(outcome) as CmBody;
		expect(Object.keys(body)).toEqual(['messages']);
		expect(body.messages.msg).toHaveLength(1);
		const [msg] = body.messages.msg;
		expect(msg).toMatchObject({ from: page, to: [{ number: alice }], allowedChannels: ['Facebook Messenger'] });
		expect(outcome.sent[0].headers['x-cm-producttoken']).toBe(sandbox.config.cm.productToken);
		return msg;
	}

	const conversation = (msg: Record<string, unknown>) => (msg.richContent as { conversation: unknown[] }).conversation;
	const cmLogo = { mediaName: 'cm.png', mediaUri: 'https://www.cm.com/cdn/cm/cm.png', mimeType: 'image/png' };

	it('sends text and outputs the uniform result', async () => {
		const outcome = await send(sandbox, 'cm', { operation: 'text', recipient: alice, text: 'CM.com - Be part of it.' });
		const msg = sentMessage(outcome);
		expect(msg).toEqual({
			from: page,
			to: [{ number: alice }],
			allowedChannels: ['Facebook Messenger'],
			body: { type: 'auto', content: 'CM.com - Be part of it.' },
			richContent: { conversation: [{ text: 'CM.com - Be part of it.' }] },
			reference: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
		expect(outcome.items[0].json).toEqual({ provider: 'cm', messageId: msg.reference, recipient: alice, status: 'accepted', raw: outcome.sent[0].response });
		expect(sandbox.delivered).toHaveLength(1);
		expect((sandbox.delivered[0].message as { reference: string }).reference).toBe(msg.reference);
	});

	it('sends quick replies (alone and attached to text)', async () => {
		const replies = { reply: [{ title: 'Call me', payload: 'CALL' }, { title: 'Email me', payload: 'EMAIL' }] };
		const expected = [
			{
				text: 'Hi, what can I do for you?',
				suggestions: [
					{ action: 'Reply', label: 'Call me', postbackdata: 'CALL' },
					{ action: 'Reply', label: 'Email me', postbackdata: 'EMAIL' },
				],
			},
		];
		const alone = await send(sandbox, 'cm', { operation: 'quickReplies', recipient: alice, text: 'Hi, what can I do for you?', quickReplies: replies });
		expect(conversation(sentMessage(alone))).toEqual(expected);
		sandbox.clearLog();
		const withText = await send(sandbox, 'cm', { operation: 'text', recipient: alice, text: 'Hi, what can I do for you?', quickReplies: replies });
		expect(conversation(sentMessage(withText))).toEqual(expected);
	});

	it.each([
		['image', 'https://www.cm.com/cdn/cm/cm.png', 'cm.png', 'image/png'],
		['video', 'https://example.com/your-video.mp4', 'your-video.mp4', 'video/mp4'],
		['audio', 'https://example.com/your-audio.mp4', 'your-audio.mp4', 'audio/mp4'],
		['file', 'https://example.com/cm-pdf.pdf', 'cm-pdf.pdf', 'application/pdf'],
	])('sends %s media', async (mediaType, url, mediaName, mimeType) => {
		const outcome = await send(sandbox, 'cm', { operation: 'media', recipient: alice, mediaType, mediaUrl: url });
		expect(conversation(sentMessage(outcome))).toEqual([{ media: { mediaName, mediaUri: url, mimeType } }]);
	});

	it('sends a button template', async () => {
		const outcome = await send(sandbox, 'cm', {
			resource: 'template',
			operation: 'buttonTemplate',
			recipient: alice,
			text: 'CM.com - Be part of it.',
			buttons: {
				button: [
					{ type: 'postback', title: 'Give me more info', payload: 'INFO' },
					{ type: 'url', title: 'Visit CM.com', url: 'https://www.cm.com/' },
				],
			},
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{
				carousel: {
					cards: [
						{
							header: 'CM.com - Be part of it.',
							suggestions: [
								{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' },
								{ action: 'OPENURL', label: 'Visit CM.com', url: 'https://www.cm.com/' },
							],
						},
					],
				},
			},
		]);
	});

	it('sends a generic template', async () => {
		const outcome = await send(sandbox, 'cm', {
			resource: 'template',
			operation: 'genericTemplate',
			recipient: alice,
			cardTitle: 'CM.com - Be part of it.',
			cardSubtitle: 'Want to know more about CM.com?',
			cardImageUrl: cmLogo.mediaUri,
			buttons: { button: [{ type: 'postback', title: 'Give me more info', payload: 'INFO' }, { type: 'url', title: 'Visit CM.com', url: 'https://www.cm.com/' }] },
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{
				carousel: {
					cards: [
						{
							header: 'CM.com - Be part of it.',
							text: 'Want to know more about CM.com?',
							media: cmLogo,
							suggestions: [
								{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' },
								{ action: 'OPENURL', label: 'Visit CM.com', url: 'https://www.cm.com/' },
							],
						},
					],
				},
			},
		]);
	});

	it('sends a carousel', async () => {
		const outcome = await send(sandbox, 'cm', {
			resource: 'template',
			operation: 'carousel',
			recipient: alice,
			cards: {
				card: [
					{
						title: 'CM.com - Be part of it.',
						subtitle: 'Want to know more about CM.com?',
						imageUrl: cmLogo.mediaUri,
						buttons: { button: [{ type: 'postback', title: 'Give me more info', payload: 'INFO' }] },
					},
					{ title: 'Our logo!', imageUrl: cmLogo.mediaUri },
				],
			},
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{
				carousel: {
					cards: [
						{
							header: 'CM.com - Be part of it.',
							text: 'Want to know more about CM.com?',
							media: cmLogo,
							suggestions: [{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' }],
						},
						{ header: 'Our logo!', media: cmLogo },
					],
				},
			},
		]);
	});

	it('sends a media template', async () => {
		const outcome = await send(sandbox, 'cm', {
			resource: 'template',
			operation: 'mediaTemplate',
			recipient: alice,
			mediaType: 'image',
			mediaUrl: cmLogo.mediaUri,
			buttons: { button: [{ type: 'postback', title: 'Give me more info', payload: 'INFO' }] },
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{ carousel: { cards: [{ media: cmLogo, suggestions: [{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' }] }] } },
		]);
	});

	it('sends a product template', async () => {
		const outcome = await send(sandbox, 'cm', {
			resource: 'template',
			operation: 'productTemplate',
			recipient: alice,
			productIds: 'FB_tshirt_001, FB_tshirt_002,FB_tshirt_003',
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{
				suggestions: [
					{ action: 'VIEWPRODUCT', product: { id: 'FB_tshirt_001' } },
					{ action: 'VIEWPRODUCT', product: { id: 'FB_tshirt_002' } },
					{ action: 'VIEWPRODUCT', product: { id: 'FB_tshirt_003' } },
				],
			},
		]);
	});

	it('sends a marketing opt-in request', async () => {
		const outcome = await send(sandbox, 'cm', {
			resource: 'marketing',
			operation: 'optInRequest',
			recipient: alice,
			optInTitle: 'Nice products!',
			optInPayload: 'OPT_IN',
			optInImageUrl: cmLogo.mediaUri,
			options: { reoptin: true, timezone: 'Europe/Amsterdam' },
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{
				suggestions: [
					{
						action: 'optin',
						postbackdata: 'OPT_IN',
						label: 'Nice products!',
						media: cmLogo,
						optin: { frequency: 'DAILY', reoptin: true, timezone: 'Europe/Amsterdam' },
					},
				],
			},
		]);
	});

	it('sends with a message tag', async () => {
		const text = 'Dear customer, your order with id 1234xyz has been shipped.';
		const outcome = await send(sandbox, 'cm', { operation: 'text', recipient: alice, text, options: { tag: 'POST_PURCHASE_UPDATE' } });
		expect(conversation(sentMessage(outcome))).toEqual([{ text, tag: 'POST_PURCHASE_UPDATE' }]);
	});

	it('sends to a notification token with the NOTIFICATION_MESSAGE tag', async () => {
		const token = await notificationToken(sandbox, 'cm', alice, receiver.url);
		const outcome = await send(sandbox, 'cm', { operation: 'text', recipientType: 'notificationToken', recipient: token, text: 'CM.com - Be part of it.' });
		expect(outcome.error).toBeUndefined();
		const msg = (onlyBody(outcome) as CmBody).messages.msg[0];
		expect(msg.to).toEqual([{ number: token }]);
		expect(conversation(msg)).toEqual([{ text: 'CM.com - Be part of it.', tag: 'NOTIFICATION_MESSAGE' }]);
	});

	it('sends a call button as CM.com\'s Dial suggestion, {action, label, dial: {phoneNumber}}, which CM.com accepts', async () => {
		const outcome = await send(sandbox, 'cm', {
			resource: 'template',
			operation: 'buttonTemplate',
			recipient: alice,
			text: 'Questions?',
			buttons: { button: [{ type: 'call', title: 'Call us', phoneNumber: '+31765727000' }] },
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{ carousel: { cards: [{ header: 'Questions?', suggestions: [{ action: 'DIAL', label: 'Call us', dial: { phoneNumber: '+31765727000' } }] }] } },
		]);
		expect(outcome.items[0].json).toMatchObject({ status: 'accepted' });
	});

	it('sends AAC audio as audio/aac (seed 004\'s "acc" is a typo)', async () => {
		const outcome = await send(sandbox, 'cm', {
			operation: 'media',
			recipient: alice,
			mediaType: 'audio',
			mediaUrl: 'https://www.cm.com/cdn/cm/jingle.aac',
		});
		expect(conversation(sentMessage(outcome))).toEqual([
			{ media: { mediaName: 'jingle.aac', mediaUri: 'https://www.cm.com/cdn/cm/jingle.aac', mimeType: 'audio/aac' } },
		]);
	});
});
