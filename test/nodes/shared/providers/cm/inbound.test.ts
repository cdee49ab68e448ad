import fc from 'fast-check';

import { InboundFormatError } from '../../../../../nodes/shared/model/event';
import { parseCmInbound } from '../../../../../nodes/shared/providers/cm/inbound';
import { eventShapeViolation, expectEventShape } from '../../event-assertions';
import { CM_KINDS, cmBody, PAGE_ID, USER_PSID } from '../../inbound-fixtures';

function events(body: unknown) {
	const result = parseCmInbound(body);
	if (!result.ok) throw result.error;
	return result.events;
}

describe('parseCmInbound', () => {
	it.each(CM_KINDS)('recognises a %s body', (kind) => {
		const [event] = events(cmBody(kind, 5));
		expectEventShape(event);
		expect(event.eventType).toBe(kind);
		expect(event.provider).toBe('cm');
		expect(event.senderId).toBe(USER_PSID);
		if (kind === 'status_report') {
			// A status report's reference is the page's own message, the one reported on.
			expect(event).toMatchObject({ messageId: 'ref-5', inReplyTo: null });
		} else {
			// An MO's reference is the page's message it answers; the MO has no id of its own.
			expect(event).toMatchObject({ messageId: null, inReplyTo: 'ref-5' });
		}
		expect(event.timestamp).toBe('2026-11-23T09:30:00.000Z');
		if (kind !== 'status_report') expect(event.pageId).toBe(PAGE_ID);
	});

	it('reads the documented Facebook Messenger quick-reply example', () => {
		const example = {
			reference: 'my-reference',
			messageContext: '',
			from: { number: '87654321', name: 'John Doe' },
			to: { number: '12345678' },
			message: {
				text: 'Edit appointment',
				media: { mediaUri: '', contentType: '', title: '' },
				custom: { suggestions: [{ action: 'Reply', postbackData: 'EDIT_APPOINTMENT' }] },
			},
			groupings: ['', '', ''],
			time: '2021-05-27 15:47:52',
			timeUtc: '2021-05-27T13:47:52',
			channel: 'Facebook Messenger',
		};
		expect(events(example)[0]).toMatchObject({
			eventType: 'quick_reply',
			senderId: '87654321',
			recipientId: '12345678',
			pageId: '12345678',
			text: 'Edit appointment',
			quickReplyPayload: 'EDIT_APPOINTMENT',
			attachments: [],
			timestamp: '2021-05-27T13:47:52.000Z',
		});
	});

	it('reports a suggestion tap as a quick reply with the payload in both payload fields (CM.com cannot tell a button from a quick reply)', () => {
		expect(events(cmBody('quick_reply', 2))[0]).toMatchObject({ quickReplyPayload: 'QR_2', postbackPayload: 'QR_2' });
		const sandboxShape = { ...cmBody('text'), message: { text: 'Yes', suggestionResponse: { postbackdata: 'YES' } } };
		expect(events(sandboxShape)[0]).toMatchObject({ eventType: 'quick_reply', quickReplyPayload: 'YES', text: 'Yes' });
	});

	it.each(['OptInSubscribed', 'OptInExtended'])('reads the %s event with its notification token', (type) => {
		const body = cmBody('optin', 4) as { event: Record<string, unknown> };
		const [event] = events({ ...body, event: { ...body.event, type } });
		expect(event).toMatchObject({ eventType: 'optin', senderId: USER_PSID, pageId: PAGE_ID });
		expect(event.optin).toEqual({
			type,
			ref: null,
			payload: null,
			notificationToken: 'nt-4',
			tokenExpiresAt: '2027-04-10T12:00:00.000Z',
		});
		expect(events({ ...body, event: 'MessageDelete' })[0]).toMatchObject({ eventType: 'unknown', optin: null });
	});

	it.each([
		['0', '', 'accepted', null],
		['1', '', 'failed', null],
		['2', '', 'delivered', null],
		['3', '28', 'failed', '28'],
		['4', '', 'read', null],
		['', '6', 'failed', '6'],
		['9', '', 'unknown', null],
	])('status code %p with error code %p reads as %s', (code, errorCode, status, expectedError) => {
		const single = cmBody('status_report') as { messages: { msg: Record<string, unknown> } };
		const msg = { ...single.messages.msg, status: { code, errorCode, errorDescription: errorCode ? 'Recipient unknown' : '' } };
		const [event] = events({ messages: { msg } });
		expect(event).toMatchObject({ eventType: 'status_report', status, errorCode: expectedError });
		expect(event.errorDescription).toBe(errorCode ? 'Recipient unknown' : null);
	});

	it('reads media in the outbound field names too (mimeType, mediaName)', () => {
		const body = { ...cmBody('text'), message: { media: { mediaUri: 'https://m.example/a.pdf', mimeType: 'application/pdf', mediaName: 'a.pdf' } } };
		expect(events(body)[0].attachments).toEqual([
			{ type: 'file', url: 'https://m.example/a.pdf', mimeType: 'application/pdf', name: 'a.pdf', stickerId: null, coordinates: null },
		]);
	});

	it('turns media into an attachment with its MIME type, and drops the empty text CM.com sends with it', () => {
		expect(events(cmBody('attachment', 1))[0]).toMatchObject({
			text: null,
			attachments: [{ type: 'image', url: 'https://media.cm.example/1', mimeType: 'image/jpeg', name: 'photo.jpg' }],
		});
	});

	it('emits one event per status report when msg is an array', () => {
		const single = cmBody('status_report') as { messages: { msg: Record<string, unknown> } };
		const body = { messages: { msg: [single.messages.msg, { ...single.messages.msg, reference: 'ref-9' }] } };
		expect(events(body).map((event) => event.messageId)).toEqual(['ref-0', 'ref-9']);
	});

	it.each([
		['a number', 5],
		['an empty object', {}],
		['a Meta body', { object: 'page', entry: [] }],
		['an Infobip body', { results: [] }],
	])('answers %s with a typed format error', (_name, body) => {
		const result = parseCmInbound(body);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toBeInstanceOf(InboundFormatError);
	});

	describe('properties', () => {
		it('never throws on CM-shaped bodies with arbitrary field values', () => {
			const body = fc.record(
				{
					from: fc.oneof(fc.record({ number: fc.jsonValue() }, { requiredKeys: [] }), fc.constant({})),
					to: fc.jsonValue(),
					reference: fc.jsonValue(),
					timeUtc: fc.oneof(fc.string(), fc.jsonValue()),
					message: fc.record(
						{
							text: fc.jsonValue(),
							media: fc.oneof(fc.record({ mediaUri: fc.jsonValue(), contentType: fc.jsonValue() }), fc.jsonValue()),
							custom: fc.oneof(fc.record({ suggestions: fc.array(fc.jsonValue()) }), fc.jsonValue()),
						},
						{ requiredKeys: [] },
					),
				},
				{ requiredKeys: ['from', 'message'] },
			);
			fc.assert(
				fc.property(body, (value) => {
					const result = parseCmInbound(value);
					return result.ok && result.events.length === 1 && eventShapeViolation(result.events[0]) === undefined;
				}),
				{ numRuns: 500 },
			);
		});
	});
});
