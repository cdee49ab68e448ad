import { wholeNumberIn } from '../../../nodes/MessengerInboxTrigger/settings';

describe('wholeNumberIn', () => {
	it.each([
		[500, 500],
		['500', 500],
		[' 7 ', 7],
		[1, 1],
		[1000, 1000],
	])('accepts %j', (value, expected) => {
		expect(wholeNumberIn(value, 1, 1000)).toBe(expected);
	});

	it.each([0, 1001, 2.5, NaN, Infinity, '', 'abc', '12abc', null, undefined, true, [5], { n: 5 }])('refuses %j', (value) => {
		expect(wholeNumberIn(value, 1, 1000)).toBeUndefined();
	});
});
