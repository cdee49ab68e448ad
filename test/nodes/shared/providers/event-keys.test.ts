// The keys the trigger uses to recognise an event delivered again: equal for the same event, different
// for different events, and absent where the provider gives nothing stable.
import type { MessengerEvent } from '../../../../nodes/shared/model/event';
import { INBOUND_PARSERS, type InboundFormat } from '../../../../nodes/shared/providers';
import { cmBody, infobipBody, infobipResult, META_KINDS, metaBody, metaEvent } from '../inbound-fixtures';

function eventsOf(format: InboundFormat, body: unknown): MessengerEvent[] {
	const parsed = INBOUND_PARSERS[format].parse(body);
	if (!parsed.ok) throw parsed.error;
	return parsed.events;
}
const keysOf = (format: InboundFormat, body: unknown) => eventsOf(format, body).map((event) => INBOUND_PARSERS[format].eventKey(event));

describe('event keys', () => {
	it('Meta: every documented kind has a key, the same when the body comes again', () => {
		const kinds = META_KINDS.filter((kind) => kind !== 'unknown');
		const body = () => JSON.parse(JSON.stringify(metaBody(kinds.map((kind, n) => metaEvent(kind, n)))));
		const first = keysOf('meta', body());
		expect(first.every((key) => typeof key === 'string')).toBe(true);
		expect(new Set(first).size).toBe(first.length);
		expect(keysOf('meta', body())).toEqual(first);
	});

	it('Meta: a different message, read watermark or comment gets a different key', () => {
		const [text1, text2] = keysOf('meta', metaBody([metaEvent('text', 1), metaEvent('text', 2)]));
		expect(text1).not.toBe(text2);
		const read = (watermark: number) => ({ ...metaEvent('read'), read: { watermark } });
		const [early, late] = keysOf('meta', metaBody([read(1), read(2)]));
		expect(early).not.toBe(late);
		const [comment1, comment2] = keysOf('meta', metaBody([metaEvent('feed', 1), metaEvent('feed', 2)]));
		expect(comment1).not.toBe(comment2);
	});

	it('Meta: no key without anything stable (no id, no timestamp; an entry without events)', () => {
		const bare = { sender: { id: 'u' }, recipient: { id: 'p' }, optin: { ref: 'x' } };
		expect(keysOf('meta', metaBody([bare]))).toEqual([undefined]);
		expect(keysOf('meta', { object: 'page', entry: [{ id: 'p', standby: [{}] }] })).toEqual([undefined]);
	});

	it('Infobip: the messageId, when the result has one', () => {
		const withoutId = { ...infobipResult('text', 2), messageId: undefined };
		expect(keysOf('infobip', infobipBody([infobipResult('text', 1), withoutId]))).toEqual(['message:ib-1', undefined]);
	});

	it('CM.com: status reports only', () => {
		expect(keysOf('cm', cmBody('status_report'))[0]).toEqual(expect.stringContaining('ref-0'));
		expect(keysOf('cm', cmBody('text'))).toEqual([undefined]);
	});
});
