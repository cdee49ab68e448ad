// The drain with the Messages API's page reader, whose answers may omit pendingMessageCount (the
// spec's MESSENGER example does): then only a full page says more may be waiting.
import { drainInbox } from '../../../nodes/MessengerInboxTrigger/drain';
import { inboxProvider } from '../../../nodes/shared/providers';
import { bounded } from '../../support/bounded-calls';

const messagesApi = inboxProvider('infobipMessenger').inboxPull;

/** A pull-once inbox answering like the Messages API; `withPending` false leaves the count out. */
function inbox(size: number, withPending: boolean) {
	const queue = Array.from({ length: size }, (_, n) => ({
		channel: 'MESSENGER',
		event: 'MO',
		sender: '7000000000000001',
		destination: '100000000000001',
		receivedAt: '2026-11-30T10:00:00.000+0000',
		messageId: `mo-${n}`,
		messageCount: 1,
		content: [{ type: 'TEXT', text: `message ${n}`, cleanText: `message ${n}` }],
	}));
	let calls = 0;
	return {
		get calls() {
			return calls;
		},
		get left() {
			return queue.length;
		},
		async pull(limit: number): Promise<unknown> {
			calls++;
			const results = queue.splice(0, limit);
			return withPending ? { results, messageCount: results.length, pendingMessageCount: queue.length } : { results, messageCount: results.length };
		},
	};
}

const base = { maxMessages: 1e9, deadline: Number.MAX_SAFE_INTEGER, requestTimeoutMs: 1000, singlePage: false, inbox: messagesApi };
const MAX_PULLS = 100;

describe('drainInbox with the Messages API reader', () => {
	it.each([true, false])('empties the inbox in order (pendingMessageCount given: %s)', async (withPending) => {
		const box = inbox(250, withPending);
		const result = await drainInbox({ ...base, limit: 100, pull: bounded((limit: number) => box.pull(limit), MAX_PULLS, 'pull') });
		expect(result.stoppedBy).toBe('drained');
		expect(result.events.map((event) => event.messageId)).toEqual(Array.from({ length: 250 }, (_, n) => `mo-${n}`));
		expect(box.left).toBe(0);
		// 100 + 100 + 50: a short page without a count ends the drain; with the count, 0 pending does.
		expect(box.calls).toBe(3);
	});

	it('without a count, a full last page costs one more (empty) pull, never a loop', async () => {
		const box = inbox(200, false);
		const result = await drainInbox({ ...base, limit: 100, pull: bounded((limit: number) => box.pull(limit), MAX_PULLS, 'pull') });
		expect(result).toMatchObject({ stoppedBy: 'drained', pending: 0 });
		expect(result.events).toHaveLength(200);
		expect(box.calls).toBe(3);
	});

	it('the events are the Messages API reader\'s, not the v1 reader\'s', async () => {
		const box = inbox(1, true);
		const result = await drainInbox({ ...base, limit: 10, pull: (limit) => box.pull(limit) });
		expect(result.events[0]).toMatchObject({ provider: 'infobipMessenger', eventType: 'text', text: 'message 0', pageId: '100000000000001' });
	});
});
