// Page tokens over time, driven through the admin API as an out-of-process test would: a page's token
// expires (190 / 463 in Graph's words, and the next hand-out is a new token), and the system user loses a
// page (that page fails with the permission error while the other keeps working).
import { type Sandbox } from '../../../sandbox';
import { graphSessionDate } from '../../../sandbox/meta/auth';
import { D, graph, json, withToken } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

const SYSTEM = D.systemUserToken;
const msg = (text: string) => ({ recipient: { id: D.alicePsid }, messaging_type: 'RESPONSE', message: { text } });

async function admin(sb: Sandbox, method: string, path: string) {
	const res = await fetch(`${sb.url}/__sandbox/meta${path}`, { method });
	return { status: res.status, body: await json(res) };
}

async function handedOut(sb: Sandbox, pageId: string): Promise<string> {
	const res = await graph(sb, 'GET', `/${pageId}`, withToken(SYSTEM, { query: { fields: 'access_token' } }));
	expect(res.status).toBe(200);
	return res.body.access_token;
}

describe('Meta page tokens: expiry', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it('graphSessionDate writes Graph\'s "Thursday, 29-Jul-21 10:00:00 PDT" form', () => {
		expect(graphSessionDate(Date.UTC(2021, 6, 29, 17, 0, 0))).toBe('Thursday, 29-Jul-21 10:00:00 PDT');
		expect(graphSessionDate(Date.UTC(2021, 0, 5, 8, 0, 0))).toBe('Tuesday, 05-Jan-21 00:00:00 PST');
	});

	it('after expire-token the old token answers 190 / 463 everywhere; the next hand-out is a new token that works', async () => {
		const old = await handedOut(sb, D.shopPageId);
		expect(old).toBe(D.shopPageAccessToken);
		const expired = await admin(sb, 'POST', `/pages/${D.shopPageId}/expire-token`);
		expect(expired).toEqual({ status: 200, body: { ok: true, pageId: D.shopPageId, expired: 1 } });

		for (const [method, path, body] of [
			['POST', '/me/messages', msg('late')],
			['POST', `/${D.shopPageId}/messages`, msg('late')],
			['GET', '/me', undefined],
			['GET', '/me/subscribed_apps', undefined],
		] as const) {
			const res = await graph(sb, method, path, withToken(old, { body }));
			expect({ path, status: res.status }).toEqual({ path, status: 400 });
			expect(res.body.error).toMatchObject({
				code: 190,
				error_subcode: 463,
				type: 'OAuthException',
				message: expect.stringMatching(/^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\.$/),
			});
			expect(res.headers.get('www-authenticate')).toMatch(/invalid_token/);
			expect(res.text).not.toContain(old);
		}
		expect(sb.delivered).toHaveLength(0);

		const fresh = await handedOut(sb, D.shopPageId);
		expect(fresh).not.toBe(old);
		const listed = await graph(sb, 'GET', '/me/accounts', withToken(SYSTEM, { query: { fields: 'id,access_token' } }));
		expect(listed.body.data).toEqual([
			{ id: D.pageId, access_token: D.pageAccessToken },
			{ id: D.shopPageId, access_token: fresh },
		]);
		const sent = await graph(sb, 'POST', `/${D.shopPageId}/messages`, withToken(fresh, { body: msg('fresh') }));
		expect(sent.status).toBe(200);
		expect(sb.delivered.map((d) => d.pageId)).toEqual([D.shopPageId]);
	});

	it("expiring one page's token leaves the other page's token working", async () => {
		await admin(sb, 'POST', `/pages/${D.pageId}/expire-token`);
		expect((await graph(sb, 'POST', '/me/messages', withToken(D.pageAccessToken, { body: msg('x') }))).body.error.error_subcode).toBe(463);
		expect((await graph(sb, 'POST', '/me/messages', withToken(D.shopPageAccessToken, { body: msg('y') }))).status).toBe(200);
		// The first page's new token is in config.meta.pageAccessToken, where the single-page setup reads it.
		expect(sb.config.meta.pageAccessToken).not.toBe(D.pageAccessToken);
		expect(await handedOut(sb, D.pageId)).toBe(sb.config.meta.pageAccessToken);
	});

	it('expiring twice expires the second token too; reset brings the configured tokens back', async () => {
		await admin(sb, 'POST', `/pages/${D.shopPageId}/expire-token`);
		const second = await handedOut(sb, D.shopPageId);
		await admin(sb, 'POST', `/pages/${D.shopPageId}/expire-token`);
		const third = await handedOut(sb, D.shopPageId);
		expect(new Set([D.shopPageAccessToken, second, third]).size).toBe(3);
		expect((await graph(sb, 'GET', '/me', withToken(second))).body.error.error_subcode).toBe(463);
		expect((await admin(sb, 'GET', '/pages')).body.pages).toEqual([
			{ id: D.pageId, name: D.pageName, managed: true, subscribedFields: null, expiredTokens: 0 },
			{ id: D.shopPageId, name: D.shopPageName, managed: true, subscribedFields: null, expiredTokens: 2 },
		]);
		sb.reset();
		expect((await graph(sb, 'GET', '/me', withToken(D.shopPageAccessToken))).status).toBe(200);
		expect((await graph(sb, 'GET', '/me', withToken(second))).body.error).toMatchObject({ code: 190 });
	});

	it('unknown pages and wrong methods are refused', async () => {
		expect(await admin(sb, 'POST', '/pages/123/expire-token')).toEqual({ status: 404, body: { error: expect.stringContaining('no page 123') } });
		expect((await admin(sb, 'GET', `/pages/${D.pageId}/expire-token`)).status).toBe(405);
		expect((await admin(sb, 'POST', '/nothing')).status).toBe(404);
	});
});

