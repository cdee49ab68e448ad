// The events Meta documents today, each from the example on its webhook-events reference page
// (developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/),
// parsed into the normalized item.
import { parseMetaWebhook } from '../../../../../nodes/shared/providers/meta/inbound';
import { expectEventShape } from '../../event-assertions';
import { metaBody, PAGE_ID, T0, USER_PSID } from '../../inbound-fixtures';

const user = { id: USER_PSID };
const page = { id: PAGE_ID };

function only(raw: Record<string, unknown>) {
	const result = parseMetaWebhook(metaBody([raw]));
	if (!result.ok) throw result.error;
	expect(result.events).toHaveLength(1);
	expectEventShape(result.events[0]);
	return result.events[0];
}

describe('parseMetaWebhook: events documented in 2026', () => {
	it('checkbox-plugin opt-in: no sender, the person is optin.user_ref, which becomes the reply target', () => {
		// messaging_optins page: "The sender object is not included for messaging_optins events triggered by the checkbox plugin."
		const event = only({ recipient: page, timestamp: T0, optin: { ref: 'PASS_THROUGH', user_ref: 'UREF-1' } });
		expect(event).toMatchObject({ eventType: 'optin', senderId: null, userRef: 'UREF-1', pageId: PAGE_ID });
		expect(event.optin).toEqual({ type: null, ref: 'PASS_THROUGH', payload: null, notificationToken: null, tokenExpiresAt: null });
	});

	it('marketing opt-in: payload and token', () => {
		const event = only({
			sender: user,
			recipient: page,
			timestamp: T0,
			optin: {
				type: 'notification_messages',
				payload: 'TOPIC',
				notification_messages_token: 'TOKEN-1',
				token_expiry_timestamp: T0 + 1000,
				title: 'Updates',
			},
		});
		expect(event).toMatchObject({ eventType: 'optin', senderId: USER_PSID, userRef: null });
		expect(event.optin).toEqual({
			type: 'notification_messages',
			ref: null,
			payload: 'TOPIC',
			notificationToken: 'TOKEN-1',
			tokenExpiresAt: new Date(T0 + 1000).toISOString(),
		});
	});

	it('chat plugin postback: sender.user_ref is the reply target, never a PSID', () => {
		// messaging_postbacks page example.
		const event = only({
			sender: { user_ref: 'USER-REF-ID' },
			recipient: page,
			timestamp: '1527459824',
			postback: { mid: 'm_1', title: 'Go', payload: 'P', referral: { ref: 'R', source: 'SHORT-URL', type: 'OPEN_THREAD' } },
		});
		expect(event).toMatchObject({ eventType: 'postback', senderId: null, userRef: 'USER-REF-ID', postbackPayload: 'P' });
		expect(event.referral).toEqual({ ref: 'R', source: 'SHORT-URL', type: 'OPEN_THREAD', adId: null });
	});

	it.each([
		['react', { reaction: 'love', emoji: '\u{2764}\u{FE0F}', action: 'react', mid: 'm_REACTED' }, 'react', '\u{2764}\u{FE0F}'],
		['unreact', { action: 'unreact', mid: 'm_REACTED' }, 'unreact', null],
	])('reaction (%s): action, emoji and the reacted-to message', (_name, reaction, action, emoji) => {
		const event = only({ sender: user, recipient: page, timestamp: T0, reaction });
		expect(event).toMatchObject({ eventType: 'reaction', messageId: 'm_REACTED' });
		expect(event.reaction).toEqual({
			action,
			emoji,
			reaction: (reaction as { reaction?: string }).reaction ?? null,
			messageId: 'm_REACTED',
		});
	});

	it('standby: one item per standby event, with its sender and content, flagged', () => {
		const result = parseMetaWebhook({
			object: 'page',
			entry: [
				{
					id: PAGE_ID,
					time: T0,
					standby: [
						{ sender: user, recipient: page, timestamp: T0, message: { mid: 'm_a', text: 'to the agent' } },
						{ sender: user, recipient: page, timestamp: T0 + 1, postback: { title: 'Menu', payload: 'MENU' } },
					],
				},
			],
		});
		if (!result.ok) throw result.error;
		expect(result.events.map((event) => [event.eventType, event.standby, event.senderId])).toEqual([
			['text', true, USER_PSID],
			['postback', true, USER_PSID],
		]);
		expect(result.events[0].text).toBe('to the agent');
		expect(result.events[1].postbackPayload).toBe('MENU');
		result.events.forEach(expectEventShape);
	});

	it('message edit: the edited message id, the new text and the edit count', () => {
		// message-edits page example; its num_edit is written as a string.
		const event = only({ sender: user, recipient: page, timestamp: T0, message_edit: { mid: 'm_E', text: 'fixed typo', num_edit: '3' } });
		expect(event).toMatchObject({ eventType: 'edit', messageId: 'm_E', text: 'fixed typo', editCount: 3, senderId: USER_PSID });
	});

	it('referral from an ad: ref, source, type and ad id', () => {
		const event = only({
			sender: user,
			recipient: page,
			timestamp: T0,
			referral: { ref: 'spring', ad_id: '6045246247433', source: 'ADS', type: 'OPEN_THREAD', ads_context_data: { ad_title: 'Spring' } },
		});
		expect(event).toMatchObject({ eventType: 'referral' });
		expect(event.referral).toEqual({ ref: 'spring', source: 'ADS', type: 'OPEN_THREAD', adId: '6045246247433' });
	});

	it('referral from an m.me link', () => {
		const event = only({ sender: user, recipient: page, timestamp: T0, referral: { ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD' } });
		expect(event.referral).toEqual({ ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD', adId: null });
	});

	it('a reply carries the id of the message it answers', () => {
		const event = only({ sender: user, recipient: page, timestamp: T0, message: { mid: 'm_2', text: 'yes', reply_to: { mid: 'm_1' } } });
		expect(event).toMatchObject({ eventType: 'text', messageId: 'm_2', inReplyTo: 'm_1' });
	});

	it('sticker: typed sticker, the transition copy typed image is dropped, the sticker id kept', () => {
		// Changelog 2026-06-01: until 2026-08-30 both attachments come, after it only the sticker.
		const url = 'https://scontent.xx.fbcdn.net/sticker.png';
		const event = only({
			sender: user,
			recipient: page,
			timestamp: T0,
			message: {
				mid: 'm_s',
				attachments: [
					{ type: 'image', payload: { url, sticker_id: 369239263222822 } },
					{ type: 'sticker', payload: { url, sticker_id: 369239263222822 } },
				],
			},
		});
		expect(event.eventType).toBe('attachment');
		expect(event.attachments).toEqual([{ type: 'sticker', url, mimeType: null, name: null, stickerId: '369239263222822', coordinates: null }]);
	});

	it('a sticker sent the old way (image with sticker_id only) is a sticker too', () => {
		const event = only({
			sender: user,
			recipient: page,
			timestamp: T0,
			message: { mid: 'm_s', sticker_id: 1, attachments: [{ type: 'image', payload: { url: 'https://x.fbcdn.net/s.png', sticker_id: 1 } }] },
		});
		expect(event.attachments.map((attachment) => [attachment.type, attachment.stickerId])).toEqual([['sticker', '1']]);
	});

	it.each(['reel', 'ig_reel', 'post', 'ig_post', 'appointment_booking', 'audio', 'video', 'file'])(
		'attachment type %s keeps its type and its URL',
		(type) => {
			const event = only({
				sender: user,
				recipient: page,
				timestamp: T0,
				message: { mid: 'm', attachments: [{ type, payload: { url: `https://cdn.example/${type}`, title: 'T' } }] },
			});
			expect(event.attachments).toEqual([
				{ type, url: `https://cdn.example/${type}`, mimeType: null, name: 'T', stickerId: null, coordinates: null },
			]);
		},
	);

	it('a fallback without payload has no URL, and none is made up', () => {
		const event = only({ sender: user, recipient: page, timestamp: T0, message: { mid: 'm', attachments: [{ type: 'fallback' }] } });
		expect(event.attachments).toEqual([{ type: 'fallback', url: null, mimeType: null, name: null, stickerId: null, coordinates: null }]);
	});

	it('a shared link: text, with a fallback carrying the title and URL Meta sent', () => {
		const event = only({
			sender: user,
			recipient: page,
			timestamp: T0,
			message: {
				mid: 'm',
				text: 'look https://example.com',
				attachments: [{ type: 'fallback', title: 'Example', url: 'https://l.facebook.com/l.php?u=x', payload: null }],
			},
		});
		expect(event.eventType).toBe('text');
		expect(event.attachments[0]).toMatchObject({ type: 'fallback', url: 'https://l.facebook.com/l.php?u=x', name: 'Example' });
	});

	it('a location: coordinates, and no URL unless Meta sent one', () => {
		const event = only({
			sender: user,
			recipient: page,
			timestamp: T0,
			message: { mid: 'm', attachments: [{ type: 'location', payload: { coordinates: { lat: 52.37, long: 4.89 } } }] },
		});
		expect(event.attachments).toEqual([
			{ type: 'location', url: null, mimeType: null, name: null, stickerId: null, coordinates: { lat: 52.37, long: 4.89 } },
		]);
	});

	it('deliveries and reads carry a normalized status', () => {
		const delivery = only({ sender: user, recipient: page, timestamp: T0, delivery: { mids: ['m_1'], watermark: T0 } });
		const read = only({ sender: user, recipient: page, timestamp: T0, read: { watermark: T0 } });
		expect([delivery.status, read.status]).toEqual(['delivered', 'read']);
	});
});
