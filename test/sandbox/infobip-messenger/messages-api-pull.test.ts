// GET /messages-api/1/inbound?channel=MESSENGER: the Messages API's pull, each waiting message handed out
// once, only those of the last 48 h, limit 1..1000; filled by the admin endpoint (bulk) and by users
// writing via `infobip-messages-pull`.
import { useSandbox } from '../../support/sandbox';
import { ALICE, messengerClient, PAGE } from './helpers';

const MAX_PAGES = 10;

describe('GET /messages-api/1/inbound (channel MESSENGER)', () => {
	const sb = useSandbox();
	const client = messengerClient(sb);
	beforeEach(() => sb.reset());

	const pull = (query: string) => client.get(`/messages-api/1/inbound${query}`);

	it('hands out a user message once, in the MO event shape, with only `results` by default', async () => {
		await sb.user({ via: 'infobip-messages-pull', from: ALICE, kind: 'text', text: 'Hello' });
		const first = await pull('?channel=MESSENGER');
		expect(first.status).toBe(200);
		expect(first.body).toEqual({
			results: [
				{
					event: 'MO',
					channel: 'MESSENGER',
					sender: ALICE,
					destination: PAGE,
					content: [{ type: 'TEXT', text: 'Hello', cleanText: 'Hello' }],
					receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/),
					messageId: expect.any(String),
					messageCount: 1,
				},
			],
		});
		expect((await pull('?channel=MESSENGER')).body).toEqual({ results: [] });
	});

	it('maps taps and attachments to BUTTON_REPLY and media content', async () => {
		await sb.user({ via: 'infobip-messages-pull', from: ALICE, kind: 'quick_reply', text: 'Yes', payload: 'YES' });
		await sb.user({ via: 'infobip-messages-pull', from: ALICE, kind: 'postback', text: 'Start', payload: 'GET_STARTED' });
		await sb.user({ via: 'infobip-messages-pull', from: ALICE, kind: 'attachment', attachmentType: 'file', url: 'https://e.com/f.pdf' });
		const res = await pull('?channel=MESSENGER');
		expect(res.body.results.map((r: { content: unknown[] }) => r.content[0])).toEqual([
			{ type: 'BUTTON_REPLY', text: 'Yes', payload: 'YES' },
			{ type: 'BUTTON_REPLY', text: 'Start', payload: 'GET_STARTED' },
			{ type: 'FILE', url: 'https://e.com/f.pdf' },
		]);
	});

	it('drains 2,500 waiting messages in pages of at most 1000, each exactly once', async () => {
		const queued = await client.admin('POST', '/pull', { count: 2500 });
		expect(queued.body).toEqual({ queued: 2500, pending: 2500 });
		const seen: string[] = [];
		const sizes: number[] = [];
		for (let page = 0; page < MAX_PAGES; page++) {
			const res = await pull('?channel=MESSENGER&limit=1000');
			expect(res.status).toBe(200);
			sizes.push(res.body.results.length);
			seen.push(...res.body.results.map((r: { messageId: string }) => r.messageId));
			if (res.body.results.length < 1000) break;
		}
		expect(sizes).toEqual([1000, 1000, 500]);
		expect(new Set(seen).size).toBe(2500);
		expect((await client.admin('GET', '/pull')).body).toEqual({ pending: 0 });
	});

	it('returns 50 by default, oldest first, the texts numbered', async () => {
		await client.admin('POST', '/pull', { count: 60, text: 'note' });
		const res = await pull('?channel=MESSENGER');
		expect(res.body.results).toHaveLength(50);
		expect(res.body.results[0].content[0].text).toBe('note 1');
		expect(res.body.results[49].content[0].text).toBe('note 50');
	});

	it('adds messageCount and pendingMessageCount when configured', async () => {
		await client.patchConfig({ pullPendingCount: true });
		await client.admin('POST', '/pull', { count: 3 });
		const res = await pull('?channel=MESSENGER&limit=2');
		expect(res.body).toMatchObject({ messageCount: 2, pendingMessageCount: 1 });
	});

	it('never hands out messages older than 48 h', async () => {
		await client.admin('POST', '/pull', { count: 2, ageHours: 49, text: 'old' });
		await client.admin('POST', '/pull', { count: 1, ageHours: 47, text: 'recent' });
		const res = await pull('?channel=MESSENGER');
		expect(res.body.results.map((r: { content: Array<{ text: string }> }) => r.content[0].text)).toEqual(['recent 1']);
	});

	it.each([
		['limit=1001', '?channel=MESSENGER&limit=1001', 'limit'],
		['limit=0', '?channel=MESSENGER&limit=0', 'limit'],
		['limit=abc', '?channel=MESSENGER&limit=abc', 'limit'],
		['limit=2.5', '?channel=MESSENGER&limit=2.5', 'limit'],
		['no channel', '', 'channel'],
		['unknown channel', '?channel=TELEGRAM', 'channel'],
	])('refuses %s with a 400 ApiError and hands nothing out', async (_name, query, property) => {
		await client.admin('POST', '/pull', { count: 1 });
		const res = await pull(query);
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({ errorCode: 'E400', violations: [{ property }] });
		expect((await client.admin('GET', '/pull')).body).toEqual({ pending: 1 });
	});

	it('accepts limit=1000 and answers another channel with no results', async () => {
		await client.admin('POST', '/pull', { count: 1 });
		expect((await pull('?channel=SMS&limit=1000')).body).toEqual({ results: [] });
		expect((await pull('?channel=MESSENGER&limit=1000')).body.results).toHaveLength(1);
	});

	it('filters by applicationId / entityId, leaving the others waiting', async () => {
		await client.admin('POST', '/pull', { count: 1, applicationId: 'app-a', text: 'a' });
		await client.admin('POST', '/pull', { count: 1, text: 'plain' });
		const res = await pull('?channel=MESSENGER&applicationId=app-a');
		expect(res.body.results).toHaveLength(1);
		expect(res.body.results[0].platform).toEqual({ applicationId: 'app-a' });
		expect((await client.admin('GET', '/pull')).body).toEqual({ pending: 1 });
	});

	it('needs the Infobip credentials (401 ApiError)', async () => {
		await client.admin('POST', '/pull', { count: 1 });
		const res = await client.get('/messages-api/1/inbound?channel=MESSENGER', { authorization: 'App nope' });
		expect(res.status).toBe(401);
		expect(res.body.errorCode).toBe('E401');
		expect((await client.admin('GET', '/pull')).body).toEqual({ pending: 1 });
	});

	it('refuses bad admin input', async () => {
		expect((await client.admin('POST', '/pull', { count: 0 })).status).toBe(400);
		expect((await client.admin('POST', '/pull', { count: 1, colour: 'red' })).status).toBe(400);
		expect((await client.admin('POST', '/pull', { count: 1, type: 'STICKER' })).status).toBe(400);
	});
});
