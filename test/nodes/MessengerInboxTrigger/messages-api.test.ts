// The Inbox Trigger version 2 with Infobip API "Messenger API" against the sandbox's Messages API pull
// (GET /messages-api/1/inbound?channel=MESSENGER), through n8n-core's PollContext and WorkflowExecute
// over real HTTP; and version 1, which keeps pulling the v1 inbox whatever it is given.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runPoll, type PollLogLine } from '../../harness/run-poll';
import { runWorkflow } from '../../harness/run-workflow';
import { messengerApiAdmin } from '../../support/infobip-messenger';
import { useSandbox } from '../../support/sandbox';
import { inboxCredentials, inboxWorkflow, NODE } from './helpers';

const PULL_ROUTE = 'infobip-messenger.inbound-pull';
const PULL_PATH = '/messages-api/1/inbound';

interface ProxyFailure {
	status: number;
	headers?: Record<string, string>;
	body: unknown;
}

/**
 * Stands between the node and the sandbox and answers the given Messages API pulls (1-based) with
 * `failure` without forwarding them, so the sandbox never hands those messages out: a failure
 * "mid-drain", which the sandbox's own fault rules (first N requests) cannot place.
 */
async function failingProxy(target: string, failPulls: number[], failure: ProxyFailure): Promise<{ url: string; close(): Promise<void> }> {
	let pulls = 0;
	const server: Server = createServer(async (req, res) => {
		if (req.url?.startsWith(PULL_PATH) && failPulls.includes(++pulls)) {
			res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
			res.end(JSON.stringify(failure.body));
			return;
		}
		const upstream = await fetch(`${target}${req.url}`, { headers: { authorization: String(req.headers.authorization ?? '') } });
		res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
		res.end(await upstream.text());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Infobip's ApiError body (messages-api-openapi.json, components/responses ApiError5xx / 429). */
const apiError = (errorCode: string, description: string) => ({ errorCode, description, action: 'Try again later', violations: [], resources: [] });

describe('Messenger Inbox Trigger v2 against the Messages API inbound pull', () => {
	const sandbox = useSandbox();
	const admin = messengerApiAdmin(sandbox);

	beforeEach(() => sandbox.reset());

	const credentials = (baseUrl = sandbox.url) => inboxCredentials(sandbox, baseUrl);
	/** Version 2 with the Messenger API inbox chosen explicitly (`inbox` unset is tested on its own). */
	const v2 = (parameters: Record<string, unknown> = {}, staticData = false) =>
		inboxWorkflow({ inbox: 'infobipMessenger', ...parameters }, { typeVersion: 2, staticData });
	const pulls = () => sandbox.log.filter((entry) => entry.routeId === PULL_ROUTE);
	const v1Pulls = () => sandbox.log.filter((entry) => entry.routeId === 'infobip.inbox');
	const alice = () => sandbox.config.users[0].psid;
	const page = () => sandbox.config.infobip.messengerApi.pageIds[0];

	/** Queues `count` TEXT messages from Alice ("message 1" .. "message N") and returns their texts in order. */
	async function enqueue(count: number, extra: Record<string, unknown> = {}): Promise<string[]> {
		const answer = await admin.enqueuePull({ count, from: alice(), ...extra });
		expect(answer.body).toMatchObject({ queued: count });
		return Array.from({ length: count }, (_, n) => `${(extra.text as string | undefined) ?? 'message'} ${n + 1}`);
	}

	it('an empty inbox: one authenticated pull for channel MESSENGER with the maximum limit, and no run', async () => {
		const tick = await runPoll(v2(), NODE, { credentials: credentials() });
		expect(tick).toEqual({ items: null, error: undefined });
		expect(pulls()).toHaveLength(1);
		expect(pulls()[0]).toMatchObject({ status: 200, method: 'GET', query: { channel: 'MESSENGER', limit: '1000' } });
		expect(pulls()[0].headers.authorization).toBe(`App ${sandbox.config.infobip.apiKey}`);
		expect(v1Pulls()).toHaveLength(0);
	});

	it('a new node (version 2, Infobip API left at its default) pulls the Messages API', async () => {
		await enqueue(2);
		const tick = await runPoll(inboxWorkflow({}, { typeVersion: 2 }), NODE, { credentials: credentials() });
		expect(tick.items?.map((item) => item.json.text)).toEqual(['message 1', 'message 2']);
		expect(pulls()).toHaveLength(1);
		expect(v1Pulls()).toHaveLength(0);
	});

	it('emits one neutral item per message of every content type the pull carries for Messenger, and empties the inbox', async () => {
		await sandbox.user({ via: 'infobip-messages-pull', from: alice(), kind: 'text', text: 'hello' });
		await sandbox.user({ via: 'infobip-messages-pull', from: alice(), kind: 'quick_reply', text: 'Yes', payload: 'QR_YES' });
		await sandbox.user({ via: 'infobip-messages-pull', from: alice(), kind: 'postback', text: 'Start', payload: 'PB_START' });
		for (const type of ['IMAGE', 'AUDIO', 'VIDEO', 'FILE', 'URL']) await admin.enqueuePull({ type, url: `https://cdn.example/${type.toLowerCase()}` });
		await admin.enqueuePull({ type: 'LOCATION', latitude: 45.815, longitude: 15.982 });

		const tick = await runPoll(v2(), NODE, { credentials: credentials() });
		const items = tick.items?.map((item) => item.json) ?? [];
		expect(items.map((item) => [item.eventType, item.text, item.postbackPayload])).toEqual([
			['text', 'hello', null],
			['postback', 'Yes', 'QR_YES'],
			['postback', 'Start', 'PB_START'],
			['attachment', null, null],
			['attachment', null, null],
			['attachment', null, null],
			['attachment', null, null],
			['attachment', null, null],
			['attachment', null, null],
		]);
		expect(items.slice(3).map((item) => item.attachments)).toEqual([
			...['image', 'audio', 'video', 'file', 'url'].map((type) => [
				{ type, url: `https://cdn.example/${type === 'url' ? 'url' : type}`, mimeType: null, name: null, stickerId: null, coordinates: null },
			]),
			[{ type: 'location', url: null, mimeType: null, name: null, stickerId: null, coordinates: { lat: 45.815, long: 15.982 } }],
		]);
		for (const item of items) {
			expect(item).toMatchObject({ provider: 'infobipMessenger', senderId: alice(), recipientId: page(), pageId: page(), messageId: expect.any(String) });
			expect(item.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		}
		expect(new Set(items.map((item) => item.messageId)).size).toBe(items.length);
		expect(tick.run?.output(NODE)).toHaveLength(items.length);
		expect(await admin.pending()).toBe(0);
		expect((await runPoll(v2(), NODE, { credentials: credentials() })).items).toBeNull();
	});

	describe('draining', () => {
		it.each([
			// Without pendingMessageCount (the spec's MESSENGER example) only a short page ends the drain.
			[false, 2500, ['1000', '1000', '1000']],
			[false, 2000, ['1000', '1000', '1000']],
			// With it, "0 pending" does.
			[true, 2500, ['1000', '1000', '1000']],
			[true, 2000, ['1000', '1000']],
		] as const)('pendingMessageCount given: %s; %i waiting are all emitted once, in order, in one poll', async (withCount, count, limits) => {
			sandbox.config.infobip.messengerApi.pullPendingCount = withCount;
			const texts = await enqueue(count);
			const tick = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(tick.error).toBeUndefined();
			expect(tick.items?.map((item) => item.json.text)).toEqual(texts);
			expect(new Set(tick.items?.map((item) => item.json.messageId)).size).toBe(count);
			expect(pulls().map((entry) => entry.query.limit)).toEqual(limits);
			expect(tick.run?.output(NODE)).toHaveLength(count);
			expect(await admin.pending()).toBe(0);
			expect((await runPoll(v2(), NODE, { credentials: credentials() })).items).toBeNull();
		}, 60_000);

		it('stops at Max Messages per Poll and leaves the rest waiting for the next poll', async () => {
			const texts = await enqueue(1200);
			const first = await runPoll(v2({ pullLimit: 500, maxMessages: 700 }), NODE, { credentials: credentials() });
			expect(first.items?.map((item) => item.json.text)).toEqual(texts.slice(0, 700));
			expect(pulls().map((entry) => entry.query.limit)).toEqual(['500', '200']);
			expect(await admin.pending()).toBe(500);
			const second = await runPoll(v2({ pullLimit: 500, maxMessages: 700 }), NODE, { credentials: credentials() });
			expect(second.items?.map((item) => item.json.text)).toEqual(texts.slice(700));
		}, 30_000);

		it('messages older than 48 hours are gone (Infobip keeps the last 48 h); younger ones come, with their own receivedAt', async () => {
			await enqueue(3, { text: 'expired', ageHours: 49 });
			await enqueue(2, { text: 'kept', ageHours: 47 });
			const tick = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(tick.items?.map((item) => item.json.text)).toEqual(['kept 1', 'kept 2']);
			const age = Date.now() - Date.parse(String(tick.items?.[0].json.timestamp));
			expect(age).toBeGreaterThan(46.9 * 3600_000);
			expect(age).toBeLessThan(48 * 3600_000);
		});

		it('"Fetch Test Event" (a manual run through WorkflowExecute) pulls one page only', async () => {
			const texts = await enqueue(30);
			const result = await runWorkflow(v2({ pullLimit: 10 }), { credentials: credentials(), mode: 'manual' });
			expect(result.output(NODE).map((item) => item.json.text)).toEqual(texts.slice(0, 10));
			expect(pulls()).toHaveLength(1);
			expect(await admin.pending()).toBe(20);
		});
	});

	describe('failures: what was pulled is kept, and the poll says what happened', () => {
		it('a 500 mid-drain: the pages already pulled are emitted, the failure is logged, the rest comes next poll, each message once', async () => {
			const texts = await enqueue(2500);
			const proxy = await failingProxy(sandbox.url, [3], { status: 500, body: apiError('E500', 'Something went wrong') });
			try {
				const logs: PollLogLine[] = [];
				const first = await runPoll(v2({ pullLimit: 500 }), NODE, { credentials: credentials(proxy.url), logs });
				expect(first.error).toBeUndefined();
				expect(first.items?.map((item) => item.json.text)).toEqual(texts.slice(0, 1000));
				expect(logs.filter((line) => line.level === 'warn')).toEqual([
					expect.objectContaining({
						message: 'Messenger Inbox Trigger: a pull failed mid-drain; emitting the messages already pulled',
						meta: expect.objectContaining({ pulled: 1000, pages: 2, error: expect.stringMatching(/HTTP 500/) }),
					}),
				]);
				expect(await admin.pending()).toBe(1500);
				const second = await runPoll(v2({ pullLimit: 500 }), NODE, { credentials: credentials(proxy.url) });
				const emitted = [...(first.items ?? []), ...(second.items ?? [])].map((item) => item.json.text);
				expect(emitted).toEqual(texts);
			} finally {
				await proxy.close();
			}
		}, 60_000);

		it('a 429 mid-drain: the pulled pages are emitted, the wait is kept, polls before it pull nothing, and afterwards the rest comes', async () => {
			const texts = await enqueue(1500);
			const proxy = await failingProxy(sandbox.url, [2], { status: 429, headers: { 'retry-after': '60' }, body: apiError('E429', 'Too many requests') });
			try {
				const workflow = v2({ pullLimit: 500 }, true);
				const logs: PollLogLine[] = [];
				const first = await runPoll(workflow, NODE, { credentials: credentials(proxy.url), logs });
				expect(first.error).toBeUndefined();
				expect(first.items?.map((item) => item.json.text)).toEqual(texts.slice(0, 500));
				const warning = logs.find((line) => line.level === 'warn');
				expect(warning?.meta).toMatchObject({ pulled: 500, pages: 1, error: expect.stringMatching(/HTTP 429/) });
				expect(workflow.staticData).toEqual({ [`node:${NODE}`]: { inboxRetryAfterUntil: expect.any(Number) } });

				const skipped = await runPoll(workflow, NODE, { credentials: credentials(proxy.url) });
				expect(skipped).toEqual({ items: null, error: undefined });
				expect(pulls()).toHaveLength(1);

				// The wait over (a fresh static data): the rest, each message once.
				const rest = await runPoll(v2({ pullLimit: 500 }), NODE, { credentials: credentials() });
				expect([...(first.items ?? []), ...(rest.items ?? [])].map((item) => item.json.text)).toEqual(texts);
			} finally {
				await proxy.close();
			}
		}, 60_000);

		it('a 429 on the first pull fails the poll saying when polls resume, and nothing is lost', async () => {
			const texts = await enqueue(3);
			sandbox.addFault({ routeId: PULL_ROUTE, status: 429, retryAfter: 120, times: 1 });
			const failed = await runPoll(v2({}, true), NODE, { credentials: credentials() });
			expect(failed.items).toBeNull();
			expect(failed.error?.message).toMatch(/HTTP 429/);
			expect((failed.error as Error & { description?: string }).description).toMatch(/asked to wait 120 s: polls before \d{4}-\d\d-\d\dT[\d:.]+Z are skipped/);
			const next = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(next.items?.map((item) => item.json.text)).toEqual(texts);
		});

		it('a 500 on the first pull fails the poll (n8n records it) and nothing is lost', async () => {
			const texts = await enqueue(5);
			sandbox.addFault({ routeId: PULL_ROUTE, status: 500, times: 1 });
			const failed = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(failed.items).toBeNull();
			expect(failed.error?.message).toMatch(/pulling the Messenger inbox failed \(HTTP 500\)/);
			const next = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(next.items?.map((item) => item.json.text)).toEqual(texts);
		});

		// The pull's own scopes (messages-api-openapi.json, x-scopes of get-messages-api-inbound-messages),
		// not the Messenger API's send scopes: a key that sends fine can still be refused here.
		it('a 403 (an API key without the pull\'s scope) names the scopes the pull needs, not the Messenger send scope', async () => {
			await enqueue(1);
			sandbox.addFault({ routeId: PULL_ROUTE, status: 403, times: 1 });
			const failed = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(failed.error?.message).toMatch(/pulling the Messenger inbox failed \(HTTP 403\)/);
			const description = (failed.error as Error & { description?: string }).description;
			expect(description).toMatch(/inbound-message:read/);
			expect(description).toMatch(/messages-api:manage/);
			expect(description).not.toMatch(/Messenger scope/);
			expect(await admin.pending()).toBe(1);
		});

		it('an error code that is no hint of the pull\'s (even "constructor") keeps the answer\'s own text', async () => {
			const proxy = await failingProxy(sandbox.url, [1], { status: 403, body: { ...apiError('constructor', 'Odd gateway'), action: 'Ask the gateway' } });
			try {
				const failed = await runPoll(v2(), NODE, { credentials: credentials(proxy.url) });
				expect(failed.error?.message).toMatch(/HTTP 403\): Odd gateway/);
				expect((failed.error as Error & { description?: string }).description).toMatch(/^Ask the gateway\. .*error code: constructor\.$/);
			} finally {
				await proxy.close();
			}
		});

		it('a 400 is not blamed on a sender or recipient (a pull has neither)', async () => {
			sandbox.addFault({ routeId: PULL_ROUTE, status: 400, times: 1 });
			const failed = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(failed.error?.message).toMatch(/HTTP 400/);
			expect((failed.error as Error & { description?: string }).description).not.toMatch(/sender|recipient|PSID/);
		});

		it('a wrong API key fails with a clear error that does not contain the key', async () => {
			await enqueue(1);
			const wrong = { infobipMessengerApi: { baseUrl: sandbox.url, authType: 'apiKey', apiKey: 'wrong-key-61c0ab' } };
			const failed = await runPoll(v2(), NODE, { credentials: wrong });
			expect(failed.error?.message).toMatch(/HTTP 401/);
			expect(JSON.stringify(failed.error)).not.toContain('wrong-key-61c0ab');
			expect(await admin.pending()).toBe(1);
		});
	});

	describe('limit bounds', () => {
		it.each([
			['pullLimit', 0, 'Messages per Request must be a whole number from 1 to 1000 (got "0")'],
			['pullLimit', 1001, 'Messages per Request must be a whole number from 1 to 1000 (got "1001")'],
			['pullLimit', '={{ "many" }}', 'Messages per Request must be a whole number from 1 to 1000 (got "many")'],
			['maxMessages', 0, 'Max Messages per Poll must be a whole number of at least 1 (got "0")'],
		])('%s = %j fails naming the field and the range, before any request', async (field, value, message) => {
			const tick = await runPoll(v2({ [field]: value }), NODE, { credentials: credentials() });
			expect(tick.error?.message).toBe(message);
			expect(pulls()).toHaveLength(0);
		});

		it.each([
			[1, 3, ['1', '1', '1', '1']],
			[1000, 3, ['1000']],
		])('pullLimit %i is sent as is (%i waiting)', async (pullLimit, count, limits) => {
			const texts = await enqueue(count);
			const tick = await runPoll(v2({ pullLimit }), NODE, { credentials: credentials() });
			expect(tick.items?.map((item) => item.json.text)).toEqual(texts);
			expect(pulls().map((entry) => entry.query.limit)).toEqual(limits);
			expect(pulls().every((entry) => entry.status === 200)).toBe(true);
		});
	});

	describe('which inbox each version pulls', () => {
		async function bothInboxes(): Promise<void> {
			await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'text', text: 'from the v1 inbox' });
			await enqueue(1, { text: 'from the Messages API' });
		}

		it.each([
			['version 1 without the parameter', {}],
			// A v1 node never reads `inbox` (the panel shows it from version 2 only), whatever was saved.
			['version 1 with inbox infobipMessenger saved', { inbox: 'infobipMessenger' }],
		])('%s pulls /facebook/1/inbox/reports, unchanged', async (_name, parameters) => {
			await bothInboxes();
			const tick = await runPoll(inboxWorkflow(parameters), NODE, { credentials: credentials() });
			expect(tick.items?.map((item) => item.json)).toEqual([
				expect.objectContaining({ provider: 'infobip', eventType: 'text', text: 'from the v1 inbox', senderId: alice() }),
			]);
			expect(v1Pulls()).toEqual([expect.objectContaining({ status: 200, query: { limit: '1000' } })]);
			expect(pulls()).toHaveLength(0);
			expect(await admin.pending()).toBe(1);
		});

		it('version 2 with Infobip API "infobip" pulls the v1 inbox too, and only it', async () => {
			await bothInboxes();
			const tick = await runPoll(inboxWorkflow({ inbox: 'infobip' }, { typeVersion: 2 }), NODE, { credentials: credentials() });
			expect(tick.items?.map((item) => [item.json.provider, item.json.text])).toEqual([['infobip', 'from the v1 inbox']]);
			expect(pulls()).toHaveLength(0);
		});

		it('version 2 with the Messenger API leaves the v1 inbox alone', async () => {
			await bothInboxes();
			const tick = await runPoll(v2(), NODE, { credentials: credentials() });
			expect(tick.items?.map((item) => [item.json.provider, item.json.text])).toEqual([['infobipMessenger', 'from the Messages API 1']]);
			expect(v1Pulls()).toHaveLength(0);
			const v1 = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
			expect(v1.items?.map((item) => item.json.text)).toEqual(['from the v1 inbox']);
		});
	});
});
