import fc from 'fast-check';

import { messengerApiEventKey, parseMessengerApiInbound } from '../../../../../nodes/shared/providers/infobip-messenger/inbound';
import type { MessengerEvent } from '../../../../../nodes/shared/model/event';

const PAGE = '17841447570021717';
const USER = '6662136340512053';

/** An incoming-message result as the spec's example has it, with `message` replaced. */
const incoming = (message: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	sender: USER,
	to: PAGE,
	receivedAt: '2023-01-01T00:00:00.000+0000',
	messageId: 'ib-1',
	message,
	...extra,
});

function only(body: unknown): MessengerEvent {
	const result = parseMessengerApiInbound(body);
	if (!result.ok) throw result.error;
	expect(result.events).toHaveLength(1);
	return result.events[0];
}

const one = (result: unknown) => only({ results: [result], messageCount: 1, pendingMessageCount: 0 });

describe('Infobip Messenger API webhooks → neutral events', () => {
	it("the spec's own incoming-message example: a text from the user to the page", () => {
		const event = only({
			results: [{ sender: USER, to: PAGE, receivedAt: '2023-01-01T00:00:00.000+0000', message: { mid: 'aWdfZAG1', text: 'Hello', type: 'TEXT' } }],
			messageCount: 1,
			pendingMessageCount: 0,
		});
		expect(event).toMatchObject({
			provider: 'infobipMessenger',
			eventType: 'text',
			senderId: USER,
			recipientId: PAGE,
			pageId: PAGE,
			timestamp: '2023-01-01T00:00:00.000Z',
			// No messageId on this example: the mid stands in.
			messageId: 'aWdfZAG1',
			text: 'Hello',
		});
	});

	it('TEXT with empty quickReply and replyTo objects (required by the schema) is a plain text', () => {
		const event = one(incoming({ type: 'TEXT', text: 'Hi', quickReply: {}, replyTo: {} }));
		expect(event).toMatchObject({ eventType: 'text', quickReplyPayload: null, inReplyTo: null, messageId: 'ib-1' });
	});

	it('TEXT with a quickReply payload is a quick-reply tap; replyTo.mid is what it answers', () => {
		const event = one(incoming({ type: 'TEXT', text: 'Red', quickReply: { payload: 'RED' }, replyTo: { mid: 'm-page-1' } }));
		expect(event).toMatchObject({ eventType: 'quick_reply', text: 'Red', quickReplyPayload: 'RED', inReplyTo: 'm-page-1' });
	});

	it.each([
		['AUDIO', 'audio'],
		['VIDEO', 'video'],
		['FILE', 'file'],
		['URL', 'url'],
	])('%s → an attachment of type %s with its url', (type, neutral) => {
		const event = one(incoming({ type, url: 'https://cdn.example/x' }));
		expect(event.eventType).toBe('attachment');
		expect(event.attachments).toEqual([{ type: neutral, url: 'https://cdn.example/x', mimeType: null, name: null, stickerId: null, coordinates: null }]);
	});

	it('IMAGE → image; with a stickerId, a sticker', () => {
		expect(one(incoming({ type: 'IMAGE', url: 'https://cdn.example/i.png', stickerId: '' })).attachments[0]).toMatchObject({ type: 'image', stickerId: null });
		expect(one(incoming({ type: 'IMAGE', url: 'https://cdn.example/s.png', stickerId: '369239263222822' })).attachments[0]).toMatchObject({
			type: 'sticker',
			url: 'https://cdn.example/s.png',
			stickerId: '369239263222822',
		});
	});

	it('FALLBACK → fallback attachment with its title; LOCATION → coordinates; LOCATION_URL → a location link', () => {
		expect(one(incoming({ type: 'FALLBACK', url: 'https://news.example/a', title: 'A story' })).attachments[0]).toMatchObject({
			type: 'fallback',
			url: 'https://news.example/a',
			name: 'A story',
		});
		expect(one(incoming({ type: 'LOCATION', latitude: 45.81, longitude: 15.98 })).attachments[0]).toMatchObject({
			type: 'location',
			url: null,
			coordinates: { lat: 45.81, long: 15.98 },
		});
		expect(one(incoming({ type: 'LOCATION_URL', url: 'https://maps.example/p' })).attachments[0]).toMatchObject({
			type: 'location',
			url: 'https://maps.example/p',
			coordinates: null,
		});
	});

	it('POSTBACK → postback with its payload, the button title as text', () => {
		expect(one(incoming({ type: 'POSTBACK', payload: 'BUY', title: 'Buy' }))).toMatchObject({ eventType: 'postback', postbackPayload: 'BUY', text: 'Buy' });
	});

	it('UNKNOWN and types newer than the spec stay unknown, with the result in raw', () => {
		const raw = incoming({ type: 'UNKNOWN', raw: { anything: {} } });
		expect(one(raw)).toMatchObject({ eventType: 'unknown', raw });
		expect(one(incoming({ type: 'HOLOGRAM' })).eventType).toBe('unknown');
	});

	it('callbackData of the result is kept', () => {
		expect(one(incoming({ type: 'TEXT', text: 'x' }, { callbackData: 'order-7' })).callbackData).toBe('order-7');
	});

	it("a delivery report (the spec's example): status_report, the user is `to`, the page `sender`", () => {
		const report = {
			bulkId: '1688025180464000013',
			price: { pricePerMessage: 0.15, currency: 'EUR' },
			status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
			error: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', description: 'No Error', permanent: false },
			messageId: '1688025180464000014',
			to: '66855538125',
			sender: '44113496000',
			sentAt: '2023-09-26T10:52:15.457+0000',
			doneAt: '2023-09-26T10:52:15.799+0000',
			messageCount: 1,
		};
		expect(only({ results: [report] })).toMatchObject({
			eventType: 'status_report',
			status: 'delivered',
			senderId: '66855538125',
			pageId: '44113496000',
			messageId: '1688025180464000014',
			timestamp: '2023-09-26T10:52:15.799Z',
			errorCode: null,
		});
	});

	it('a failed delivery report carries the error name and description', () => {
		const report = {
			messageId: 'm2',
			to: USER,
			sender: PAGE,
			doneAt: '2026-01-01T00:00:00.000+0000',
			status: { groupId: 2, groupName: 'UNDELIVERABLE', id: 9, name: 'UNDELIVERABLE_NOT_DELIVERED', description: 'Message sent not delivered' },
			error: { groupId: 1, groupName: 'HANDSET_ERRORS', id: 27, name: 'EC_ABSENT_SUBSCRIBER', description: 'Absent Subscriber', permanent: false },
		};
		expect(only({ results: [report] })).toMatchObject({ status: 'failed', errorCode: 'EC_ABSENT_SUBSCRIBER', errorDescription: 'Absent Subscriber' });
	});

	it("a seen report (the spec's example): read, the user is `from`, the page `to`", () => {
		const seen = {
			messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
			from: USER,
			to: PAGE,
			sentAt: '2026-06-07T11:21:57.793+0000',
			seenAt: '2026-06-07T11:22:10.251+0000',
			applicationId: 'example-application-id',
			entityId: 'example-entity-id',
		};
		expect(only({ results: [seen] })).toMatchObject({
			eventType: 'read',
			status: 'read',
			senderId: USER,
			pageId: PAGE,
			messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
			timestamp: '2026-06-07T11:22:10.251Z',
		});
	});

	it("refuses what is none of the three, naming the result: Infobip's v1 forward, and non-objects", () => {
		const v1 = { results: [{ from: USER, to: 'APPKEY', receivedAt: '2017-01-05T12:47:56.221+0000', message: { text: 'hi', type: 'TEXT' } }] };
		const refused = parseMessengerApiInbound(v1);
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error.reason).toMatch(/^results\[0\] is not an incoming message/);
		expect(parseMessengerApiInbound({ results: [1] }).ok).toBe(false);
		expect(parseMessengerApiInbound({}).ok).toBe(false);
		expect(parseMessengerApiInbound([]).ok).toBe(false);
		expect(parseMessengerApiInbound({ results: [] })).toEqual({ ok: true, events: [] });
	});

	it('event keys: the messageId, and for reports also what is reported', () => {
		const text = one(incoming({ type: 'TEXT', text: 'x' }));
		expect(messengerApiEventKey(text)).toBe('message:ib-1');
		const seen = only({ results: [{ messageId: 'out-1', from: USER, to: PAGE, seenAt: '2026-06-07T11:22:10.251+0000' }] });
		const delivered = only({ results: [{ messageId: 'out-1', to: USER, sender: PAGE, status: { groupName: 'DELIVERED', name: 'DELIVERED_TO_HANDSET' } }] });
		const pending = only({ results: [{ messageId: 'out-1', to: USER, sender: PAGE, status: { groupName: 'PENDING', name: 'PENDING_ACCEPTED' } }] });
		const keys = [seen, delivered, pending].map(messengerApiEventKey);
		expect(new Set(keys).size).toBe(3);
		expect(messengerApiEventKey(one(incoming({ type: 'TEXT', text: 'x' }, { messageId: undefined })))).toBeUndefined();
	});

	it('property: any JSON value is answered without throwing', () => {
		fc.assert(fc.property(fc.jsonValue(), (value) => typeof parseMessengerApiInbound(value).ok === 'boolean'), { numRuns: 300 });
	});
});
