import { buildCmRequest, newCmReference } from '../../../../../nodes/shared/providers/cm/build';
import type { OutboundMessage, SendRequest } from '../../../../../nodes/shared/model/message';
import { PSID, callButton, card, postback, request, urlButton } from '../../fixtures';

const credentials = { baseUrl: 'https://gw.messaging.cm.com', productToken: 'SECRET-TOKEN', pageId: 'IGNORED' };
const PAGE = '100000000000001';

function msg(message: OutboundMessage, extra: Partial<SendRequest> = {}) {
	const body = buildCmRequest(request(message, { sender: PAGE, ...extra }), credentials, 'REF').body as {
		messages: { msg: Array<Record<string, unknown>> };
	};
	return body.messages.msg[0];
}

function conversation(message: OutboundMessage, extra: Partial<SendRequest> = {}) {
	return (msg(message, extra).richContent as { conversation: unknown[] }).conversation;
}

const cmLogo = { mediaName: 'cm.png', mediaUri: 'https://www.cm.com/cdn/cm/cm.png', mimeType: 'image/png' };

// The expectations are seed 004's examples, field for field.
describe('buildCmRequest (seed 004)', () => {
	it('wraps one Messenger-only message in the messages.msg envelope, token in the header only', () => {
		const options = buildCmRequest(request({ type: 'text', text: 'CM.com - Be part of it.' }, { sender: PAGE }), credentials, 'a1b2c3');
		expect(options).toMatchObject({ method: 'POST', baseURL: 'https://gw.messaging.cm.com', url: '/v1.0/message', json: true });
		expect(options.body).toEqual({
			messages: {
				msg: [
					{
						from: PAGE,
						to: [{ number: PSID }],
						allowedChannels: ['Facebook Messenger'],
						body: { type: 'auto', content: 'CM.com - Be part of it.' },
						richContent: { conversation: [{ text: 'CM.com - Be part of it.' }] },
						reference: 'a1b2c3',
					},
				],
			},
		});
		expect(JSON.stringify(options.body)).not.toContain('SECRET-TOKEN');
	});

	it('gives every message a fresh 32-character reference (CM.com echoes it; the node reports it as messageId)', () => {
		const reference = (buildCmRequest(request({ type: 'text', text: 'x' }), credentials).body as { messages: { msg: Array<{ reference: string }> } }).messages.msg[0].reference;
		expect(reference).toMatch(/^[0-9a-f]{32}$/);
		expect(reference).not.toBe(newCmReference());
	});

	it('text with quick replies → suggestions with action Reply', () => {
		const message = { type: 'quickReplies' as const, text: 'Hi, what can I do for you?', quickReplies: [{ title: 'Call me', payload: 'CALL' }, { title: 'Email me', payload: 'EMAIL' }] };
		expect(conversation(message)).toEqual([
			{
				text: 'Hi, what can I do for you?',
				suggestions: [
					{ action: 'Reply', label: 'Call me', postbackdata: 'CALL' },
					{ action: 'Reply', label: 'Email me', postbackdata: 'EMAIL' },
				],
			},
		]);
	});

	it('a quick reply that is not a text choice, or a location, is a bug here: the capability table refuses them first', () => {
		const phone = { type: 'text' as const, text: 'Reach you?', quickReplies: [{ type: 'phoneNumber' as const, title: '', payload: '' }] };
		expect(() => conversation(phone)).toThrow(/capability table/);
		expect(() => conversation({ type: 'location', latitude: 1, longitude: 2 })).toThrow(/capability table/);
	});

	it.each([
		['image', 'https://www.cm.com/cdn/cm/cm.png', { mediaName: 'cm.png', mimeType: 'image/png' }],
		['video', 'https://example.com/your-video.mp4', { mediaName: 'your-video.mp4', mimeType: 'video/mp4' }],
		['audio', 'https://example.com/your-audio.mp4', { mediaName: 'your-audio.mp4', mimeType: 'audio/mp4' }],
		['file', 'https://example.com/cm-pdf.pdf', { mediaName: 'cm-pdf.pdf', mimeType: 'application/pdf' }],
	] as const)('media %s → {media: {mediaName, mediaUri, mimeType}}, name and type from the URL', (type, url, derived) => {
		expect(conversation({ type: 'media', media: { type, source: { kind: 'url', url } } })).toEqual([{ media: { mediaUri: url, ...derived } }]);
	});

	it('button template → one card with header and REPLY / OPENURL / DIAL suggestions', () => {
		const message = {
			type: 'buttonTemplate' as const,
			text: 'CM.com - Be part of it.',
			buttons: [postback('Give me more info', 'INFO'), urlButton('Visit CM.com', 'https://www.cm.com/'), callButton('Call', '+31765727000')],
		};
		expect(conversation(message)).toEqual([
			{
				carousel: {
					cards: [
						{
							header: 'CM.com - Be part of it.',
							suggestions: [
								{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' },
								{ action: 'OPENURL', label: 'Visit CM.com', url: 'https://www.cm.com/' },
								{ action: 'DIAL', label: 'Call', dial: { phoneNumber: '+31765727000' } },
							],
						},
					],
				},
			},
		]);
		expect(msg(message).body).toEqual({ type: 'auto', content: 'CM.com - Be part of it.' });
	});

	it('generic template and carousel → cards with header, text, media and suggestions', () => {
		const first = card({ title: 'CM.com - Be part of it.', subtitle: 'Want to know more about CM.com?', imageUrl: cmLogo.mediaUri, buttons: [postback('Give me more info', 'INFO')] });
		const second = card({ title: 'Our logo!', subtitle: undefined, imageUrl: cmLogo.mediaUri, buttons: [] });
		const expectedFirst = {
			header: 'CM.com - Be part of it.',
			text: 'Want to know more about CM.com?',
			media: cmLogo,
			suggestions: [{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' }],
		};
		expect(conversation({ type: 'genericTemplate', card: first })).toEqual([{ carousel: { cards: [expectedFirst] } }]);
		expect(conversation({ type: 'carousel', cards: [first, second] })).toEqual([
			{ carousel: { cards: [expectedFirst, { header: 'Our logo!', media: cmLogo }] } },
		]);
	});

	it('media template → one card with media and at most one suggestion', () => {
		const message = { type: 'mediaTemplate' as const, media: { type: 'image' as const, source: { kind: 'url' as const, url: cmLogo.mediaUri } }, buttons: [postback('Give me more info', 'INFO')] };
		expect(conversation(message)).toEqual([
			{ carousel: { cards: [{ media: cmLogo, suggestions: [{ action: 'REPLY', label: 'Give me more info', postbackdata: 'INFO' }] }] } },
		]);
	});

	it('product template → VIEWPRODUCT suggestions with product ids', () => {
		const message = { type: 'productTemplate' as const, productIds: ['FB_tshirt_001', 'FB_tshirt_002'] };
		expect(conversation(message)).toEqual([
			{
				suggestions: [
					{ action: 'VIEWPRODUCT', product: { id: 'FB_tshirt_001' } },
					{ action: 'VIEWPRODUCT', product: { id: 'FB_tshirt_002' } },
				],
			},
		]);
		expect(msg(message).body).toEqual({ type: 'auto', content: '' });
	});

	it('opt-in request → one optin suggestion (frequency DAILY unless set)', () => {
		const message = { type: 'optInRequest' as const, title: 'Nice products!', payload: 'OPT_IN', imageUrl: cmLogo.mediaUri, reoptin: true, timezone: 'Europe/Amsterdam' };
		expect(conversation(message)).toEqual([
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

	it('a tag goes on the conversation item; a notification token gets NOTIFICATION_MESSAGE', () => {
		const text = { type: 'text' as const, text: 'Dear customer, your order with id 1234xyz has been shipped.' };
		expect(conversation(text, { tag: 'POST_PURCHASE_UPDATE' })).toEqual([{ text: text.text, tag: 'POST_PURCHASE_UPDATE' }]);
		const toToken = msg(text, { recipient: { kind: 'notificationToken', id: 'TOKEN-1' } });
		expect(toToken.to).toEqual([{ number: 'TOKEN-1' }]);
		expect((toToken.richContent as { conversation: unknown[] }).conversation).toEqual([{ text: text.text, tag: 'NOTIFICATION_MESSAGE' }]);
	});
});
