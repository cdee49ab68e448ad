import fc from 'fast-check';

import { InboundFormatError } from '../../../../../nodes/shared/model/event';
import { INFOBIP_INBOUND_TYPES, parseInfobipInbound, parseInfobipPage } from '../../../../../nodes/shared/providers/infobip/inbound';
import { eventShapeViolation, expectEventShape } from '../../event-assertions';
import { INFOBIP_APP_KEY, INFOBIP_KINDS, infobipBody, infobipResult, USER_PSID } from '../../inbound-fixtures';

describe('parseInfobipInbound', () => {
	it('reads the seed 000 forward body exactly as documented', () => {
		const seedBody = {
			results: [
				{
					from: 'fd9c6a0d-02d3-4e39-8361-92f637471c08',
					to: '842C684C7856D6E876A7250135457CGE',
					receivedAt: '2017-01-05T12:47:56.221+0000',
					callbackData: 'callbackData',
					message: { text: 'Thank you for this!', type: 'TEXT' },
					price: { pricePerMessage: 0, currency: 'EUR' },
				},
			],
			messageCount: 1,
			pendingMessageCount: 0,
		};
		const result = parseInfobipInbound(seedBody);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.events).toEqual([
			{
				provider: 'infobip',
				eventType: 'text',
				pageId: '842C684C7856D6E876A7250135457CGE',
				senderId: 'fd9c6a0d-02d3-4e39-8361-92f637471c08',
				recipientId: '842C684C7856D6E876A7250135457CGE',
				timestamp: '2017-01-05T12:47:56.221Z',
				messageId: null,
				text: 'Thank you for this!',
				attachments: [],
				quickReplyPayload: null,
				postbackPayload: null,
				isEcho: false,
				userRef: null,
				standby: false,
				inReplyTo: null,
				// Seed 000's example is a plain text that carries a callbackData: exposed, not read as a tap.
				callbackData: 'callbackData',
				status: null,
				errorCode: null,
				errorDescription: null,
				editCount: null,
				reaction: null,
				referral: null,
				optin: null,
				raw: seedBody.results[0],
			},
		]);
	});

	it.each(INFOBIP_KINDS)('recognises a %s message', (kind) => {
		const result = parseInfobipInbound(infobipBody([infobipResult(kind, 7)]));
		if (!result.ok) throw result.error;
		const [event] = result.events;
		expectEventShape(event);
		expect(event).toMatchObject({ eventType: kind, senderId: USER_PSID, pageId: INFOBIP_APP_KEY, messageId: 'ib-7' });
		if (kind === 'attachment') {
			expect(event.attachments).toEqual([
				{ type: 'image', url: 'https://cdn.example/7.png', mimeType: null, name: null, stickerId: null, coordinates: null },
			]);
		}
		if (kind === 'quick_reply') expect(event.quickReplyPayload).toBe('QR_7');
		if (kind === 'postback') expect(event.postbackPayload).toBe('PB_7');
	});

	it('exposes callbackData on every item, null when empty, and documents which types are inferred', () => {
		const tap = { ...infobipResult('text'), callbackData: 'PB_START', message: { type: 'TEXT', text: 'Start' } };
		const plain = { ...infobipResult('text'), callbackData: '' };
		const result = parseInfobipInbound(infobipBody([tap, plain]));
		if (!result.ok) throw result.error;
		expect(result.events.map((event) => [event.eventType, event.callbackData, event.text])).toEqual([
			['text', 'PB_START', 'Start'],
			['text', null, 'Thank you for this! 0'],
		]);
		const documented = Object.entries(INFOBIP_INBOUND_TYPES).filter(([, entry]) => entry.documented).map(([type]) => type);
		expect(documented).toEqual(['TEXT']);
	});

	it('emits one event per result, in order, and reads the paging counters', () => {
		const body = infobipBody(
			INFOBIP_KINDS.map((kind, n) => infobipResult(kind, n)),
			42,
		);
		const page = parseInfobipPage(body);
		if (!page.ok) throw page.error;
		expect(page.events.map((event) => event.messageId)).toEqual(['ib-0', 'ib-1', 'ib-2', 'ib-3', 'ib-4']);
		expect(page.pendingMessageCount).toBe(42);
		expect(page.messageCount).toBe(5);
	});

	it.each([
		['a string', 'results'],
		['an object without results', { messageCount: 1 }],
		['a Meta body', { object: 'page', entry: [] }],
		['results that is an object', { results: {} }],
	])('answers %s with a typed format error', (_name, body) => {
		const result = parseInfobipInbound(body);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toBeInstanceOf(InboundFormatError);
	});

	describe('properties', () => {
		it('maps every element of results[] to exactly one event, whatever it holds (pull-once)', () => {
			const element = fc.oneof(
				fc.constantFrom(...INFOBIP_KINDS).map((kind) => infobipResult(kind)),
				fc.record(
					{
						from: fc.jsonValue(),
						to: fc.jsonValue(),
						receivedAt: fc.oneof(fc.string(), fc.jsonValue()),
						message: fc.oneof(fc.record({ type: fc.string(), text: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
					},
					{ requiredKeys: [] },
				),
				fc.jsonValue(),
			);
			fc.assert(
				fc.property(fc.array(element, { maxLength: 20 }), fc.jsonValue(), (results, pending) => {
					const page = parseInfobipPage({ results, pendingMessageCount: pending });
					return (
						page.ok &&
						page.events.length === results.length &&
						page.events.every((event, i) => event.raw === results[i] && eventShapeViolation(event) === undefined) &&
						Number.isInteger(page.pendingMessageCount) &&
						page.pendingMessageCount >= 0
					);
				}),
				{ numRuns: 500 },
			);
		});
	});
});
