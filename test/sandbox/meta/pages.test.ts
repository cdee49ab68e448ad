// One app, many pages: each page sends with its own token only, the system user lists the pages and
// hands out their tokens (/me/accounts with Graph's cursor paging, GET /{page-id}?fields=access_token),
// and the delivered list says which page sent what.
import { D, graph, json, send, withToken } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

const SHOP = D.shopPageAccessToken;
const SYSTEM = D.systemUserToken;
const msg = (text: string) => ({ recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', message: { text } });

describe('Meta: several pages of one app', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it('the default config has two pages; the first is the single-page setup as before', () => {
		expect(sb.config.meta).toMatchObject({ pageId: D.pageId, pageName: 'Sandbox Page', pageAccessToken: D.pageAccessToken });
		expect(sb.config.meta.additionalPages).toEqual([
			{ id: D.shopPageId, name: 'Sandbox Shop', accessToken: D.shopPageAccessToken, category: 'Shopping & retail' },
		]);
		expect(D.shopPageId).not.toBe(D.pageId);
		expect(D.shopPageAccessToken).not.toBe(D.pageAccessToken);
	});

	it('each page sends with its own token, by id or as me; the delivered message names the page', async () => {
		const byId = await graph(sb, 'POST', `/${D.shopPageId}/messages`, withToken(SHOP, { body: msg('from the shop') }));
		expect(byId.status).toBe(200);
		const asMe = await graph(sb, 'POST', '/me/messages', withToken(SHOP, { body: msg('shop again') }));
		expect(asMe.status).toBe(200);
		const first = await send(sb, { message: { text: 'from the page' } });
		expect(first.status).toBe(200);
		expect(sb.delivered.map((d) => [d.pageId, (d.message as { text: string }).text])).toEqual([
			[D.shopPageId, 'from the shop'],
			[D.shopPageId, 'shop again'],
			[D.pageId, 'from the page'],
		]);
	});

	it("another page's token → 200 permission error, nothing delivered, no token in the answer", async () => {
		for (const [path, token] of [
			[`/${D.shopPageId}/messages`, D.pageAccessToken],
			[`/${D.pageId}/messages`, SHOP],
		]) {
			const res = await graph(sb, 'POST', path, withToken(token, { body: msg('wrong page') }));
			expect(res.status).toBe(400);
			expect(res.body.error).toMatchObject({
				code: 200,
				type: 'OAuthException',
				message: '(#200) Requires permission: pages_messaging or User associated with the Page access token does not have an appropriate role on the Page.',
			});
			expect(res.text).not.toContain(token);
		}
		expect(sb.delivered).toHaveLength(0);
	});

	it('a page id the app does not have stays 100 / 33, as before', async () => {
		const res = await graph(sb, 'POST', '/100000000000999/messages', withToken(SHOP, { body: msg('nobody') }));
		expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33 });
	});

	it("the other edges take the page's own token too (messenger profile, page node)", async () => {
		const profile = await graph(sb, 'POST', `/${D.shopPageId}/messenger_profile`, withToken(SHOP, { body: { greeting: [{ locale: 'default', text: 'Shop hi' }] } }));
		expect(profile.status).toBe(200);
		// Each page has its own profile.
		const mine = await graph(sb, 'GET', '/me/messenger_profile', { query: { fields: 'greeting' } });
		expect(mine.body).toEqual({ data: [] });
		const shops = await graph(sb, 'GET', '/me/messenger_profile', withToken(SHOP, { query: { fields: 'greeting' } }));
		expect(shops.body.data[0].greeting[0].text).toBe('Shop hi');
		const wrong = await graph(sb, 'GET', `/${D.pageId}/messenger_profile`, withToken(SHOP, { query: { fields: 'greeting' } }));
		expect(wrong.body.error.code).toBe(200);
		const node = await graph(sb, 'GET', '/me', withToken(SHOP));
		expect(node.body).toEqual({ name: 'Sandbox Shop', id: D.shopPageId });
		const otherNode = await graph(sb, 'GET', `/${D.pageId}`, withToken(SHOP));
		expect(otherNode.body.error.code).toBe(200);
	});
});

