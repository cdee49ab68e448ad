import fc from 'fast-check';

import { drainInbox } from '../../../nodes/MessengerInboxTrigger/drain';
import { bounded } from '../../support/bounded-calls';
import { infobipBody, infobipResult } from '../shared/inbound-fixtures';

/** An in-memory pull-once inbox: each pull removes what it returns, and `failAt` pulls fail without taking anything. */
function inbox(size: number, failAt: ReadonlySet<number> = new Set()) {
	const queue = Array.from({ length: size }, (_, n) => infobipResult('text', n));
	let calls = 0;
	const pulled: string[] = [];
	return {
		pulled,
		get calls() {
			return calls;
		},
		get left() {
			return queue.length;
		},
		async pull(limit: number): Promise<unknown> {
			calls++;
			if (failAt.has(calls)) throw new Error(`HTTP 500 on pull ${calls}`);
			const page = queue.splice(0, limit);
			pulled.push(...page.map((result) => String(result.messageId)));
			return infobipBody(page, queue.length);
		},
	};
}

const base = { limit: 100, maxMessages: 1e9, deadline: Number.MAX_SAFE_INTEGER, requestTimeoutMs: 1000, singlePage: false };

/** More pulls than any test here needs (1000 messages at limit 1 is the most): a drain past it is looping. */
const MAX_PULLS = 2000;

/** Every fake pull of this file, bounded: a drain that does not stop fails its test instead of hanging the run. */
const pullOf = (pull: (limit: number) => Promise<unknown>) => bounded(pull, MAX_PULLS, 'pull');

describe('drainInbox', () => {
	it('pulls until pendingMessageCount is 0, one event per message, in order', async () => {
		const box = inbox(250);
		const result = await drainInbox({ ...base, pull: pullOf((limit) => box.pull(limit)) });
		expect(result).toMatchObject({ stoppedBy: 'drained', pages: 3, pending: 0 });
		expect(result.events.map((event) => event.messageId)).toEqual(box.pulled);
		expect(box.left).toBe(0);
	});

	it('keeps what earlier pages brought when a later pull fails', async () => {
		const box = inbox(500, new Set([3]));
		const result = await drainInbox({ ...base, pull: pullOf((limit) => box.pull(limit)) });
		expect(result.stoppedBy).toBe('error');
		expect(result.events).toHaveLength(200);
		expect(result.events.map((event) => event.messageId)).toEqual(box.pulled);
		expect(box.left).toBe(300);
	});

	it('stops at the per-poll cap, asking for no more than the cap', async () => {
		const box = inbox(1000);
		const result = await drainInbox({ ...base, limit: 300, maxMessages: 650, pull: pullOf((limit) => box.pull(limit)) });
		expect(result).toMatchObject({ stoppedBy: 'maxMessages', pages: 3 });
		expect(result.events).toHaveLength(650);
		expect(box.left).toBe(350);
	});

	it('starts no request that could outlive the deadline', async () => {
		let clock = 0;
		const box = inbox(1000);
		const result = await drainInbox({
			...base,
			deadline: 1000,
			requestTimeoutMs: 300,
			now: () => clock,
			pull: pullOf(async (limit) => {
				clock += 250;
				return await box.pull(limit);
			}),
		});
		// Pulls start at 0, 250, 500; at 750 only 250 ms are left, less than a request may take.
		expect(result).toMatchObject({ stoppedBy: 'budget', pages: 3 });
		expect(result.events).toHaveLength(300);
	});

	it('hands back an unreadable 2xx answer instead of making it an event, keeping the pages before it', async () => {
		const odd = await drainInbox({ ...base, pull: pullOf(async () => ({ unexpected: true })) });
		expect(odd).toMatchObject({ stoppedBy: 'unreadable', events: [], unreadable: { unexpected: true } });
		expect(await drainInbox({ ...base, pull: pullOf(async () => '') })).toMatchObject({ stoppedBy: 'unreadable', events: [], unreadable: '' });
		const box = inbox(150);
		let calls = 0;
		const after = await drainInbox({ ...base, pull: pullOf(async (limit) => (++calls === 2 ? 'gateway says hi' : box.pull(limit))) });
		expect(after).toMatchObject({ stoppedBy: 'unreadable', unreadable: 'gateway says hi' });
		expect(after.events.map((event) => event.messageId)).toEqual(box.pulled);
	});

	it('stops on an empty page even if the inbox claims more are pending', async () => {
		let calls = 0;
		const result = await drainInbox({ ...base, pull: pullOf(async () => (calls++, infobipBody([], 5))) });
		expect(result).toMatchObject({ stoppedBy: 'drained', pages: 1 });
		expect(calls).toBe(1);
	});

	it('pulls once in test mode', async () => {
		const box = inbox(500);
		const result = await drainInbox({ ...base, singlePage: true, pull: pullOf((limit) => box.pull(limit)) });
		expect(result).toMatchObject({ stoppedBy: 'singlePage', pages: 1 });
		expect(box.left).toBe(400);
	});

	it('property: over successive polls, every message is emitted exactly once, in order, whatever fails', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 400 }),
				fc.integer({ min: 1, max: 120 }),
				fc.integer({ min: 1, max: 500 }),
				fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 10 }),
				async (size, limit, maxMessages, failures) => {
					const box = inbox(size, new Set(failures));
					const emitted: string[] = [];
					for (let poll = 0; poll <= size + failures.length && box.left > 0; poll++) {
						const result = await drainInbox({ ...base, limit, maxMessages, pull: pullOf((n) => box.pull(n)) });
						emitted.push(...result.events.map((event) => String(event.messageId)));
					}
					const all = Array.from({ length: size }, (_, n) => `ib-${n}`);
					return box.left === 0 && JSON.stringify(emitted) === JSON.stringify(all);
				},
			),
			{ numRuns: 200 },
		);
	});

	it('a drain that never stops fails its test instead of hanging the run', async () => {
		// What a regression of the empty-page guard would do: pull forever while the inbox says 5 are pending.
		const pull = pullOf(async () => infobipBody([], 5));
		const neverStopping = async () => {
			for (;;) await pull(100);
		};
		await expect(neverStopping()).rejects.toThrow(/called 2001 times, more than the 2000 this test allows/);
	});
});
