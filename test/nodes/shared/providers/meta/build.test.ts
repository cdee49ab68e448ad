import type { OutboundMessage, SendRequest } from '../../../../../nodes/shared/model/message';
import { buildMetaRequest } from '../../../../../nodes/shared/providers/meta/build';
import { PSID, callButton, card, postback, request, urlButton } from '../../fixtures';

const credentials = { baseUrl: 'https://graph.facebook.com/', graphApiVersion: 'v25.0', pageId: 'IGNORED', accessToken: 'SECRET' };
const PAGE = '100000000000001';

function body(message: OutboundMessage, extra: Partial<SendRequest> = {}): Record<string, unknown> {
	return buildMetaRequest(request(message, { sender: PAGE, ...extra }), credentials).body as Record<string, unknown>;
}

const template = (payload: object) => ({ attachment: { type: 'template', payload } });

// Expectations follow providers.md and the Send API reference it summarises.
describe('buildMetaRequest (Graph Send API)', () => {
	it('POSTs recipient, messaging_type and message to /{version}/{page-id}/messages, token never in the body', () => {
		const options = buildMetaRequest(request({ type: 'text', text: 'Hello' }, { sender: PAGE }), credentials);
		expect(options).toMatchObject({ method: 'POST', baseURL: 'https://graph.facebook.com/v25.0', url: `/${PAGE}/messages`, json: true });
		expect(options.body).toEqual({ recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: 'Hello' } });
		expect(JSON.stringify(options)).not.toContain('SECRET');
	});

	it('recipient: PSID or user_ref', () => {
		expect(body({ type: 'text', text: 'x' }, { recipient: { kind: 'userRef', id: 'REF' } }).recipient).toEqual({ user_ref: 'REF' });
		expect(body({ type: 'text', text: 'x' }).recipient).toEqual({ id: PSID });
	});

	it('messaging_type: UPDATE on request, MESSAGE_TAG with a tag', () => {
		expect(body({ type: 'text', text: 'x' }, { messagingType: 'UPDATE' }).messaging_type).toBe('UPDATE');
		expect(body({ type: 'text', text: 'x' }, { tag: 'HUMAN_AGENT', messagingType: 'UPDATE' })).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
	});

	it('a sender action goes alone', () => {
		expect(body({ type: 'senderAction', action: 'mark_seen' })).toEqual({ recipient: { id: PSID }, sender_action: 'mark_seen' });
	});

	it('quick replies → message.quick_replies with content_type text', () => {
		expect(body({ type: 'quickReplies', text: 'Pick', quickReplies: [{ title: 'Red', payload: 'RED', imageUrl: 'https://example.com/red.png' }, { title: 'Blue', payload: 'BLUE' }] }).message).toEqual({
			text: 'Pick',
			quick_replies: [
				{ content_type: 'text', title: 'Red', payload: 'RED', image_url: 'https://example.com/red.png' },
				{ content_type: 'text', title: 'Blue', payload: 'BLUE' },
			],
		});
	});

	it('phone-number and e-mail quick replies → content_type user_phone_number / user_email alone', () => {
		const quickReplies = [{ type: 'phoneNumber' as const, title: '', payload: '' }, { type: 'email' as const, title: '', payload: '' }, { type: 'text' as const, title: 'No', payload: 'NO' }];
		expect(body({ type: 'text', text: 'How can we reach you?', quickReplies }).message).toEqual({
			text: 'How can we reach you?',
			quick_replies: [{ content_type: 'user_phone_number' }, { content_type: 'user_email' }, { content_type: 'text', title: 'No', payload: 'NO' }],
		});
	});

	it('media by URL (is_reusable when asked) or by attachment id', () => {
		expect(body({ type: 'media', media: { type: 'video', source: { kind: 'url', url: 'https://example.com/v.mp4' }, reusable: true } }).message).toEqual({
			attachment: { type: 'video', payload: { url: 'https://example.com/v.mp4', is_reusable: true } },
		});
		expect(body({ type: 'media', media: { type: 'file', source: { kind: 'attachmentId', id: '1857777774821032' } } }).message).toEqual({
			attachment: { type: 'file', payload: { attachment_id: '1857777774821032' } },
		});
	});

	it('button template with web_url, postback and phone_number buttons', () => {
		expect(body({ type: 'buttonTemplate', text: 'What do you want to do next?', buttons: [urlButton('Visit Messenger', 'https://www.messenger.com'), postback('Start', 'START'), callButton('Call', '+15105551234')] }).message).toEqual(
			template({
				template_type: 'button',
				text: 'What do you want to do next?',
				buttons: [
					{ type: 'web_url', url: 'https://www.messenger.com', title: 'Visit Messenger' },
					{ type: 'postback', title: 'Start', payload: 'START' },
					{ type: 'phone_number', title: 'Call', payload: '+15105551234' },
				],
			}),
		);
	});

	it('generic template and carousel → generic elements', () => {
		const element = { title: 'Shirt', subtitle: 'Blue, cotton', image_url: 'https://example.com/shirt.png', default_action: { type: 'web_url', url: 'https://example.com/shirt' }, buttons: [{ type: 'postback', title: 'Buy', payload: 'BUY_SHIRT' }] };
		const shirt = card({ defaultActionUrl: 'https://example.com/shirt' });
		expect(body({ type: 'genericTemplate', card: shirt }).message).toEqual(template({ template_type: 'generic', elements: [element] }));
		expect(body({ type: 'carousel', cards: [shirt, { title: 'Hat', buttons: [] }] }).message).toEqual(
			template({ template_type: 'generic', elements: [element, { title: 'Hat' }] }),
		);
	});

	it('media template → one element with media_type and url or attachment_id', () => {
		expect(body({ type: 'mediaTemplate', media: { type: 'image', source: { kind: 'attachmentId', id: '42' } }, buttons: [urlButton('More', 'https://example.com')] }).message).toEqual(
			template({ template_type: 'media', elements: [{ media_type: 'image', attachment_id: '42', buttons: [{ type: 'web_url', url: 'https://example.com', title: 'More' }] }] }),
		);
		expect(body({ type: 'mediaTemplate', media: { type: 'video', source: { kind: 'url', url: 'https://business.facebook.com/p/videos/1' } }, buttons: [] }).message).toEqual(
			template({ template_type: 'media', elements: [{ media_type: 'video', url: 'https://business.facebook.com/p/videos/1' }] }),
		);
	});

	it('product template → product elements by id', () => {
		expect(body({ type: 'productTemplate', productIds: ['A', 'B'] }).message).toEqual(template({ template_type: 'product', elements: [{ id: 'A' }, { id: 'B' }] }));
	});

	it('react / unreact → sender_action with payload {message_id, reaction} (sender-actions page)', () => {
		expect(body({ type: 'senderAction', action: 'react', messageId: 'm_1', emoji: '😊' })).toEqual({
			recipient: { id: PSID },
			sender_action: 'react',
			payload: { message_id: 'm_1', reaction: '😊' },
		});
		expect(body({ type: 'senderAction', action: 'unreact', messageId: 'm_1' })).toEqual({
			recipient: { id: PSID },
			sender_action: 'unreact',
			payload: { message_id: 'm_1' },
		});
		expect(body({ type: 'senderAction', action: 'typing_on' })).toEqual({ recipient: { id: PSID }, sender_action: 'typing_on' });
	});
});
