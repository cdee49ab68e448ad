import { createHmac } from 'node:crypto';

import { BinarySource, binaryWorkflow, onlyBody, send, startReceiver, type SendOutcome } from './helpers';
import { useSandbox } from '../../support/sandbox';

// A 1x1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const template = (payload: object) => ({ attachment: { type: 'template', payload } });

// Every Graph operation through the node over real HTTP; bodies follow the Send API as providers.md
// and Meta's reference describe it.
describe('Messenger node via the Meta Graph API', () => {
	const sandbox = useSandbox();
	let alice: string;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeAll(async () => {
		alice = sandbox.config.users[0].psid;
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await receiver.close();
	});
	beforeEach(() => sandbox.clearLog());

	function body(outcome: SendOutcome): Record<string, unknown> {
		expect(outcome.error).toBeUndefined();
		return onlyBody(outcome) as Record<string, unknown>;
	}

	it('sends text with a Bearer token and appsecret_proof, and outputs the uniform result', async () => {
		const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'Hello' });
		expect(body(outcome)).toEqual({ recipient: { id: alice }, messaging_type: 'RESPONSE', message: { text: 'Hello' } });
		const [entry] = outcome.sent;
		const { meta } = sandbox.config;
		expect(entry.path).toBe(`/v25.0/${meta.pageId}/messages`);
		expect(entry.headers.authorization).toBe(`Bearer ${meta.pageAccessToken}`);
		expect(entry.query.appsecret_proof).toBe(createHmac('sha256', meta.appSecret).update(meta.pageAccessToken).digest('hex'));
		expect(entry.query.access_token).toBeUndefined();
		expect(outcome.items[0].json).toEqual({ provider: 'meta', messageId: expect.any(String), recipient: alice, status: 'sent', raw: entry.response });
		expect(sandbox.delivered.map((d) => d.messageId)).toEqual([outcome.items[0].json.messageId]);
	});

	it('sends quick replies alone and attached to media', async () => {
		const quickReplies = { reply: [{ title: 'Red', payload: 'RED', imageUrl: 'https://example.com/red.png' }, { title: 'Blue', payload: 'BLUE' }] };
		const wire = [
			{ content_type: 'text', title: 'Red', payload: 'RED', image_url: 'https://example.com/red.png' },
			{ content_type: 'text', title: 'Blue', payload: 'BLUE' },
		];
		expect(body(await send(sandbox, 'meta', { operation: 'quickReplies', recipient: alice, text: 'Pick a color', quickReplies })).message).toEqual({
			text: 'Pick a color',
			quick_replies: wire,
		});
		sandbox.clearLog();
		const media = await send(sandbox, 'meta', { operation: 'media', recipient: alice, mediaType: 'image', mediaSource: 'url', mediaUrl: 'https://example.com/a.png', quickReplies });
		expect(body(media).message).toEqual({ attachment: { type: 'image', payload: { url: 'https://example.com/a.png' } }, quick_replies: wire });
	});

	it('sends quick replies that offer the user\'s phone number and e-mail (content_type user_phone_number, user_email)', async () => {
		const quickReplies = { reply: [{ type: 'phoneNumber' }, { type: 'email' }, { type: 'text', title: 'Not now', payload: 'NO' }] };
		expect(body(await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'How can we reach you?', quickReplies })).message).toEqual({
			text: 'How can we reach you?',
			quick_replies: [{ content_type: 'user_phone_number' }, { content_type: 'user_email' }, { content_type: 'text', title: 'Not now', payload: 'NO' }],
		});
		expect(sandbox.delivered).toHaveLength(1);
	});

	it('has no Send Location: the Location resource names the provider, and nothing is sent', async () => {
		const outcome = await send(sandbox, 'meta', { resource: 'location', operation: 'location', recipient: alice, latitude: '52', longitude: '4' });
		expect(outcome.error?.message).toBe('Meta Graph API cannot send a location: choose another resource or provider');
		expect(outcome.sent).toHaveLength(0);
	});

	it.each([
		['image', 'https://example.com/a.png'],
		['audio', 'https://example.com/a.mp3'],
		['video', 'https://example.com/a.mp4'],
		['file', 'https://example.com/a.pdf'],
	])('sends %s media by URL', async (mediaType, url) => {
		const outcome = await send(sandbox, 'meta', { operation: 'media', recipient: alice, mediaType, mediaSource: 'url', mediaUrl: url, options: { reusable: true } });
		expect(body(outcome).message).toEqual({ attachment: { type: mediaType, payload: { url, is_reusable: true } } });
	});

	it('uploads binary media to message_attachments (multipart), then sends its attachment_id', async () => {
		const outcome = await send(
			sandbox,
			'meta',
			{ operation: 'media', recipient: alice, mediaType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' },
			{ workflow: binaryWorkflow('meta', { operation: 'media', recipient: alice, mediaType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }), extraNodeTypes: { 'test.binarySource': new BinarySource() }, input: [{ base64: PNG, fileName: 'dot.png', mimeType: 'image/png' }] },
		);
		expect(outcome.error).toBeUndefined();
		const uploads = sandbox.log.filter((entry) => entry.routeId === 'meta.attachments');
		expect(uploads).toHaveLength(1);
		expect(String(uploads[0].headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		const raw = uploads[0].rawBody;
		expect(raw).toContain('name="message"\r\n\r\n{"attachment":{"type":"image","payload":{"is_reusable":true}}}');
		expect(raw).toContain('name="filedata"; filename="dot.png"\r\nContent-Type: image/png');
		const attachmentId = (uploads[0].response as { attachment_id: string }).attachment_id;
		expect(body(outcome).message).toEqual({ attachment: { type: 'image', payload: { attachment_id: attachmentId } } });
		expect(outcome.items[0].json).toMatchObject({ provider: 'meta', status: 'sent', attachmentId });
		expect(outcome.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('JSON mode names the binary field too', async () => {
		const params = { operation: 'media', recipient: alice, inputMode: 'json', messageJson: '{"media":{"type":"image","binaryPropertyName":"data"}}' };
		const outcome = await send(sandbox, 'meta', params, {
			workflow: binaryWorkflow('meta', params),
			extraNodeTypes: { 'test.binarySource': new BinarySource() },
			input: [{ base64: PNG, fileName: 'dot.png', mimeType: 'image/png' }],
		});
		expect(sandbox.log.filter((entry) => entry.routeId === 'meta.attachments')).toHaveLength(1);
		expect(body(outcome).message).toEqual({ attachment: { type: 'image', payload: { attachment_id: outcome.items[0].json.attachmentId } } });
	});

	it('a missing binary field fails the item with n8n\'s own message', async () => {
		const outcome = await send(sandbox, 'meta', { operation: 'media', recipient: alice, mediaType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' });
		expect(outcome.error?.message).toContain("binary file 'data'");
		expect(sandbox.log).toHaveLength(0);
	});

	it('sends media by attachment ID', async () => {
		const upload = await send(sandbox, 'meta', { operation: 'media', recipient: alice, mediaType: 'file', mediaSource: 'binary' }, {
			workflow: binaryWorkflow('meta', { operation: 'media', recipient: alice, mediaType: 'file', mediaSource: 'binary' }),
			extraNodeTypes: { 'test.binarySource': new BinarySource() },
			input: [{ base64: Buffer.from('%PDF-1.4').toString('base64'), fileName: 'a.pdf', mimeType: 'application/pdf' }],
		});
		const attachmentId = String(upload.items[0].json.attachmentId);
		sandbox.clearLog();
		const outcome = await send(sandbox, 'meta', { operation: 'media', recipient: alice, mediaType: 'file', mediaSource: 'attachmentId', attachmentId });
		expect(body(outcome).message).toEqual({ attachment: { type: 'file', payload: { attachment_id: attachmentId } } });
	});

	it('sends a button template with URL, postback and call buttons', async () => {
		const outcome = await send(sandbox, 'meta', {
			resource: 'template',
			operation: 'buttonTemplate',
			recipient: alice,
			text: 'What do you want to do next?',
			buttons: {
				button: [
					{ type: 'url', title: 'Visit Messenger', url: 'https://www.messenger.com' },
					{ type: 'postback', title: 'Start Chatting', payload: 'START' },
					{ type: 'call', title: 'Call us', phoneNumber: '+15105551234' },
				],
			},
		});
		expect(body(outcome).message).toEqual(
			template({
				template_type: 'button',
				text: 'What do you want to do next?',
				buttons: [
					{ type: 'web_url', url: 'https://www.messenger.com', title: 'Visit Messenger' },
					{ type: 'postback', title: 'Start Chatting', payload: 'START' },
					{ type: 'phone_number', title: 'Call us', payload: '+15105551234' },
				],
			}),
		);
	});

	it('sends a generic template with a default action', async () => {
		const outcome = await send(sandbox, 'meta', {
			resource: 'template',
			operation: 'genericTemplate',
			recipient: alice,
			cardTitle: 'Welcome!',
			cardSubtitle: 'We have the right hat for everyone.',
			cardImageUrl: 'https://example.com/hat.jpg',
			cardDefaultActionUrl: 'https://example.com/',
			buttons: { button: [{ type: 'postback', title: 'Start Chatting', payload: 'START' }] },
		});
		expect(body(outcome).message).toEqual(
			template({
				template_type: 'generic',
				elements: [
					{
						title: 'Welcome!',
						subtitle: 'We have the right hat for everyone.',
						image_url: 'https://example.com/hat.jpg',
						default_action: { type: 'web_url', url: 'https://example.com/' },
						buttons: [{ type: 'postback', title: 'Start Chatting', payload: 'START' }],
					},
				],
			}),
		);
	});

	it('sends a carousel of 10 cards', async () => {
		const cards = Array.from({ length: 10 }, (_, i) => ({ title: `Card ${i}`, subtitle: `Sub ${i}`, buttons: { button: [{ type: 'url', title: 'Open', url: `https://example.com/${i}` }] } }));
		const outcome = await send(sandbox, 'meta', { resource: 'template', operation: 'carousel', recipient: alice, cards: { card: cards } });
		expect(body(outcome).message).toEqual(
			template({
				template_type: 'generic',
				elements: cards.map((c, i) => ({ title: c.title, subtitle: c.subtitle, buttons: [{ type: 'web_url', url: `https://example.com/${i}`, title: 'Open' }] })),
			}),
		);
	});

	it('sends a media template from a Facebook URL, and from an uploaded file', async () => {
		const fbUrl = 'https://business.facebook.com/SandboxPage/videos/1234567890';
		const byUrl = await send(sandbox, 'meta', {
			resource: 'template',
			operation: 'mediaTemplate',
			recipient: alice,
			mediaType: 'video',
			mediaSource: 'url',
			mediaUrl: fbUrl,
			buttons: { button: [{ type: 'url', title: 'More', url: 'https://example.com' }] },
		});
		expect(body(byUrl).message).toEqual(
			template({ template_type: 'media', elements: [{ media_type: 'video', url: fbUrl, buttons: [{ type: 'web_url', url: 'https://example.com', title: 'More' }] }] }),
		);
		sandbox.clearLog();
		const params = { resource: 'template', operation: 'mediaTemplate', recipient: alice, mediaType: 'image', mediaSource: 'binary' };
		const uploaded = await send(sandbox, 'meta', params, {
			workflow: binaryWorkflow('meta', params),
			extraNodeTypes: { 'test.binarySource': new BinarySource() },
			input: [{ base64: PNG, fileName: 'dot.png', mimeType: 'image/png' }],
		});
		const attachmentId = uploaded.items[0].json.attachmentId;
		expect(body(uploaded).message).toEqual(template({ template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] }));
	});

	it('sends a product template (Graph v8.0+ documents template_type product)', async () => {
		const outcome = await send(sandbox, 'meta', { resource: 'template', operation: 'productTemplate', recipient: alice, productIds: 'P1,P2' });
		expect(onlyBody(outcome)).toEqual({
			recipient: { id: alice },
			messaging_type: 'RESPONSE',
			message: template({ template_type: 'product', elements: [{ id: 'P1' }, { id: 'P2' }] }),
		});
		expect(outcome.error).toBeUndefined();
		expect(outcome.items[0].json).toMatchObject({ provider: 'meta', recipient: alice });
	});

	it.each(['mark_seen', 'typing_on', 'typing_off'])('sends the sender action %s alone', async (action) => {
		const outcome = await send(sandbox, 'meta', { resource: 'senderAction', operation: 'senderAction', recipient: alice, senderAction: action });
		expect(body(outcome)).toEqual({ recipient: { id: alice }, sender_action: action });
		expect(outcome.items[0].json).toMatchObject({ provider: 'meta', recipient: alice, messageId: null });
	});

	it('refuses marketing messages before sending anything: Meta discontinued them on 2026-02-10', async () => {
		for (const parameters of [
			{ resource: 'marketing', operation: 'optInRequest', recipient: alice, optInTitle: 'Weekly deals', optInPayload: 'DEALS' },
			{ operation: 'text', recipientType: 'notificationToken', recipient: 'TOKEN', text: 'Deal!' },
		]) {
			const outcome = await send(sandbox, 'meta', parameters);
			expect(outcome.sent).toHaveLength(0);
			expect(outcome.error?.message).toMatch(/discontinued marketing messages .* on 2026-02-10/);
			expect(outcome.error?.message).toContain('Marketing Message API for Messenger');
			expect(outcome.error?.message).toContain("CM.com's opt-in request");
		}
	});

	it('sends to a user_ref, with a tag and as UPDATE', async () => {
		expect(body(await send(sandbox, 'meta', { operation: 'text', recipientType: 'userRef', recipient: 'checkbox-ref-1', text: 'Hi' })).recipient).toEqual({
			user_ref: 'checkbox-ref-1',
		});
		sandbox.clearLog();
		expect(body(await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'Agent here', options: { tag: 'HUMAN_AGENT' } }))).toEqual({
			recipient: { id: alice },
			messaging_type: 'MESSAGE_TAG',
			tag: 'HUMAN_AGENT',
			message: { text: 'Agent here' },
		});
		sandbox.clearLog();
		expect(body(await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'News', options: { messagingType: 'UPDATE' } })).messaging_type).toBe('UPDATE');
	});

	it.each(['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE'])(
		"the tag %s: Meta's error 100 is surfaced with a hint pointing to utility messages",
		async (tag) => {
			const outcome = await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'Shipped', options: { tag } });
			expect(outcome.sent).toHaveLength(1);
			expect(outcome.error?.name).toBe('NodeApiError');
			expect(outcome.error?.message).toMatch(/Invalid parameter/);
			const description = (outcome.error as { description?: string }).description ?? '';
			expect(description).toContain('utility message');
			expect(description).toContain('HUMAN_AGENT');
			expect(description).toContain('error code: 100/1893061');
		},
	);

	it('reacts to a message and takes the reaction back (sender actions react / unreact)', async () => {
		const sent = body(await send(sandbox, 'meta', { operation: 'text', recipient: alice, text: 'React to me' }));
		expect(sent).toBeDefined();
		const mid = sandbox.delivered.at(-1)?.messageId as string;
		sandbox.clearLog();
		const react = await send(sandbox, 'meta', { operation: 'senderAction', recipient: alice, senderAction: 'react', reactionMessageId: mid, reactionEmoji: '😊' });
		expect(body(react)).toEqual({ recipient: { id: alice }, sender_action: 'react', payload: { message_id: mid, reaction: '😊' } });
		sandbox.clearLog();
		const unreact = await send(sandbox, 'meta', { operation: 'senderAction', recipient: alice, senderAction: 'unreact', reactionMessageId: mid });
		expect(body(unreact)).toEqual({ recipient: { id: alice }, sender_action: 'unreact', payload: { message_id: mid } });
		sandbox.clearLog();
		const missing = await send(sandbox, 'meta', { operation: 'senderAction', recipient: alice, senderAction: 'react', reactionMessageId: mid, reactionEmoji: '={{ $json.none }}' });
		expect(missing.sent).toHaveLength(0);
		expect(missing.error?.message).toBe('emoji is empty');
	});

	it('refuses a call button without + and the country code, naming the field and the rule', async () => {
		const outcome = await send(sandbox, 'meta', {
			operation: 'buttonTemplate',
			recipient: alice,
			text: 'Call us',
			buttons: { button: [{ type: 'call', title: 'Call', phoneNumber: '0612345678' }] },
		});
		expect(outcome.sent).toHaveLength(0);
		expect(outcome.error?.message).toMatch(/^buttons\[0\]\.phoneNumber "0612345678" must start with \+ and the country code/);
		sandbox.clearLog();
		const ok = await send(sandbox, 'meta', {
			operation: 'buttonTemplate',
			recipient: alice,
			text: 'Call us',
			buttons: { button: [{ type: 'call', title: 'Call', phoneNumber: '+31 6 12345678' }] },
		});
		expect(ok.error).toBeUndefined();
	});

	it('refuses a media template URL on fbcdn.net (not a Facebook URL Meta documents), locally', async () => {
		const outcome = await send(sandbox, 'meta', { operation: 'mediaTemplate', recipient: alice, mediaType: 'image', mediaUrl: 'https://scontent.xx.fbcdn.net/v/a.png' });
		expect(outcome.sent).toHaveLength(0);
		expect(outcome.error?.message).toMatch(/must be a Facebook URL/);
	});
});
