// The poll node against the sandbox's pull-once inbox, through n8n-core's PollContext and
// WorkflowExecute, over real HTTP.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';


import { runPoll } from '../../harness/run-poll';
import { runWorkflow } from '../../harness/run-workflow';
import { useSandbox } from '../../support/sandbox';
import { inboxCredentials, inboxWorkflow, NODE } from './helpers';



/**
 * Stands between the node and the sandbox and answers the given inbox pulls (1-based) with HTTP 500
 * without forwarding them, so the sandbox never hands those messages out: a failure "mid-drain".
 */
async function failingProxy(target: string, failPulls: number[]): Promise<{ url: string; pulls: number; close(): Promise<void> }> {
	let pulls = 0;
	const server: Server = createServer(async (req, res) => {
		if (req.url?.startsWith('/facebook/1/inbox/reports') && failPulls.includes(++pulls)) {
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ requestError: { serviceException: { messageId: 'GENERAL_ERROR', text: 'Internal error' } } }));
			return;
		}
		const upstream = await fetch(`${target}${req.url}`, { headers: { authorization: String(req.headers.authorization ?? '') } });
		res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
		res.end(await upstream.text());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		get pulls() {
			return pulls;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('Messenger Inbox Trigger against the sandbox inbox', () => {
	const sandbox = useSandbox();

	beforeEach(() => sandbox.reset());

	const credentials = (baseUrl = sandbox.url) => inboxCredentials(sandbox, baseUrl);
	const alice = () => sandbox.config.users[0].psid;
	const pulls = () => sandbox.log.filter((entry) => entry.routeId === 'infobip.inbox');

	async function enqueue(count: number): Promise<string[]> {
		const texts: string[] = [];
		for (let n = 0; n < count; n++) {
			texts.push(`message ${n}`);
			await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'text', text: `message ${n}` });
		}
		return texts;
	}

	it('returns nothing (no run) for an empty inbox, after one authenticated pull with the maximum limit', async () => {
		const tick = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		expect(tick).toEqual({ items: null, error: undefined });
		expect(pulls()).toHaveLength(1);
		expect(pulls()[0]).toMatchObject({ status: 200, query: { limit: '1000' } });
		expect(pulls()[0].headers.authorization).toBe(`App ${sandbox.config.infobip.apiKey}`);
	});

	it('emits one normalized item per message, of each kind, and empties the inbox', async () => {
		await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'text', text: 'hello' });
		await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'attachment', url: 'https://cdn.example/p.png', attachmentType: 'image' });
		await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'quick_reply', text: 'Yes', payload: 'QR' });
		const tick = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		expect(tick.items?.map((item) => item.json.eventType)).toEqual(['text', 'attachment', 'text']);
		expect(tick.items?.[0].json).toMatchObject({ provider: 'infobip', senderId: alice(), text: 'hello' });
		expect(tick.items?.[1].json.attachments).toMatchObject([{ type: 'image', url: 'https://cdn.example/p.png' }]);
		expect(tick.run?.output(NODE)).toHaveLength(3);
		expect((await runPoll(inboxWorkflow(), NODE, { credentials: credentials() })).items).toBeNull();
	});

	it('drains 2,500 pending messages in one poll, with no loss and no duplicate', async () => {
		const texts = await enqueue(2500);
		const tick = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		expect(tick.items?.map((item) => item.json.text)).toEqual(texts);
		expect(pulls().map((entry) => entry.query.limit)).toEqual(['1000', '1000', '1000']);
		expect(tick.run?.output(NODE)).toHaveLength(2500);
		expect((await runPoll(inboxWorkflow(), NODE, { credentials: credentials() })).items).toBeNull();
	}, 60_000);

	it('loses nothing when a pull fails with 500 mid-drain: pulled pages are emitted, the rest comes next poll', async () => {
		const texts = await enqueue(2500);
		const proxy = await failingProxy(sandbox.url, [3]);
		try {
			const first = await runPoll(inboxWorkflow({ pullLimit: 500 }), NODE, { credentials: credentials(proxy.url) });
			expect(first.error).toBeUndefined();
			expect(first.items).toHaveLength(1000);
			expect(first.run?.output(NODE)).toHaveLength(1000);
			const second = await runPoll(inboxWorkflow({ pullLimit: 500 }), NODE, { credentials: credentials(proxy.url) });
			const emitted = [...(first.items ?? []), ...(second.items ?? [])].map((item) => item.json.text);
			expect(emitted).toEqual(texts);
			expect(new Set(emitted).size).toBe(2500);
		} finally {
			await proxy.close();
		}
	}, 60_000);

	it('fails the poll (n8n records it) when the very first pull fails, and nothing is lost', async () => {
		const texts = await enqueue(5);
		sandbox.addFault({ routeId: 'infobip.inbox', status: 500, times: 1 });
		const failed = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toMatch(/Infobip: pulling the Messenger inbox failed/);
		const next = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		expect(next.items?.map((item) => item.json.text)).toEqual(texts);
	});

	it('fails with a clear error on a wrong API key, without the key in the error', async () => {
		const wrong = { infobipMessengerApi: { baseUrl: sandbox.url, authType: 'apiKey', apiKey: 'wrong-key-9d2e1f' } };
		const failed = await runPoll(inboxWorkflow(), NODE, { credentials: wrong });
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(failed.error)).not.toContain('wrong-key-9d2e1f');
	});

	it('says Infobip could not be reached when the base URL answers nothing, without the key in the error', async () => {
		const closed = { infobipMessengerApi: { baseUrl: 'http://127.0.0.1:9', authType: 'apiKey', apiKey: 'unreachable-key-4c7a' } };
		const failed = await runPoll(inboxWorkflow(), NODE, { credentials: closed });
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toBe('Infobip could not be reached');
		expect((failed.error as Error & { description?: string }).description).toMatch(/refused the connection.*Check the base URL of the credential/);
		expect(JSON.stringify(failed.error)).not.toContain('unreachable-key-4c7a');
	});

	it('stops at the per-poll cap and leaves the rest in the inbox', async () => {
		const texts = await enqueue(1200);
		const first = await runPoll(inboxWorkflow({ pullLimit: 500, maxMessages: 700 }), NODE, { credentials: credentials() });
		expect(first.items?.map((item) => item.json.text)).toEqual(texts.slice(0, 700));
		expect(pulls().map((entry) => entry.query.limit)).toEqual(['500', '200']);
		const second = await runPoll(inboxWorkflow({ pullLimit: 500, maxMessages: 700 }), NODE, { credentials: credentials() });
		expect(second.items?.map((item) => item.json.text)).toEqual(texts.slice(700));
	}, 30_000);

	it('stops pulling before n8n\'s poll budget runs out, keeping everything it pulled', async () => {
		const texts = await enqueue(300);
		sandbox.addFault({ routeId: 'infobip.inbox', latencyMs: 150 });
		const started = Date.now();
		const first = await runPoll(inboxWorkflow({ pullLimit: 10 }), NODE, { credentials: credentials(), pollBudgetMs: 2000 });
		expect(Date.now() - started).toBeLessThan(2000);
		const got = first.items?.length ?? 0;
		expect(got).toBeGreaterThan(0);
		expect(got).toBeLessThan(300);
		sandbox.clearFaults();
		const rest = await runPoll(inboxWorkflow(), NODE, { credentials: credentials() });
		expect([...(first.items ?? []), ...(rest.items ?? [])].map((item) => item.json.text)).toEqual(texts);
	}, 30_000);

	it('"Fetch Test Event" (manual run through WorkflowExecute) pulls one page only', async () => {
		const texts = await enqueue(30);
		const result = await runWorkflow(inboxWorkflow({ pullLimit: 10 }), { credentials: credentials(), mode: 'manual' });
		expect(result.output(NODE).map((item) => item.json.text)).toEqual(texts.slice(0, 10));
		expect(pulls()).toHaveLength(1);
	});
});