describe('Meta page tokens: the system user loses a page', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it('revoke: that page fails (permission error, gone from /me/accounts, 100 / 33 as the system user); the other still works', async () => {
		const revoked = await admin(sb, 'POST', `/pages/${D.shopPageId}/revoke`);
		expect(revoked).toEqual({ status: 200, body: { ok: true, pageId: D.shopPageId, managed: false } });
		expect(sb.config.meta.systemUser?.revokedPageIds).toEqual([D.shopPageId]);

		const shopSend = await graph(sb, 'POST', `/${D.shopPageId}/messages`, withToken(D.shopPageAccessToken, { body: msg('shop') }));
		expect(shopSend.status).toBe(400);
		expect(shopSend.body.error).toMatchObject({ code: 200, type: 'OAuthException', message: expect.stringMatching(/^\(#200\) Requires permission: pages_messaging/) });
		expect(shopSend.text).not.toContain(D.shopPageAccessToken);
		const pageSend = await graph(sb, 'POST', '/me/messages', withToken(D.pageAccessToken, { body: msg('page') }));
		expect(pageSend.status).toBe(200);
		expect(sb.delivered.map((d) => d.pageId)).toEqual([D.pageId]);

		const listed = await graph(sb, 'GET', '/me/accounts', withToken(SYSTEM, { query: { fields: 'id' } }));
		expect(listed.body.data).toEqual([{ id: D.pageId }]);
		const token = await graph(sb, 'GET', `/${D.shopPageId}`, withToken(SYSTEM, { query: { fields: 'access_token' } }));
		expect(token.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
		expect(token.body.error.message).toContain(`Object with ID '${D.shopPageId}'`);
		expect(token.text).not.toContain(SYSTEM);
	});

	it('restore gives the page back', async () => {
		await admin(sb, 'POST', `/pages/${D.shopPageId}/revoke`);
		expect(await admin(sb, 'POST', `/pages/${D.shopPageId}/restore`)).toEqual({ status: 200, body: { ok: true, pageId: D.shopPageId, managed: true } });
		expect((await graph(sb, 'POST', '/me/messages', withToken(D.shopPageAccessToken, { body: msg('back') }))).status).toBe(200);
		expect(await handedOut(sb, D.shopPageId)).toBe(D.shopPageAccessToken);
	});

	it('the same state can be set through the config (PATCH /__sandbox/config)', async () => {
		await fetch(`${sb.url}/__sandbox/config`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ meta: { systemUser: { revokedPageIds: [D.pageId] } } }),
		});
		expect((await graph(sb, 'POST', '/me/messages', { body: msg('x') })).body.error.code).toBe(200);
		expect((await admin(sb, 'GET', '/pages')).body.pages.map((p: { managed: boolean }) => p.managed)).toEqual([false, true]);
	});

	it('without a system user, revoke says so (409)', async () => {
		delete sb.config.meta.systemUser;
		expect((await admin(sb, 'POST', `/pages/${D.pageId}/revoke`)).status).toBe(409);
	});
});
