import { enqueueInfobipInbound, infobipModuleOf } from '../../../sandbox/infobip';
import { infobipClient, startReceiver } from './helpers';
import { useSandbox } from '../../support/sandbox';

const RECEIVED_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;

describe('Infobip sandbox: inbound messages (seed 000: pull and HTTP forward)', () => {
	const sandbox = useSandbox();
	let client: ReturnType<typeof infobipClient>;

	beforeAll(async () => {
		client = infobipClient(sandbox);
	});
	beforeEach(() => infobipModuleOf(sandbox).inbox.clear());

	const alice = () => sandbox.config.users[0].psid;
	const appKey = () => sandbox.config.infobip.applicationKeys[0];

	it("queues a user's text in seed 000's result shape, and it can be pulled only once", async () => {
		const queued = await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'text', text: 'Thank you for this!' });
		expect(queued.delivery).toBeUndefined();
		const first = await client.pull();
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ results: [queued.body], messageCount: 1, pendingMessageCount: 0 });
		expect(first.body.results[0]).toEqual({
			from: alice(),
			to: appKey(),
			receivedAt: expect.stringMatching(RECEIVED_AT),
			callbackData: '',
			message: { text: 'Thank you for this!', type: 'TEXT' },
			price: { pricePerMessage: 0, currency: 'EUR' },
		});
		const second = await client.pull();
		expect(second.body).toEqual({ results: [], messageCount: 0, pendingMessageCount: 0 });
	});

	it('pages a backlog of 2,500 with limit and pendingMessageCount, oldest first, each message once', async () => {
		expect(enqueueInfobipInbound(sandbox, 2500)).toBe(2500);
		const pages: Array<{ count: number; pending: number }> = [];
		const texts: string[] = [];
		let pending = Infinity;
		while (pending > 0) {
			const page = await client.pull('?limit=1000');
			expect(page.status).toBe(200);
			pages.push({ count: page.body.messageCount, pending: page.body.pendingMessageCount });
			texts.push(...page.body.results.map((r: { message: { text: string } }) => r.message.text));
			pending = page.body.pendingMessageCount;
		}
		expect(pages).toEqual([
			{ count: 1000, pending: 1500 },
			{ count: 1000, pending: 500 },
			{ count: 500, pending: 0 },
		]);
		expect(new Set(texts).size).toBe(2500);
		expect(texts[0]).toBe('message 1');
		expect(texts[2499]).toBe('message 2500');
		expect((await client.pull()).body.messageCount).toBe(0);
	});

	it('returns 50 messages by default', async () => {
		enqueueInfobipInbound(sandbox, 60, { text: 'hi' });
		const page = await client.pull();
		expect(page.body.messageCount).toBe(50);
		expect(page.body.pendingMessageCount).toBe(10);
	});

	it.each(['0', '1001', 'abc', '1.5', '-1', ''])('rejects limit=%s with 400 naming the parameter, pulling nothing', async (limit) => {
		enqueueInfobipInbound(sandbox, 3);
		const response = await client.pull(`?limit=${limit}`);
		expect(response.status).toBe(400);
		expect(response.body.requestError.serviceException).toMatchObject({ messageId: 'BAD_REQUEST', text: expect.stringMatching(/^limit must be an integer between 1 and 1000/) });
		expect(infobipModuleOf(sandbox).inbox.pending).toBe(3);
	});

	it('carries postbacks and quick replies as TEXT with the payload in callbackData, attachments by url', async () => {
		await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'postback', text: 'Get started', payload: 'GET_STARTED' });
		await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'quick_reply', payload: 'RED' });
		await sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'attachment', attachmentType: 'video', url: 'https://cdn.test/v.mp4' });
		const { results } = (await client.pull()).body;
		expect(results.map((r: { callbackData: string; message: unknown }) => [r.callbackData, r.message])).toEqual([
			['GET_STARTED', { text: 'Get started', type: 'TEXT' }],
			['RED', { text: 'RED', type: 'TEXT' }],
			['', { type: 'VIDEO', url: 'https://cdn.test/v.mp4' }],
		]);
	});

	it('refuses kinds seed 000 has no shape for', async () => {
		await expect(sandbox.user({ via: 'infobip-pull', from: alice(), kind: 'read' })).rejects.toThrow(/kind "read"/);
	});

	it('forwards one seed-000 body to config.infobip.forwardUrl', async () => {
		const receiver = await startReceiver();
		try {
			sandbox.config.infobip.forwardUrl = receiver.url;
			const result = await sandbox.user({ via: 'infobip-forward', from: alice(), kind: 'text', text: 'Thank you for this!' });
			expect(result.delivery).toEqual({ url: receiver.url, status: 200, responseBody: 'ok' });
			expect(receiver.received).toHaveLength(1);
			const [hit] = receiver.received;
			expect(hit.method).toBe('POST');
			expect(hit.headers['content-type']).toMatch(/application\/json/);
			const body = JSON.parse(hit.body);
			expect(body).toEqual(result.body);
			expect(body).toMatchObject({ messageCount: 1, pendingMessageCount: 0, results: [{ from: alice(), to: appKey(), message: { text: 'Thank you for this!', type: 'TEXT' } }] });
			expect(infobipModuleOf(sandbox).inbox.pending).toBe(0);
		} finally {
			delete sandbox.config.infobip.forwardUrl;
			await receiver.close();
		}
	});

	it('refuses infobip-forward without a forwardUrl', async () => {
		await expect(sandbox.user({ via: 'infobip-forward', from: alice(), kind: 'text', text: 'x' })).rejects.toThrow(/forwardUrl/);
	});
});