describe('Meta: the system user token', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it('GET /me → the system user (name, id)', async () => {
		const res = await graph(sb, 'GET', '/me', withToken(SYSTEM));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ name: D.systemUserName, id: D.systemUserId });
		expect((await graph(sb, 'GET', '/me', withToken(SYSTEM, { query: { fields: 'id' } }))).body).toEqual({ id: D.systemUserId });
	});

	it('GET /me/accounts → every page with access_token, category, category_list, name, id, tasks', async () => {
		const res = await graph(sb, 'GET', '/me/accounts', withToken(SYSTEM));
		expect(res.status).toBe(200);
		expect(res.body.data).toEqual([
			{ access_token: D.pageAccessToken, category: 'Sandbox', category_list: [{ id: expect.any(String), name: 'Sandbox' }], name: D.pageName, id: D.pageId, tasks: expect.arrayContaining(['MESSAGING', 'MANAGE']) },
			{ access_token: SHOP, category: 'Shopping & retail', category_list: [{ id: expect.any(String), name: 'Shopping & retail' }], name: D.shopPageName, id: D.shopPageId, tasks: expect.arrayContaining(['MESSAGING']) },
		]);
		expect(res.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
		expect(res.body.paging.next).toBeUndefined();
		expect(res.body.paging.previous).toBeUndefined();
	});

	it('GET /{system-user-id}/accounts?fields=id,name,access_token works the same', async () => {
		const res = await graph(sb, 'GET', `/${D.systemUserId}/accounts`, withToken(SYSTEM, { query: { fields: 'id,name,access_token' } }));
		expect(res.body.data).toEqual([
			{ id: D.pageId, name: D.pageName, access_token: D.pageAccessToken },
			{ id: D.shopPageId, name: D.shopPageName, access_token: SHOP },
		]);
	});

	it('cursor paging: limit=1 gives a next URL that leads to the second page, and a previous back', async () => {
		const one = await graph(sb, 'GET', '/me/accounts', withToken(SYSTEM, { query: { limit: '1', fields: 'id' } }));
		expect(one.body.data).toEqual([{ id: D.pageId }]);
		expect(one.body.paging.previous).toBeUndefined();
		const next = new URL(one.body.paging.next);
		expect(next.origin).toBe(sb.url);
		expect(next.searchParams.get('after')).toBe(one.body.paging.cursors.after);
		const two = await json(await fetch(next));
		expect(two.data).toEqual([{ id: D.shopPageId }]);
		expect(two.paging.next).toBeUndefined();
		const back = await json(await fetch(two.paging.previous));
		expect(back.data).toEqual([{ id: D.pageId }]);
		const bad = await graph(sb, 'GET', '/me/accounts', withToken(SYSTEM, { query: { after: 'bm90LWEtcGFnZQ==' } }));
		expect(bad.body.error).toMatchObject({ code: 100, message: expect.stringContaining('after') });
	});

	it('GET /{page-id}?fields=access_token,name hands out the page token, which then sends as that page', async () => {
		const res = await graph(sb, 'GET', `/${D.shopPageId}`, withToken(SYSTEM, { query: { fields: 'access_token,name' } }));
		expect(res.body).toEqual({ access_token: SHOP, name: D.shopPageName, id: D.shopPageId });
		const sent = await graph(sb, 'POST', `/${D.shopPageId}/messages`, withToken(res.body.access_token, { body: msg('obtained') }));
		expect(sent.status).toBe(200);
		expect(sb.delivered.at(-1)).toMatchObject({ pageId: D.shopPageId, recipient: D.alicePsid });
	});

	it('the system user token is not a page token (210 on sends), needs the appsecret_proof, and reads no PSIDs', async () => {
		const sendAsUser = await graph(sb, 'POST', `/${D.shopPageId}/messages`, withToken(SYSTEM, { body: msg('x') }));
		expect(sendAsUser.body.error.code).toBe(210);
		const noProof = await graph(sb, 'GET', '/me/accounts', { token: SYSTEM, proof: false });
		expect(noProof.body.error).toMatchObject({ code: 100, message: expect.stringMatching(/appsecret_proof/) });
		const psid = await graph(sb, 'GET', `/${D.alicePsid}`, withToken(SYSTEM));
		expect(psid.body.error).toMatchObject({ code: 100, error_subcode: 33 });
		expect(sb.delivered).toHaveLength(0);
	});

	it('/me/accounts with a page token → 100 nonexisting field; with the app token → 2500', async () => {
		const page = await graph(sb, 'GET', '/me/accounts');
		expect(page.body.error).toMatchObject({ code: 100, message: '(#100) Tried accessing nonexisting field (accounts) on node type (Page)' });
		const app = await graph(sb, 'GET', '/me/accounts', { token: `${D.appId}|${D.appSecret}`, proof: false });
		expect(app.body.error).toMatchObject({ code: 2500 });
	});

	it('without a system user in the config its token is unknown (190)', async () => {
		delete sb.config.meta.systemUser;
		const res = await graph(sb, 'GET', '/me/accounts', withToken(SYSTEM));
		expect(res.body.error.code).toBe(190);
	});
});
