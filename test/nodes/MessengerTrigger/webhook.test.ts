import fc from 'fast-check';

import type { EventType } from '../../../nodes/shared/model/event';
import { EVENT_TYPES } from '../../../nodes/shared/model/event';
import { signBody } from '../../../nodes/shared/providers/meta/graph/signature';
import type { TriggerSettings } from '../../../nodes/MessengerTrigger/webhook';
import { answerHandshake, handleDelivery } from '../../../nodes/MessengerTrigger/webhook';
import { cmBody, infobipBody, infobipResult, metaBody, metaEvent } from '../shared/inbound-fixtures';

const APP_SECRET = 'unit-app-secret';

function settings(overrides: Partial<TriggerSettings> = {}): TriggerSettings {
	return {
		format: 'meta',
		events: new Set<EventType>(EVENT_TYPES),
		maxBodyBytes: 1024 * 1024,
		appSecret: APP_SECRET,
		auth: { kind: 'none' },
		...overrides,
	};
}

function request(body: string | Buffer, headers: Record<string, string> = {}) {
	return { headers, rawBody: Buffer.from(body), query: {}, params: {} };
}

describe('answerHandshake', () => {
	it('echoes the challenge only for subscribe + the right token', () => {
		const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': 'abc' };
		expect(answerHandshake('meta', query, 'tok')).toMatchObject({ kind: 'respond', status: 200, body: 'abc', contentType: 'text/plain' });
		expect(answerHandshake('meta', query, 'other')).toMatchObject({ status: 403 });
		expect(answerHandshake('meta', { ...query, 'hub.verify_token': ['tok', 'tok'] }, 'tok')).toMatchObject({ status: 403 });
		expect(answerHandshake('meta', { ...query, 'hub.challenge': '' }, 'tok')).toMatchObject({ status: 400 });
		expect(answerHandshake('meta', query, undefined)).toMatchObject({ status: 403 });
	});

	it('property: never echoes without the right token, never throws', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()), fc.jsonValue())), (query) => {
				const outcome = answerHandshake('meta', query, 'the-token');
				return outcome.kind === 'respond' && (outcome.status !== 200 || query['hub.verify_token'] === 'the-token');
			}),
		);
	});
});

describe('handleDelivery', () => {
	const body = JSON.stringify(metaBody([metaEvent('text', 1), metaEvent('read', 2)]));

	it('emits the selected events in order', () => {
		const outcome = handleDelivery(request(body, { 'x-hub-signature-256': signBody(APP_SECRET, body) }), settings());
		expect(outcome.kind).toBe('emit');
		if (outcome.kind === 'emit') expect(outcome.events.map((event) => event.eventType)).toEqual(['text', 'read']);
	});

	it('checks size before the signature, and the signature before parsing', () => {
		const huge = 'x'.repeat(2048);
		expect(handleDelivery(request(huge), settings({ maxBodyBytes: 1024 }))).toMatchObject({ status: 413 });
		expect(handleDelivery(request('not json'), settings())).toMatchObject({ status: 401 });
		const signed = { 'x-hub-signature-256': signBody(APP_SECRET, 'not json') };
		expect(handleDelivery(request('not json', signed), settings())).toMatchObject({ status: 400, body: 'Body is not valid JSON' });
		expect(handleDelivery(request('', { 'x-hub-signature-256': signBody(APP_SECRET, '') }), settings())).toMatchObject({ status: 400 });
	});

	it('accepts a UTF-8 byte order mark before the JSON', () => {
		const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]);
		const outcome = handleDelivery(request(withBom, { 'x-hub-signature-256': signBody(APP_SECRET, withBom) }), settings());
		expect(outcome.kind).toBe('emit');
	});

	it('acknowledges a delivery with nothing selected', () => {
		const outcome = handleDelivery(request(body), settings({ appSecret: '', unsignedAllowed: true, events: new Set<EventType>(['postback']) }));
		expect(outcome).toEqual({ kind: 'ignore', received: 2, selected: 0, redelivered: 0 });
	});

	it('refuses unsigned Meta deliveries when there is no app secret, unless unsigned ones are allowed', () => {
		expect(handleDelivery(request(body), settings({ appSecret: '' }))).toMatchObject({ status: 500, body: 'Trigger is not configured' });
		expect(handleDelivery(request(body), settings({ appSecret: '', unsignedAllowed: true })).kind).toBe('emit');
	});

	it('refuses every call when a configured secret is empty', () => {
		const infobip = JSON.stringify(infobipBody([infobipResult('text')]));
		const auth = { kind: 'headerSecret', headerName: 'X-Token', secret: '' } as const;
		expect(handleDelivery(request(infobip, { 'x-token': '' }), settings({ format: 'infobip', auth }))).toMatchObject({ status: 403 });
		expect(
			handleDelivery({ ...request(infobip), params: { secret: '' } }, settings({ format: 'infobip', auth: { kind: 'pathSecret', secret: '' } })),
		).toMatchObject({ status: 401 });
	});

	it('uses the parser of the chosen format', () => {
		const infobip = JSON.stringify(infobipBody([infobipResult('text')]));
		const cm = JSON.stringify(cmBody('text'));
		expect(handleDelivery(request(infobip), settings({ format: 'infobip' })).kind).toBe('emit');
		expect(handleDelivery(request(cm), settings({ format: 'cm' })).kind).toBe('emit');
		expect(handleDelivery(request(cm), settings({ format: 'infobip' }))).toMatchObject({ status: 400 });
	});

	it('property: arbitrary bytes and headers never throw and never emit without a valid signature', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)), fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? ''))),
				fc.dictionary(fc.constantFrom('x-hub-signature-256', 'content-type', 'authorization'), fc.string()),
				(raw, headers) => {
					const outcome = handleDelivery({ headers, rawBody: raw, query: {}, params: {} }, settings());
					const validSignature = headers['x-hub-signature-256']?.trim().toLowerCase() === signBody(APP_SECRET, raw);
					return outcome.kind === 'respond' || validSignature;
				},
			),
			{ numRuns: 500 },
		);
	});

	it('property: any signed JSON yields an outcome, never an exception', () => {
		fc.assert(
			fc.property(fc.constantFrom('meta', 'infobip', 'cm') as fc.Arbitrary<'meta' | 'infobip' | 'cm'>, fc.jsonValue(), (format, value) => {
				const raw = JSON.stringify(value) ?? 'null';
				const outcome = handleDelivery(request(raw, { 'x-hub-signature-256': signBody(APP_SECRET, raw) }), settings({ format }));
				return ['respond', 'emit', 'ignore'].includes(outcome.kind);
			}),
			{ numRuns: 500 },
		);
	});
});
