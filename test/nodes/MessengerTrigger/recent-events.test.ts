import { RecentEvents } from '../../../nodes/MessengerTrigger/recent-events';

function setup(windowMs = 1000, maxEntries = 3) {
	let clock = 50_000;
	const recent = new RecentEvents(windowMs, maxEntries, () => clock);
	const admit = (keys: Array<string | undefined>, scope = 'trigger-a') => recent.admit(scope, keys, (key) => key);
	return { recent, admit, advance: (ms: number) => (clock += ms) };
}

describe('RecentEvents', () => {
	it('lets an event through once within the window, and again once the window has passed', () => {
		const t = setup();
		expect(t.admit(['a', 'b'])).toEqual({ fresh: ['a', 'b'], dropped: 0 });
		t.advance(999);
		expect(t.admit(['a', 'c'])).toEqual({ fresh: ['c'], dropped: 1 });
		t.advance(1);
		expect(t.admit(['a'])).toEqual({ fresh: ['a'], dropped: 0 });
	});

	it('drops a repeat inside one batch', () => {
		expect(setup().admit(['a', 'a', 'b'])).toEqual({ fresh: ['a', 'b'], dropped: 1 });
	});

	it('always lets through, and never remembers, an event without a key', () => {
		const t = setup();
		expect(t.admit([undefined, undefined])).toEqual({ fresh: [undefined, undefined], dropped: 0 });
		expect(t.recent.size).toBe(0);
	});

	it('keeps triggers apart', () => {
		const t = setup();
		t.admit(['a'], 'trigger-a');
		expect(t.admit(['a'], 'trigger-b')).toEqual({ fresh: ['a'], dropped: 0 });
	});

	it('holds a bounded number of events, forgetting the oldest first', () => {
		const t = setup(60_000, 3);
		t.admit(['a', 'b', 'c', 'd']);
		expect(t.recent.size).toBe(3);
		expect(t.admit(['b', 'c', 'd'])).toEqual({ fresh: [], dropped: 3 });
		expect(t.admit(['a'])).toEqual({ fresh: ['a'], dropped: 0 });
	});

	it('uses the monotonic clock by default, so a wall clock stepped back does not revive old events', () => {
		jest.useFakeTimers({ now: Date.UTC(2026, 10, 30, 12, 0, 0) });
		try {
			const recent = new RecentEvents(1000, 10);
			recent.admit('t', ['a'], (key) => key);
			jest.setSystemTime(Date.now() - 60 * 60_000);
			jest.advanceTimersByTime(1000);
			expect(recent.admit('t', ['a'], (key) => key).fresh).toEqual(['a']);
		} finally {
			jest.useRealTimers();
		}
	});
});
