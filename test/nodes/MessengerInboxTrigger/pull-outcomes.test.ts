// How the inbox poll reports what it cannot be sure of: a pull cut off after Infobip served it (those
// messages can never be pulled again), a 429 with Retry-After, a 200 that is not an inbox page, and a
// limit that is not a number. Through n8n-core's PollContext over real HTTP against the sandbox.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';


import { runPoll, type PollLogLine } from '../../harness/run-poll';
import { useSandbox } from '../../support/sandbox';
import { inboxCredentials, inboxWorkflow, NODE } from './helpers';



/** A server that answers every inbox pull with HTTP 200 and `body`. */
async function answering(body: string): Promise<{ url: string; close(): Promise<void> }> {
	const server = createServer((req, res) => {
		req.resume();
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('Messenger Inbox Trigger: pulls whose outcome is uncertain or odd', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	const credentials = (baseUrl = sandbox.url) => inboxCredentials(sandbox, baseUrl);
	const pulls = () => sandbox.log.filter((entry) => entry.routeId === 'infobip.inbox');
	const errorLines = (logs: PollLogLine[]) => logs.filter((line) => line.level === 'error');

	async function enqueue(count: number): Promise<string[]> {
		const texts: string[] = [];
		for (let n = 0; n < count; n++) {
			texts.push(`message ${n}`);
			await sandbox.user({ via: 'infobip-pull', from: sandbox.config.users[0].psid, kind: 'text', text: `message ${n}` });
		}
		return texts;
	}

	it('a pull reset after Infobip served it is not "could not be reached": it says the page may be lost, and logs how many at error level', async () => {
		await enqueue(5);
		sandbox.addFault({ routeId: 'infobip.inbox', reset: true, afterRoute: true, times: 1 });
		const logs: PollLogLine[] = [];
		const tick = await runPoll(inboxWorkflow({ pullLimit: 200 }, { staticData: true }), NODE, { credentials: credentials(), logs });
		expect(tick.items).toBeNull();
		expect(tick.error?.message).not.toBe('Infobip could not be reached');
		expect(tick.error?.message).toMatch(/inbox pull was cut off after it was sent/);
		expect((tick.error as Error & { description?: string }).description).toMatch(/up to 200 messages/);
		expect(errorLines(logs)).toEqual([expect.objectContaining({ message: expect.stringMatching(/up to 200 messages may be lost/) })]);
		// The sandbox did hand the page out: the next poll finds the inbox empty.
		expect((await runPoll(inboxWorkflow({}, { staticData: true }), NODE, { credentials: credentials() })).items).toBeNull();
	});

	it('2,500 messages at limit 1000: a first pull that times out after Infobip served it loses that page, and says so', async () => {
		const texts = await enqueue(2500);
		// Budget 2 s: each pull may take 500 ms; the sandbox answers 1.5 s after handing the page out.
		sandbox.addFault({ routeId: 'infobip.inbox', latencyMs: 1500, afterRoute: true, times: 1 });
		const logs: PollLogLine[] = [];
		const cut = await runPoll(inboxWorkflow({}, { staticData: true }), NODE, { credentials: credentials(), logs, pollBudgetMs: 2000 });
		expect(cut.error?.message).toMatch(/inbox pull was cut off after it was sent/);
		expect(errorLines(logs)).toEqual([expect.objectContaining({ message: expect.stringMatching(/up to 1000 messages may be lost/) })]);
		const next = await runPoll(inboxWorkflow({}, { staticData: true }), NODE, { credentials: credentials() });
		expect(next.items?.map((item) => item.json.text)).toEqual(texts.slice(1000));
	}, 30_000);

	it('a refused connection is "could not be reached", with no loss logged', async () => {
		const logs: PollLogLine[] = [];
		const closed = { infobipMessengerApi: { baseUrl: 'http://127.0.0.1:9', authType: 'apiKey', apiKey: 'k-unreachable' } };
		const tick = await runPoll(inboxWorkflow({}, { staticData: true }), NODE, { credentials: closed, logs });
		expect(tick.error?.message).toBe('Infobip could not be reached');
		expect(errorLines(logs)).toEqual([]);
	});

	it('a 429 with Retry-After: the error says when to retry, and polls before then are skipped without a request', async () => {
		await enqueue(3);
		sandbox.addFault({ routeId: 'infobip.inbox', status: 429, retryAfter: 120, times: 1 });
		const workflow = inboxWorkflow({}, { staticData: true });
		const limited = await runPoll(workflow, NODE, { credentials: credentials() });
		expect(limited.items).toBeNull();
		expect(limited.error?.message).toMatch(/HTTP 429/);
		expect((limited.error as Error & { description?: string }).description).toMatch(/asked to wait 120 s: polls before \d{4}-\d\d-\d\dT[\d:.]+Z are skipped/);
		const logs: PollLogLine[] = [];
		const skipped = await runPoll(workflow, NODE, { credentials: credentials(), logs });
		expect(skipped).toEqual({ items: null, error: undefined });
		expect(pulls()).toHaveLength(1);
		expect(logs).toEqual([expect.objectContaining({ level: 'info', message: expect.stringMatching(/skipped: Infobip asked to wait until/) })]);
	});

	it('a 200 that is not an inbox page is no item: the poll fails, and the answer is logged at error level, cut short, secrets masked', async () => {
		const apiKey = sandbox.config.infobip.apiKey;
		const odd = await answering(JSON.stringify({ unexpected: true, echo: apiKey, padding: 'x'.repeat(5000) }));
		try {
			const logs: PollLogLine[] = [];
			const tick = await runPoll(inboxWorkflow({}, { staticData: true }), NODE, { credentials: credentials(odd.url), logs });
			expect(tick.items).toBeNull();
			expect(tick.error?.message).toMatch(/not an inbox page/);
			const lines = errorLines(logs);
			expect(lines).toHaveLength(1);
			const answer = String((lines[0].meta as { answer?: unknown }).answer);
			expect(answer).toMatch(/^\{"unexpected":true,"echo":"\*\*\*\*","padding":"x+… \(\d+ more characters\)$/);
			expect(answer.length).toBeLessThan(1100);
			expect(JSON.stringify(logs)).not.toContain(apiKey);
			expect(JSON.stringify(tick.error)).not.toContain(apiKey);
		} finally {
			await odd.close();
		}
	});

	it('a 200 that is not an inbox page after good pages: the good messages are emitted, the odd answer is logged, not emitted', async () => {
		const texts = await enqueue(3);
		sandbox.addFault({ routeId: 'infobip.inbox', malformed: true, times: 1 });
		const logs: PollLogLine[] = [];
		const first = await runPoll(inboxWorkflow({}, { staticData: true }), NODE, { credentials: credentials(), logs });
		expect(first.items).toBeNull();
		expect(first.error?.message).toMatch(/not an inbox page/);
		expect(errorLines(logs)).toHaveLength(1);
		const second = await runPoll(inboxWorkflow({}, { staticData: true }), NODE, { credentials: credentials() });
		expect(second.items?.map((item) => item.json.eventType)).toEqual(['text', 'text', 'text']);
		expect(second.items?.map((item) => item.json.text)).toEqual(texts);
	});

	it.each([
		['pullLimit', '={{ "abc" }}', 'Messages per Request must be a whole number from 1 to 1000 (got "abc")'],
		['pullLimit', 0, 'Messages per Request must be a whole number from 1 to 1000 (got "0")'],
		['pullLimit', 1001, 'Messages per Request must be a whole number from 1 to 1000 (got "1001")'],
		['maxMessages', '={{ "lots" }}', 'Max Messages per Poll must be a whole number of at least 1 (got "lots")'],
	])('%s = %j fails naming the field and the range, before any request', async (field, value, message) => {
		const tick = await runPoll(inboxWorkflow({ [field]: value }, { staticData: true }), NODE, { credentials: credentials() });
		expect(tick.error?.message).toBe(message);
		expect(pulls()).toHaveLength(0);
	});
});
