import fc from 'fast-check';

import { isEventType, isoFromDateString, isoFromEpoch, stringOrNull } from '../../../../nodes/shared/model/event';

const isIso = (value: string | null) => value === null || new Date(value).toISOString() === value;

describe('event model helpers', () => {
	it('reads epoch milliseconds and seconds as the same instant', () => {
		expect(isoFromEpoch(1763890200000)).toBe('2025-11-23T09:30:00.000Z');
		expect(isoFromEpoch(1763890200)).toBe('2025-11-23T09:30:00.000Z');
		expect(isoFromEpoch('1763890200000')).toBe('2025-11-23T09:30:00.000Z');
		expect(isoFromEpoch(0)).toBeNull();
		expect(isoFromEpoch(1e300)).toBeNull();
	});

	it('reads the providers\' date formats', () => {
		expect(isoFromDateString('2017-01-05T12:47:56.221+0000')).toBe('2017-01-05T12:47:56.221Z');
		expect(isoFromDateString('2017-01-05T14:47:56.221+0200')).toBe('2017-01-05T12:47:56.221Z');
		expect(isoFromDateString('2021-05-27T13:47:52', true)).toBe('2021-05-27T13:47:52.000Z');
		expect(isoFromDateString('2021-05-27 13:47:52', true)).toBe('2021-05-27T13:47:52.000Z');
		expect(isoFromDateString('2024-05-01T12:00:00.000Z', true)).toBe('2024-05-01T12:00:00.000Z');
		expect(isoFromDateString('yesterday')).toBeNull();
	});

	it('property: never throws, always ISO or null', () => {
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), fc.double(), fc.string(), fc.date({ noInvalidDate: false }).map(String)), (value) => {
				return isIso(isoFromEpoch(value)) && isIso(isoFromDateString(value)) && isIso(isoFromDateString(value, true));
			}),
			{ numRuns: 1000 },
		);
	});

	it('keeps ids as text and knows its event types', () => {
		expect(stringOrNull(123)).toBe('123');
		expect(stringOrNull(Number.NaN)).toBeNull();
		expect(stringOrNull({})).toBeNull();
		expect(isEventType('status_report')).toBe(true);
		expect(isEventType('toString')).toBe(false);
	});
});
