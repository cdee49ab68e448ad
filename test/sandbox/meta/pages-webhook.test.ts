// One callback for every page of the app: page subscriptions (subscribed_apps) per page with that page's
// token, and webhook bodies that name the page the user wrote to (entry[].id, recipient.id).
import { APP_TOKEN, D, echoChallenge, graph, json, type Loose, type Receiver, startReceiver, withToken } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

const SHOP = D.shopPageAccessToken;

describe('Meta pages: subscribed_apps per page', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it("each page keeps its own subscription, set and read with that page's token", async () => {
		expect((await graph(sb, 'POST', `/${D.shopPageId}/subscribed_apps`, withToken(SHOP, { query: { subscribed_fields: 'messages' } }))).body).toEqual({ success: true });
		expect((await graph(sb, 'GET', '/me/subscribed_apps')).body).toEqual({ data: [] });
		const shop = await graph(sb, 'GET', '/me/subscribed_apps', withToken(SHOP));
		expect(shop.body.data).toEqual([expect.objectContaining({ id: D.appId, subscribed_fields: ['messages'] })]);
		expect((await graph(sb, 'POST', '/me/subscribed_apps', { query: { subscribed_fields: 'messages,messaging_postbacks' } })).body).toEqual({ success: true });
		const pages = await json(await fetch(`${sb.url}/__sandbox/meta/pages`));
		expect(pages.pages.map((p: Loose) => [p.id, p.subscribedFields])).toEqual([
			[D.pageId, ['messages', 'messaging_postbacks']],
			[D.shopPageId, ['messages']],
		]);
		expect((await graph(sb, 'DELETE', `/${D.shopPageId}/subscribed_apps`, withToken(SHOP))).body).toEqual({ success: true });
		expect((await graph(sb, 'GET', '/me/subscribed_apps', withToken(SHOP))).body).toEqual({ data: [] });
		expect((await graph(sb, 'GET', '/me/subscribed_apps')).body.data).toHaveLength(1);
	});

	it("another page's token → the permission error, nothing changed", async () => {
		const res = await graph(sb, 'POST', `/${D.shopPageId}/subscribed_apps`, { query: { subscribed_fields: 'messages' } });
		expect(res.body.error.code).toBe(200);
		expect((await graph(sb, 'GET', '/me/subscribed_apps', withToken(SHOP))).body).toEqual({ data: [] });
	});
});

describe('Meta pages: one callback, the page named per message', () => {
	const sb = useSandbox();
	let receiver: Receiver;
	beforeAll(async () => {
		receiver = await startReceiver(echoChallenge);
	});
	afterAll(async () => {
		await receiver.close();
	});
	beforeEach(async () => {
		sb.reset();
		receiver.requests.length = 0;
		const res = await graph(sb, 'POST', `/${D.appId}/subscriptions`, {
			token: APP_TOKEN,
			form: { object: 'page', callback_url: receiver.url, verify_token: 'vt', fields: 'messages,messaging_postbacks' },
		});
		expect(res.body).toEqual({ success: true });
		receiver.requests.length = 0;
	});

	const lastBody = () => JSON.parse(receiver.requests.at(-1)!.raw.toString('utf8'));

	it('a message to page B arrives at the one callback with entry[].id and recipient.id = B; page A still by default', async () => {
		await sb.user({ via: 'meta', from: D.alicePsid, kind: 'text', text: 'to the shop', page: D.shopPageId });
		const shop = lastBody();
		expect(shop.entry).toEqual([{ id: D.shopPageId, time: expect.any(Number), messaging: [expect.objectContaining({ recipient: { id: D.shopPageId }, sender: { id: D.alicePsid } })] }]);
		await sb.user({ via: 'meta', from: D.alicePsid, kind: 'postback', payload: 'GO' });
		const page = lastBody();
		expect(page.entry[0].id).toBe(D.pageId);
		expect(page.entry[0].messaging[0].recipient).toEqual({ id: D.pageId });
		expect(new Set(receiver.requests.map((r) => r.url))).toEqual(new Set([new URL(receiver.url).pathname]));
	});

	it('batched entries, standby and echoes name page B too', async () => {
		await sb.user({ via: 'meta', from: D.bobPsid, kind: 'text', page: D.shopPageId, batch: 2, batchAs: 'entry' });
		expect(lastBody().entry.map((e: Loose) => e.id)).toEqual([D.shopPageId, D.shopPageId]);
		await sb.user({ via: 'meta', from: D.bobPsid, kind: 'text', page: D.shopPageId, standby: true });
		expect(lastBody().entry[0]).toMatchObject({ id: D.shopPageId, standby: [expect.objectContaining({ recipient: { id: D.shopPageId } })] });
		await sb.user({ via: 'meta', from: D.bobPsid, kind: 'echo', page: D.shopPageId });
		expect(lastBody().entry[0].messaging[0]).toMatchObject({ sender: { id: D.shopPageId }, recipient: { id: D.bobPsid }, message: { is_echo: true } });
	});

	it("delivery and reaction events point at the mids page B sent, not page A's", async () => {
		const a = await graph(sb, 'POST', '/me/messages', { body: { recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', message: { text: 'from A' } } });
		const b = await graph(sb, 'POST', '/me/messages', withToken(SHOP, { body: { recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', message: { text: 'from B' } } }));
		await sb.user({ via: 'meta', from: D.alicePsid, kind: 'delivery', page: D.shopPageId });
		expect(lastBody().entry[0].messaging[0].delivery.mids).toEqual([b.body.message_id]);
		await sb.user({ via: 'meta', from: D.alicePsid, kind: 'reaction', page: D.pageId });
		expect(lastBody().entry[0].messaging[0].reaction.mid).toBe(a.body.message_id);
	});

	it('a page the app does not have, or a page given with another provider, is refused (400 from the admin API)', async () => {
		const post = (action: unknown) =>
			fetch(`${sb.url}/__sandbox/user`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(action) });
		const unknown = await post({ via: 'meta', from: D.alicePsid, kind: 'text', page: '123' });
		expect(unknown.status).toBe(400);
		expect((await json(unknown)).error).toMatch(/page 123 is not a page of the app/);
		const cm = await post({ via: 'cm', from: D.alicePsid, kind: 'text', page: D.shopPageId });
		expect(cm.status).toBe(400);
		expect(receiver.requests).toHaveLength(0);
	});
});
