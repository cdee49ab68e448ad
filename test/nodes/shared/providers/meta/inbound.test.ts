import fc from 'fast-check';

import { InboundFormatError } from '../../../../../nodes/shared/model/event';
import { parseMetaWebhook } from '../../../../../nodes/shared/providers/meta/inbound';
import { eventShapeViolation, expectEventShape } from '../../event-assertions';
import { META_KINDS, metaBody, metaEvent, PAGE_ID, T0, USER_PSID } from '../../inbound-fixtures';

function parsed(body: unknown) {
	const result = parseMetaWebhook(body);
	if (!result.ok) throw result.error;
	return result.events;
}

describe('parseMetaWebhook', () => {
	it.each(META_KINDS)('recognises a %s event and normalizes it', (kind) => {
		const raw = metaEvent(kind, 3);
		const [event] = parsed(metaBody([raw]));
		expectEventShape(event);
		expect(event.eventType).toBe(kind);
		expect(event.provider).toBe('meta');
		expect(event.pageId).toBe(PAGE_ID);
		expect(event.raw).toEqual(raw);
		if (kind === 'echo') {
			expect(event).toMatchObject({ isEcho: true, senderId: PAGE_ID, recipientId: USER_PSID });
		} else {
			expect(event.senderId).toBe(USER_PSID);
			expect(event.isEcho).toBe(false);
		}
	});

	it('fills the fields each kind carries', () => {
		const [text, attachment, quickReply, postback, delivery, feed] = parsed(
			metaBody([
				metaEvent('text', 1),
				metaEvent('attachment', 2),
				metaEvent('quick_reply', 3),
				metaEvent('postback', 4),
				metaEvent('delivery', 5),
				metaEvent('feed', 6),
			]),
		);
		expect(text).toMatchObject({ text: 'hello 1', messageId: 'm_1', timestamp: new Date(T0 + 1).toISOString() });
		expect(attachment.attachments).toEqual([
			{ type: 'image', url: 'https://cdn.example/2.jpg', mimeType: null, name: null, stickerId: null, coordinates: null },
		]);
		expect(attachment.text).toBeNull();
		expect(quickReply).toMatchObject({ quickReplyPayload: 'QR_3', text: 'Yes' });
		expect(postback).toMatchObject({ postbackPayload: 'PB_4', messageId: 'm_4', text: null });
		expect(delivery.messageId).toBe('m_5');
		// Feed times are in seconds, messaging times in milliseconds: both end up as the same instant.
		expect(feed).toMatchObject({ text: 'comment 6', messageId: 'c_6', timestamp: new Date(T0).toISOString() });
	});

	it('emits one event per messaging item, across batched entries, in order', () => {
		const body = metaBody(
			[metaEvent('text', 1), metaEvent('read', 2), metaEvent('text', 3)],
			[metaEvent('postback', 4), metaEvent('feed', 5)],
			[metaEvent('reaction', 6)],
		);
		const events = parsed(body);
		expect(events.map((event) => event.eventType)).toEqual(['text', 'read', 'text', 'postback', 'feed', 'reaction']);
	});

	it('keeps an entry it does not understand as one unknown event', () => {
		const events = parsed({ object: 'page', entry: [{ id: PAGE_ID, time: T0, hop_context: [{ app_id: 1 }] }] });
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ eventType: 'unknown', pageId: PAGE_ID, timestamp: new Date(T0).toISOString() });
	});

	it('takes the entry time when the event has none, and null when neither is readable', () => {
		const { timestamp: _t, ...noTime } = metaEvent('text');
		expect(parsed(metaBody([noTime]))[0].timestamp).toBe(new Date(T0).toISOString());
		const body = { object: 'page', entry: [{ id: PAGE_ID, time: 'soon', messaging: [{ ...noTime, timestamp: 1e300 }] }] };
		expect(parsed(body)[0].timestamp).toBeNull();
	});

	it.each([
		['a non-object', 'not json at all'],
		['an array', [metaBody([metaEvent('text')])]],
		['null', null],
		['an object without entry', { object: 'page' }],
		['entry that is not an array', { object: 'page', entry: {} }],
		['an Infobip body', { results: [], messageCount: 0, pendingMessageCount: 0 }],
	])('answers %s with a typed format error', (_name, body) => {
		const result = parseMetaWebhook(body);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error).toBeInstanceOf(InboundFormatError);
			expect(result.error.reason.length).toBeLessThan(80);
		}
	});

	describe('properties', () => {
		it('never throws on Meta-shaped bodies with arbitrary contents, and drops no messaging item', () => {
			const anyEvent = fc.oneof(
				fc.constantFrom(...META_KINDS).chain((kind) => fc.nat(1000).map((n) => metaEvent(kind, n))),
				fc.dictionary(fc.constantFrom('sender', 'recipient', 'message', 'postback', 'timestamp', 'read', 'x'), fc.jsonValue()),
				fc.jsonValue(),
			);
			const entry = fc.record(
				{
					id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
					time: fc.oneof(fc.integer(), fc.double(), fc.string()),
					messaging: fc.array(anyEvent, { maxLength: 5 }),
					standby: fc.array(anyEvent, { maxLength: 3 }),
					changes: fc.array(fc.oneof(fc.constant(metaEvent('feed')), fc.jsonValue()), { maxLength: 3 }),
				},
				{ requiredKeys: [] },
			);
			fc.assert(
				fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
					const result = parseMetaWebhook({ object: 'page', entry: entries });
					if (!result.ok) return false;
					const expected = entries.reduce(
						(sum, e) =>
							sum +
							(e.messaging || e.standby || e.changes
								? (e.messaging?.length ?? 0) + (e.standby?.length ?? 0) + (e.changes?.length ?? 0)
								: 1),
						0,
					);
					return (
						result.events.length === expected &&
						result.events.every((event) => eventShapeViolation(event) === undefined)
					);
				}),
				{ numRuns: 500 },
			);
		});

		it('keeps any text and payload byte for byte', () => {
			fc.assert(
				fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (text, payload) => {
					const raw = { ...metaEvent('quick_reply'), message: { mid: 'm', text, quick_reply: { payload } } };
					const [event] = parsed(metaBody([raw]));
					return event.text === text && event.quickReplyPayload === payload;
				}),
			);
		});
	});
});
